// Runs parts as soon as their dependencies allow, as many at once as are ready: a part waits
// only for the parts it depends on, and a failed part blocks everything that depends on it.
import { isPartFailed, isPartFinished, type PartRecord, type PartsRecord } from './part-status.js';

export interface SchedulablePart {
  name: string;
  dependsOn: readonly string[];
}

export interface ScheduleHooks {
  /** Runs one part to its end; resolves with its final record. Rejections make the part DOOMED. */
  run(name: string, parts: Readonly<PartsRecord>): Promise<PartRecord>;
  /** Called after every change of state, one call at a time. */
  onChange(parts: Readonly<PartsRecord>): Promise<void>;
  /** Reports parts that will not run. */
  onBlocked?(name: string, failedDependency: string): void;
  onError?(name: string, error: unknown): void;
  /** Once aborted, nothing new starts; running parts are stopped by their runners. */
  signal?: AbortSignal;
}

/**
 * Drives `parts` (their state in `record`, which is updated in place) until nothing can run any
 * more. Parts already FINISHED, DOOMED... are left as they are; WAITING parts run when every
 * dependency has finished.
 */
export async function scheduleParts(parts: readonly SchedulablePart[], record: PartsRecord, hooks: ScheduleHooks): Promise<PartsRecord> {
  const running = new Map<string, Promise<void>>();
  for (;;) {
    if (!hooks.signal?.aborted) {
      blockFailedDependents(parts, record, hooks);
      for (const part of parts) {
        if (record[part.name]!.status !== 'WAITING' || !part.dependsOn.every((d) => isPartFinished(record[d]!.status))) continue;
        record[part.name] = { status: 'STARTED', path: null };
        running.set(part.name, runOne(part.name, record, hooks).finally(() => running.delete(part.name)));
      }
    }
    await hooks.onChange(record);
    if (running.size === 0) break;
    await Promise.race(running.values());
  }
  return record;
}

async function runOne(name: string, record: PartsRecord, hooks: ScheduleHooks): Promise<void> {
  try {
    record[name] = await hooks.run(name, record);
  } catch (error) {
    hooks.onError?.(name, error);
    record[name] = { status: 'DOOMED', path: record[name]?.path ?? null };
  }
}

function blockFailedDependents(parts: readonly SchedulablePart[], record: PartsRecord, hooks: ScheduleHooks): void {
  // Repeat until stable so that blocking travels down chains of dependents.
  for (let changed = true; changed; ) {
    changed = false;
    for (const part of parts) {
      if (record[part.name]!.status !== 'WAITING') continue;
      const failed = part.dependsOn.find((d) => isPartFailed(record[d]!.status));
      if (failed === undefined) continue;
      record[part.name] = { status: 'BLOCKED', path: null };
      hooks.onBlocked?.(part.name, failed);
      changed = true;
    }
  }
}
