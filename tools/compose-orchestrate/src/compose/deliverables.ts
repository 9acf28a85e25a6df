import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { getWorkDir } from '@compose/compose-info';
import type { PhaseDeliverable } from '@compose/contracts';
import type { Logger } from '@compose/log';

type DeliverableKey = [variant: string, arch: string, subvariant: string | null];

/** logs/global/deliverables.json as Pungi writes it: kind -> [variant, arch, subvariant] lists. */
export interface DeliverablesLog {
  required: Record<string, DeliverableKey[]>;
  failed: Record<string, DeliverableKey[]>;
  attempted: Record<string, DeliverableKey[]>;
}

/**
 * The deliverables every phase tool listed in its manifest (work/global/*.json with a
 * `deliverables` array, e.g. createiso.json, ostree.json). Reading whatever is there keeps the
 * orchestrator free of a list of which tool makes what.
 */
export async function collectDeliverables(composeDir: string, log?: Logger): Promise<PhaseDeliverable[]> {
  const dir = getWorkDir(composeDir);
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  const found: PhaseDeliverable[] = [];
  for (const file of files) {
    try {
      const data = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as { payload?: { deliverables?: unknown } };
      const list = data.payload?.deliverables;
      if (Array.isArray(list)) found.push(...list.filter(isDeliverable));
    } catch (error) {
      log?.warn(`${path.join(dir, file)}: not read for deliverables: ${(error as Error).message}`);
    }
  }
  return found;
}

function isDeliverable(value: unknown): value is PhaseDeliverable {
  const d = value as Partial<PhaseDeliverable> | null;
  return typeof d === 'object' && d !== null && typeof d.kind === 'string' && typeof d.variant === 'string' && typeof d.arch === 'string' && typeof d.status === 'string';
}

/**
 * Pungi's bookkeeping: a deliverable that may fail is "attempted", one that may not is
 * "required"; every one that failed is also listed under "failed". Skipped ones were never tried.
 */
export function buildDeliverablesLog(deliverables: readonly PhaseDeliverable[]): DeliverablesLog {
  const result: DeliverablesLog = { required: {}, failed: {}, attempted: {} };
  const add = (bucket: Record<string, DeliverableKey[]>, d: PhaseDeliverable): void => {
    (bucket[d.kind] ??= []).push([d.variant, d.arch, d.subvariant ?? null]);
  };
  for (const d of deliverables) {
    if (d.status === 'skipped') continue;
    add(d.failable ? result.attempted : result.required, d);
    if (d.status === 'failed') add(result.failed, d);
  }
  return result;
}

/** Pungi's json.dump(indent=4) layout. */
export function formatDeliverablesLog(data: DeliverablesLog): string {
  return JSON.stringify({ required: data.required, failed: data.failed, attempted: data.attempted }, null, 4);
}

export function describeDeliverable(d: PhaseDeliverable): string {
  return `${d.kind} ${d.variant}.${d.arch}${d.subvariant && d.subvariant !== d.variant ? ` (${d.subvariant})` : ''}`;
}
