// One ostree deliverable: fetch the treefile's git repo, build and commit (dnf or rpm-ostree),
// record the commit id as Pungi does (commitid.log), update the summary, notify.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ComposeManifest, OstreeCommitRecord } from '@compose/contracts';
import { runTool } from '@compose/exec';
import { buildSummaryUpdateArgv, ensureRepo } from '@compose/ostree';
import type { Logger } from '@compose/log';
import type { Notifier } from '@compose/notify';
import { fetchFromScm } from '@compose/scm';
import type { BuildRequest, BuildResult } from './build-request.js';
import { buildWithDnf } from './build-with-dnf.js';
import { buildWithRpmOstree } from './build-with-rpm-ostree.js';
import { appendLog, appendLogText } from './job-log.js';
import type { OstreeJob } from './ostree-jobs.js';
import { listPkgsetRepos, readTreefileRepos, type SourceRepo } from './source-repos.js';
import { checkTreefileKeys, getTreefileRef, loadTreefile, readStrings } from './treefile.js';

export type Builder = 'dnf' | 'rpm-ostree';

export interface JobContext {
  compose: ComposeManifest;
  composeDir: string;
  builder: Builder;
  notifier: Notifier;
  log: Logger;
  signal?: AbortSignal;
}

export async function runOstreeJob(job: OstreeJob, context: JobContext): Promise<OstreeCommitRecord> {
  const started = performance.now();
  const { compose, composeDir, log, signal } = context;
  const { config, arch } = job;
  const label = `${job.variant.uid}.${arch}`;
  const workDir = path.join(composeDir, 'work', `ostree-${job.num}`);
  const logDirRelative = path.posix.join('logs', arch, job.variant.uid, `ostree-${job.num}`);
  const logDir = path.join(composeDir, logDirRelative);
  const logFile = path.join(logDir, 'create-ostree-repo.log');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(logDir, { recursive: true });
  // a rerun's logs replace the last run's: a stale commitid.log would claim a commit this run did not make
  for (const name of ['create-ostree-repo.log', 'commitid.log', 'ostree-summary.log']) await rm(path.join(logDir, name), { force: true });

  const configRepo = path.join(workDir, 'config_repo');
  const branch = config.config_branch ?? 'master';
  log.info(`ostree ${label}: treefile ${config.treefile} from ${config.config_url} (${branch})`);
  await fetchFromScm({ scm: 'git', repo: config.config_url, branch, dir: '.' }, configRepo, { configDir: compose.config_dir, signal });
  const treefilePath = path.join(configRepo, config.treefile);
  const treefile = await loadTreefile(treefilePath);
  const keys = checkTreefileKeys(treefile);
  if (keys.ignored.length) await appendLogText(logFile, `treefile keys without effect here: ${keys.ignored.join(', ')}`);
  if (keys.unknown.length) log.warn(`ostree ${label}: unknown treefile keys ignored: ${keys.unknown.join(', ')}`);
  const ref = getTreefileRef(treefile, arch, config.ostree_ref);
  const treefileDir = path.dirname(treefilePath);
  const keepOriginalSources = config.keep_original_sources ?? false;
  const repos = dedupeRepos([
    ...job.configRepos,
    ...(await listPkgsetRepos(composeDir, arch)),
    // the dnf builder resolves the treefile's own repos here; rpm-ostree reads them itself
    ...(keepOriginalSources && context.builder === 'dnf' ? await readTreefileRepos(treefileDir, readStrings(treefile, 'repos')) : []),
  ]);
  await writeFile(path.join(workDir, 'extra_config.json'), `${JSON.stringify({ ...config, repo: repos }, null, 4)}\n`);
  if (await ensureRepo(job.ostreeRepo, 'archive', { signal })) log.info(`ostree ${label}: created archive repository ${job.ostreeRepo}`);

  const request: BuildRequest = {
    composeId: compose.compose_id,
    variant: job.variant.uid,
    arch,
    basearch: arch,
    label,
    treefile,
    treefilePath,
    treefileDir,
    ref,
    version: job.version,
    releasever: compose.release.version,
    repos,
    keepOriginalSources,
    ostreeRepo: job.ostreeRepo,
    tagRef: config.tag_ref ?? true,
    forceNewCommit: config.force_new_commit ?? false,
    unifiedCore: config.unified_core ?? false,
    workDir,
    logDir,
    logFile,
    log,
    signal,
  };
  const result: BuildResult = context.builder === 'rpm-ostree' ? await buildWithRpmOstree(request) : await buildWithDnf(request);
  // Pungi's commitid.log: written only when a new commit was made
  if (result.commitid) await writeFile(path.join(logDir, 'commitid.log'), `${result.commitid}\n`);
  const summary = config.update_summary ?? false;
  if (summary) await appendLog(path.join(logDir, 'ostree-summary.log'), () => runTool(buildSummaryUpdateArgv(job.ostreeRepo), { signal }));
  await rm(workDir, { recursive: true, force: true });
  log.info(`ostree ${label}: ${result.commitid ? `new commit ${result.commitid}` : `no changes, ${ref} stays at ${result.head ?? '(none)'}`}${job.version ? ` (version ${job.version})` : ''}`);
  await context.notifier.send('ostree', {
    variant: job.variant.uid,
    arch,
    ref,
    commitid: result.commitid,
    repo_path: translatePath(compose.config['translate_paths'], job.ostreeRepo),
    local_repo_path: job.ostreeRepo,
  });
  return {
    variant: job.variant.uid,
    arch,
    treefile: config.treefile,
    ref,
    commitid: result.head ?? null,
    new_commit: result.commitid !== null,
    ref_updated: result.refUpdated,
    version: job.version ?? null,
    repo_path: job.ostreeRepo,
    input_hash: result.inputHash,
    packages: result.packages,
    summary_updated: summary,
    builder: context.builder,
    log_dir: logDirRelative,
    duration_ms: Math.round(performance.now() - started),
  };
}

/** Pungi's translate_path: the first (prefix, replacement) pair whose prefix starts the path. */
export function translatePath(pairs: unknown, localPath: string): string {
  if (!Array.isArray(pairs)) return localPath;
  for (const pair of pairs) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') continue;
    const prefix = path.normalize(pair[0]).replace(/\/+$/, '');
    if (localPath === prefix || localPath.startsWith(`${prefix}/`)) return `${pair[1].replace(/\/+$/, '')}${localPath.slice(prefix.length)}`;
  }
  return localPath;
}

function dedupeRepos(repos: readonly SourceRepo[]): SourceRepo[] {
  const seen = new Set<string>();
  return repos.filter((repo) => !seen.has(repo.id) && (seen.add(repo.id), true));
}
