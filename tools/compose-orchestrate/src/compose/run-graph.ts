export type TaskResult = 'done' | 'failed' | 'terminated';
export type TaskState = TaskResult | 'skipped' | 'not-run';

export interface GraphTask {
  name: string;
  /** Tasks whose results this one reads; skipped ones count as settled. */
  needs: readonly string[];
  /** Set when the task is not to run at all. */
  skipReason?: string;
  run: () => Promise<TaskResult>;
}

export interface GraphOptions {
  signal: AbortSignal;
  /** A task that never started because the compose failed or was stopped first. */
  onNotRun?: (name: string, reason: string) => void;
}

/**
 * Runs tasks as soon as everything they need is done, as many at once as the graph allows
 * (a task never waits for work it does not need). The first failure or an abort stops new
 * starts; tasks already running finish (or are stopped by the signal they watch).
 */
export async function runTaskGraph(tasks: readonly GraphTask[], options: GraphOptions): Promise<Map<string, TaskState>> {
  const names = new Set(tasks.map((t) => t.name));
  for (const task of tasks) {
    const unknown = task.needs.filter((n) => !names.has(n));
    if (unknown.length > 0) throw new Error(`task ${task.name} needs unknown task(s) ${unknown.join(', ')}`);
  }
  const states = new Map<string, TaskState>();
  for (const task of tasks) if (task.skipReason !== undefined) states.set(task.name, 'skipped');
  const running = new Map<string, Promise<void>>();
  let stopReason: string | undefined;

  const isSettledOk = (name: string): boolean => states.get(name) === 'done' || states.get(name) === 'skipped';
  const startReady = (): void => {
    if (stopReason === undefined && options.signal.aborted) stopReason = 'the compose was stopped';
    if (stopReason !== undefined) return;
    for (const task of tasks) {
      if (states.has(task.name) || running.has(task.name) || !task.needs.every(isSettledOk)) continue;
      const settle = (result: TaskResult): void => {
        states.set(task.name, result);
        running.delete(task.name);
        if (result === 'failed') stopReason ??= `${task.name} failed`;
        if (result === 'terminated') stopReason ??= 'the compose was stopped';
      };
      running.set(task.name, task.run().then(settle, () => settle('failed')));
    }
  };

  startReady();
  while (running.size > 0) {
    await Promise.race(running.values());
    startReady();
  }
  for (const task of tasks) {
    if (states.has(task.name)) continue;
    const reason = stopReason ?? describeBlocked(task, states);
    states.set(task.name, 'not-run');
    options.onNotRun?.(task.name, `not run: ${reason}`);
  }
  return states;
}

function describeBlocked(task: GraphTask, states: ReadonlyMap<string, TaskState>): string {
  const blocking = task.needs.filter((n) => states.get(n) !== 'done' && states.get(n) !== 'skipped');
  return `it needs ${blocking.join(', ')}, which did not finish`;
}
