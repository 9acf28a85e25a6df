// --old-composes: the earlier composes a phase may take unchanged results from.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { tryParseComposeId } from './compose-id.js';

/**
 * A phase writes its manifest last and atomically, so the manifest being there means the phase
 * finished, even in a compose stopped (TERMINATED) or failed (DOOMED) in a later phase: a rerun
 * after Ctrl-C takes over what was done. A STARTED compose may still be running and is skipped.
 */
export const REUSABLE_COMPOSE_STATUSES: readonly string[] = ['FINISHED', 'FINISHED_INCOMPLETE', 'TERMINATED', 'DOOMED'];

export interface OldCompose {
  /** Absolute compose directory. */
  dir: string;
  composeId: string;
  status: string;
}

/**
 * Compose directories among `oldComposeDirs` (target dirs holding composes, or compose dirs
 * themselves) whose ID starts with `prefix` (`<short>-<version>[-<base>]`), in a reusable
 * status, newest first (by date, then respin: `.t.10` is newer than `.t.9`). `ownDir` is left out.
 */
export async function listOldComposes(oldComposeDirs: readonly string[], prefix: string, ownDir?: string): Promise<OldCompose[]> {
  const dirs = new Set<string>();
  for (const dir of oldComposeDirs) {
    if (existsSync(path.join(dir, 'COMPOSE_ID'))) dirs.add(path.resolve(dir));
    else for (const entry of await readdir(dir).catch(() => [] as string[])) dirs.add(path.resolve(dir, entry));
  }
  if (ownDir) dirs.delete(path.resolve(ownDir));
  const found: (OldCompose & { date: string; respin: number })[] = [];
  for (const dir of dirs) {
    const composeId = path.basename(dir);
    const parsed = tryParseComposeId(composeId);
    if (parsed?.prefix !== prefix) continue;
    const status = (await readFile(path.join(dir, 'STATUS'), 'utf8').catch(() => '')).trim();
    if (!REUSABLE_COMPOSE_STATUSES.includes(status)) continue;
    found.push({ dir, composeId, status, date: parsed.date, respin: parsed.respin });
  }
  found.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.respin - a.respin));
  return found.map(({ dir, composeId, status }) => ({ dir, composeId, status }));
}
