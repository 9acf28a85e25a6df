import { availableParallelism } from 'node:os';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ComposeManifest, CreaterepoManifest } from '@compose/contracts';
import { detectCreaterepoFeatures } from '@compose/createrepo';
import { getComposeIdPrefix, getWorkDir } from '@compose/compose-info';
import { requireTools } from '@compose/exec';
import type { Logger } from '@compose/log';
import { buildSharedOptions, wantsDeltas } from './createrepo-options.js';
import { runExtraFiles } from './extra-files.js';
import { listTreeJobs, type TreeJob } from './list-trees.js';
import { findOldCompose, findOldPackageDirs } from './old-composes.js';
import { resolveProductIds } from './product-ids.js';
import { readRpmsMetadata } from './read-rpms.js';
import { runTreeJobs } from './run-trees.js';
import { writeTreeMetadata } from './tree-metadata.js';
import { planTreeReuse } from './tree-reuse.js';

export interface CreaterepoRunOptions {
  composeDir: string;
  oldComposes: readonly string[];
  /** Overrides createrepo_num_workers. */
  parallel?: number;
  log: Logger;
  signal?: AbortSignal;
  /** Seconds since the epoch for .treeinfo/.discinfo/media.repo; default now. */
  timestamp?: number;
}

/**
 * The createrepo phase: repodata for every os, debug and source tree (with comps, product
 * certificates and deltas as configured), .treeinfo/.discinfo/media.repo for each os and source
 * tree, and the extra_files phase. Returns the compose.createrepo manifest; writes no manifest.
 */
export async function runCreaterepoPhase(compose: ComposeManifest, options: CreaterepoRunOptions): Promise<CreaterepoManifest> {
  const { composeDir, log, signal } = options;
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  };
  await requireTools(['createrepo_c', 'modifyrepo_c']);
  const features = await detectCreaterepoFeatures();
  const rpms = await readRpmsMetadata(composeDir);
  const jobs = listTreeJobs(compose, composeDir, rpms);
  const config = compose.config;
  const scm = { configDir: compose.config_dir, signal };
  const productIds = await time('product_id', () => resolveProductIds(config, jobs, getWorkDir(composeDir), scm));
  const deltaDirs = await time('find_deltas', () => findDeltaDirs(compose, composeDir, jobs, options.oldComposes, log));
  // Unset in the config file, trees run as many at a time as there are cores (Pungi's fixed
  // default of 3 only oversubscribes a 2-core machine and starves a 64-core one).
  const setInFile = compose.config_set?.includes('createrepo_num_workers') ?? true;
  const configured = typeof config['createrepo_num_workers'] === 'number' ? (config['createrepo_num_workers'] as number) : undefined;
  const workers = options.parallel ?? (setInFile && configured ? configured : availableParallelism());
  const shared = buildSharedOptions(config);
  // createrepo_c refuses a cache directory that does not exist yet
  if (shared.cachedir) await mkdir(shared.cachedir, { recursive: true });
  const reuse = await time('reuse', () => planTreeReuse({ compose, composeDir, jobs, shared, features, productIds, deltaDirs, oldComposes: options.oldComposes, log }));
  const toRun = jobs.length - reuse.reusable.size;
  const sources = [...new Set([...reuse.reusable.values()].map((old) => old.composeDir))];
  if (sources.length) log.info(`createrepo: repodata of ${reuse.reusable.size} of ${jobs.length} repos reused from ${sources.join(', ')} (inputs unchanged)`);
  const reusing = reuse.reusable.size ? `${reuse.reusable.size} reused from old composes, ${toRun} to index ` : '';
  log.step(`createrepo: ${jobs.length} repos, ${reusing}${workers} at a time (createrepo_c ${features.version})`);
  const trees = await time('createrepo', () =>
    runTreeJobs(jobs, { composeDir, shared, features, parallel: workers, productIds, deltaDirs, reuse, log, signal }),
  );
  const treeMetadata = await time('tree_metadata', () => writeTreeMetadata(compose, composeDir, options.timestamp ?? Date.now() / 1000));
  const extraFiles = await time('extra_files', () => runExtraFiles(compose, composeDir, rpms, scm));
  if (extraFiles.length) log.info(`extra_files: ${extraFiles.length} files`);
  return { compose_id: compose.compose_id, createrepo_version: features.version, trees, tree_metadata: treeMetadata, extra_files: extraFiles, timings_ms: timings };
}

async function findDeltaDirs(compose: ComposeManifest, composeDir: string, jobs: readonly TreeJob[], oldComposes: readonly string[], log: Logger): Promise<Map<TreeJob, string[]>> {
  const result = new Map<TreeJob, string[]>();
  const deltaJobs = jobs.filter((job) => wantsDeltas(compose.config, job));
  if (!deltaJobs.length) return result;
  const prefix = getComposeIdPrefix(compose.release, compose.base_product ?? undefined);
  const old = await findOldCompose(oldComposes, prefix, composeDir);
  if (!old) {
    log.info('createrepo_deltas: no finished old compose found, no deltas made');
    return result;
  }
  log.info(`createrepo_deltas: deltas against ${old}`);
  for (const job of deltaJobs) {
    const dirs = await findOldPackageDirs(old, path.relative(composeDir, job.repoDir), compose.config['hashed_directories'] === true);
    if (dirs.length) result.set(job, dirs);
  }
  return result;
}
