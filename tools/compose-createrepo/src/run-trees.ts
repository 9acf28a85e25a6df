import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CreaterepoTree } from '@compose/contracts';
import { addProductId, runCreaterepo, type CreaterepoFeatures, type CreaterepoOptions } from '@compose/createrepo';
import { getLogDir, getWorkDir } from '@compose/compose-info';
import { formatCommand } from '@compose/exec';
import type { Logger } from '@compose/log';
import { describeJob, type TreeJob } from './list-trees.js';
import { getCreaterepoLogName } from './createrepo-options.js';
import { runPool } from '@compose/pool';
import { linkOldRepodata, type TreeReusePlan } from './tree-reuse.js';

export interface RunTreesOptions {
  composeDir: string;
  shared: CreaterepoOptions;
  features: CreaterepoFeatures;
  /** Parallel createrepo runs (createrepo_num_workers). */
  parallel: number;
  productIds: ReadonlyMap<TreeJob, string>;
  /** Old package dirs per job when deltas are made for it. */
  deltaDirs: ReadonlyMap<TreeJob, string[]>;
  /** Digests, and the old trees whose repodata is linked instead of running createrepo_c. */
  reuse?: TreeReusePlan;
  log: Logger;
  signal?: AbortSignal;
}

/** Runs createrepo_c for every job, `parallel` at a time; the first failure stops new runs and is thrown. */
export async function runTreeJobs(jobs: readonly TreeJob[], options: RunTreesOptions): Promise<CreaterepoTree[]> {
  let done = 0;
  return runPool(jobs, options.parallel, async (job) => {
    const tree = await indexTree(job, options);
    options.log.progress(++done, jobs.length, 'repos');
    return tree;
  });
}

async function indexTree(job: TreeJob, options: RunTreesOptions): Promise<CreaterepoTree> {
  const { composeDir } = options;
  const started = performance.now();
  await mkdir(job.repoDir, { recursive: true });
  const pkglist = await writePackageList(job, composeDir);
  const { scope, name } = getCreaterepoLogName(job);
  const logFile = path.join(getLogDir(composeDir, scope), name);
  await mkdir(path.dirname(logFile), { recursive: true });
  const digest = options.reuse?.digests.get(job);
  const recorded = digest ? { inputs_digest: digest.digest, inputs: digest.parts } : {};
  const old = options.reuse?.reusable.get(job);
  if (old && (await linkOldRepodata(old, job))) {
    await writeFile(logFile, `# ${describeJob(job)}: repodata reused from ${path.join(old.composeDir, 'compose', old.tree.path)} (inputs digest ${digest!.digest}); createrepo_c not run\n`);
    options.log.debug(`createrepo: ${describeJob(job)} reused from ${old.composeDir}`);
    return { ...describeTree(job, composeDir, path.join(job.repoDir, 'repodata'), logFile, { product_id: old.tree.product_id, deltas: false }), duration_ms: Math.round(performance.now() - started), ...recorded, reused_from: old.composeDir };
  }
  const oldPackageDirs = options.deltaDirs.get(job);
  const runOptions = {
    ...options.shared,
    pkglist,
    groupfile: job.groupfile,
    deltas: oldPackageDirs ? { oldPackageDirs } : undefined,
    features: options.features,
    signal: options.signal,
  };
  options.log.debug(`createrepo ${describeJob(job)}: ${job.packages.length} packages`);
  try {
    const run = await runCreaterepo(job.repoDir, runOptions);
    let logText = `${formatCommand(run.argv)}\n${run.result.stdout}${run.result.stderr}`;
    const certificate = options.productIds.get(job);
    if (certificate) {
      await addProductId(job.repoDir, certificate);
      logText += `\nproduct certificate added: ${certificate}\n`;
    }
    await writeFile(logFile, logText);
    const tree = describeTree(job, composeDir, run.repodata, logFile, { product_id: Boolean(certificate), deltas: Boolean(oldPackageDirs) });
    return { ...tree, duration_ms: Math.round(performance.now() - started), ...recorded, reused_from: null };
  } catch (error) {
    await writeFile(logFile, `${(error as Error).message}\n`).catch(() => undefined);
    throw error;
  }
}

function describeTree(job: TreeJob, composeDir: string, repodata: string, logFile: string, flags: Pick<CreaterepoTree, 'product_id' | 'deltas'>): Omit<CreaterepoTree, 'duration_ms'> {
  const compose = path.join(composeDir, 'compose');
  return {
    variant: job.variant.uid,
    arch: job.arch,
    pkg_type: job.pkgType,
    path: path.relative(compose, job.repoDir),
    repomd: path.relative(compose, path.join(repodata, 'repomd.xml')),
    packages: job.packages.length,
    groupfile: job.groupfile ? path.relative(composeDir, job.groupfile) : null,
    ...flags,
    log: path.relative(composeDir, logFile),
  };
}

/** Pungi's work/<arch>/repo_package_list/<variant>.<type>.conf: the --pkglist of one run. */
async function writePackageList(job: TreeJob, composeDir: string): Promise<string> {
  const file = path.join(getWorkDir(composeDir, job.pkgType === 'srpm' ? 'global' : job.arch), 'repo_package_list', `${job.variant.uid}.${job.pkgType}.conf`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, job.packages.map((p) => `${p}\n`).join(''));
  return file;
}
