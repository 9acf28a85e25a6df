// Spawning on node:child_process directly: every phase tool starts a process, and loading execa
// (with its dozen dependencies) cost each of them ~150 ms of CPU before doing any work.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface SpawnOptions {
  cwd?: string;
  /** Added to (undefined: removed from) this process's environment. */
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  stdin: 'ignore' | 'pipe';
  /** Collect stdout (false: the caller consumes child.stdout as a stream). */
  collectStdout: boolean;
  /** Own process group, stopped as a whole (grandchildren included). */
  processGroup?: boolean;
  onStderrLine?: (line: string) => void;
}

export interface ChildOutcome {
  /** null when killed by a signal or never started. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  /** The spawn error (ENOENT for a missing executable). */
  error?: NodeJS.ErrnoException;
  canceled: boolean;
}

export interface SpawnedChild {
  child: ChildProcess;
  stdout: Readable;
  done: Promise<ChildOutcome>;
}

const KILL_DELAY_MS = 5000;

/** Process groups of running children, killed if this process exits before they do. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function kill(pid: number, group: boolean, signal: NodeJS.Signals): void {
  try {
    process.kill(group ? -pid : pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Starts `file args`; `done` settles (never rejects) when the child has exited and its output
 * is read. Aborting `signal` sends SIGTERM, then SIGKILL after 5 s.
 */
export function spawnChild(file: string, args: readonly string[], options: SpawnOptions): SpawnedChild {
  const env = options.env ? { ...process.env, ...options.env } : process.env;
  const child = spawn(file, args, { cwd: options.cwd, env, stdio: [options.stdin, 'pipe', 'pipe'], detached: options.processGroup === true });
  const group = options.processGroup === true && child.pid !== undefined;
  if (group) trackGroup(child.pid!);
  const stdoutChunks: Buffer[] = [];
  let stderr = '';
  let pendingLine = '';
  if (options.collectStdout) child.stdout?.on('data', (chunk: Buffer) => stdoutChunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stderr += text;
    if (!options.onStderrLine) return;
    const lines = (pendingLine + text).split(/\r?\n|\r/);
    pendingLine = lines.pop() ?? '';
    for (const line of lines) if (line) options.onStderrLine(line);
  });
  // The child may exit before reading all its input; that shows in its exit code, not as EPIPE.
  child.stdin?.on('error', () => undefined);

  let canceled = false;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = (): void => {
    canceled = true;
    if (child.pid === undefined) return;
    kill(child.pid, group, 'SIGTERM');
    killTimer = setTimeout(() => kill(child.pid!, group, 'SIGKILL'), KILL_DELAY_MS);
    killTimer.unref();
  };
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });

  const done = new Promise<ChildOutcome>((resolve) => {
    let spawnError: NodeJS.ErrnoException | undefined;
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
      // A child that never started emits no 'close' on some Node versions.
      if (child.pid === undefined) finish(null, null);
    });
    // Stopped, the leader's exit is the moment to clear its group: grandchildren holding our
    // pipes open would otherwise delay 'close' until the SIGKILL timer.
    child.on('exit', () => {
      if (canceled && group) kill(child.pid!, true, 'SIGKILL');
    });
    child.on('close', (code, signal) => finish(code, signal));
    let finished = false;
    function finish(code: number | null, signal: NodeJS.Signals | null): void {
      if (finished) return;
      finished = true;
      options.signal?.removeEventListener('abort', stop);
      if (killTimer) clearTimeout(killTimer);
      if (group) {
        // Whatever the leader left running in its group after being stopped goes with it.
        if (canceled) kill(child.pid!, true, 'SIGKILL');
        liveGroups.delete(child.pid!);
      }
      if (pendingLine && options.onStderrLine) options.onStderrLine(pendingLine);
      resolve({ exitCode: code, signal, stdout: Buffer.concat(stdoutChunks), stderr, ...(spawnError ? { error: spawnError } : {}), canceled });
    }
  });
  return { child, stdout: child.stdout as Readable, done };
}

function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A second Ctrl-C exits at once: no grandchild may outlive us.
  process.on('exit', () => {
    for (const group of liveGroups) kill(group, true, 'SIGKILL');
  });
}
