import path from 'node:path';
import type { ComposeManifest, OstreeCommitRecord, OstreeManifest, PhaseDeliverable } from '@compose/contracts';
import { isToolAvailable, requireTools } from '@compose/exec';
import type { Logger } from '@compose/log';
import { writeJsonAtomic } from '@compose/manifest';
import { createNotifier } from '@compose/notify';
import { listOstreeJobs } from './ostree-jobs.js';
import { runOstreeJob, type Builder } from './run-job.js';

export interface OstreeRunOptions {
  composeDir: string;
  log: Logger;
  signal?: AbortSignal;
  /** Notification script; falls back to $COMPOSE_NOTIFICATION_SCRIPT. */
  notificationScript?: string;
}

/** Public record of the phase's commits, next to the productmd metadata. */
export const OSTREE_METADATA = 'compose/metadata/ostree.json';

/**
 * The ostree phase: one commit per variant, config block and arch, one after another (they may
 * share an ostree repo, and dnf installroots are heavy). A failing deliverable is recorded and the
 * others still run; the caller decides the exit code from the deliverables' failable flags.
 */
export async function runOstreePhase(compose: ComposeManifest, options: OstreeRunOptions): Promise<OstreeManifest> {
  const { composeDir, log, signal } = options;
  const started = performance.now();
  const jobs = listOstreeJobs(compose, composeDir);
  const manifest: OstreeManifest = { compose_id: compose.compose_id, commits: [], deliverables: [], timings_ms: {} };
  if (!jobs.length) {
    log.info('ostree: no ostree config applies to any variant; nothing to do');
    return manifest;
  }
  // rpm-ostree is the real thing when present; Debian has none, so dnf + ostree stand in
  const builder: Builder = (await isToolAvailable('rpm-ostree')) ? 'rpm-ostree' : 'dnf';
  await requireTools(builder === 'dnf' ? ['git', 'dnf', 'rpm', 'ostree'] : ['git', 'rpm-ostree', 'ostree']);
  const notifier = createNotifier({ script: options.notificationScript, composeDir, logger: log });
  log.step(`ostree: ${jobs.length} deliverables, built with ${builder === 'dnf' ? 'dnf --installroot + ostree commit' : 'rpm-ostree compose tree'}`);
  for (const job of jobs) {
    const label = `${job.variant.uid}.${job.arch}`;
    const deliverable: PhaseDeliverable = { kind: 'ostree', variant: job.variant.uid, arch: job.arch, subvariant: null, status: 'done', failable: job.failable, started: new Date().toISOString() };
    log.step(`[BEGIN] OSTree phase for variant ${job.variant.uid}, arch ${job.arch}`);
    try {
      const record: OstreeCommitRecord = await runOstreeJob(job, { compose, composeDir, builder, notifier, log, signal });
      manifest.commits.push(record);
      deliverable.output = record.ref;
      log.step(`[DONE ] OSTree phase for variant ${job.variant.uid}, arch ${job.arch}`);
    } catch (error) {
      if (signal?.aborted) throw error;
      deliverable.status = 'failed';
      deliverable.error = (error as Error).message;
      const what = `ostree ${label} failed${job.failable ? ' (failable)' : ''}: ${deliverable.error}`;
      if (job.failable) log.warn(what);
      else log.error(what);
    }
    deliverable.finished = new Date().toISOString();
    manifest.deliverables.push(deliverable);
  }
  await writeJsonAtomic(path.join(composeDir, OSTREE_METADATA), {
    compose_id: compose.compose_id,
    commits: manifest.commits.map(({ variant, arch, ref, commitid, new_commit, version, repo_path }) => ({ variant, arch, ref, commitid, new_commit, version, repo_path })),
  }, { indent: 4, sortKeys: true });
  manifest.timings_ms['total'] = Math.round(performance.now() - started);
  return manifest;
}
