import path from 'node:path';
import { getLatestLinkName, getLogDir, updateLatestLink, type ComposeStatus } from '@compose/compose-info';
import type { PhaseDeliverable } from '@compose/contracts';
import type { Logger } from '@compose/log';
import { writeFileAtomic } from '@compose/manifest';
import type { ComposeIdentityFromConfig } from '../init/identity.js';
import { buildDeliverablesLog, describeDeliverable, formatDeliverablesLog } from './deliverables.js';
import type { TaskState } from './run-graph.js';

/**
 * The compose's final status, as Pungi decides it: stopped by a signal is TERMINATED, a failed
 * phase (or a deliverable that was not allowed to fail) DOOMED, a failed failable deliverable
 * FINISHED_INCOMPLETE.
 */
export function decideStatus(aborted: boolean, states: ReadonlyMap<string, TaskState>, deliverables: readonly PhaseDeliverable[]): ComposeStatus {
  if (aborted || [...states.values()].includes('terminated')) return 'TERMINATED';
  if ([...states.values()].includes('failed')) return 'DOOMED';
  const failed = deliverables.filter((d) => d.status === 'failed');
  if (failed.some((d) => !d.failable)) return 'DOOMED';
  return failed.length > 0 ? 'FINISHED_INCOMPLETE' : 'FINISHED';
}

export async function writeDeliverablesLog(composeDir: string, deliverables: readonly PhaseDeliverable[], log: Logger): Promise<void> {
  for (const d of deliverables.filter((x) => x.status === 'failed')) {
    log.warn(`failed ${describeDeliverable(d)}${d.failable ? ' (failable)' : ''}${d.error ? `: ${d.error}` : ''}`);
  }
  await writeFileAtomic(path.join(getLogDir(composeDir), 'deliverables.json'), formatDeliverablesLog(buildDeliverablesLog(deliverables)));
}

/** latest-<short>-<major> in the target dir, for finished composes only (as pungi-koji). */
export async function linkLatest(composeDir: string, identity: ComposeIdentityFromConfig, log: Logger): Promise<void> {
  const name = getLatestLinkName({ release: identity.release, ...(identity.baseProduct ? { baseProduct: identity.baseProduct } : {}) });
  const link = await updateLatestLink(path.dirname(composeDir), name, path.basename(composeDir));
  log.info(`${path.basename(link)} -> ${path.basename(composeDir)}`);
}

/**
 * logs/global/report.html. Loaded only now, so a compose does not pay for the report's code at
 * start-up; a failing report never changes the compose's status.
 */
export async function writeReport(composeDir: string, log: Logger): Promise<string | undefined> {
  try {
    const { writeComposeReport } = await import('@compose/compose-report');
    const file = await writeComposeReport(composeDir);
    log.info(`report: ${file}`);
    return file;
  } catch (error) {
    log.warn(`the HTML report could not be written: ${(error as Error).message}`);
    return undefined;
  }
}
