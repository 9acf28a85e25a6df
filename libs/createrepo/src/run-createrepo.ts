import { access, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { FailedError, isComposeError } from '@compose/errors';
import { runTool, type RunOptions, type RunResult } from '@compose/exec';
import { buildCreaterepoArgv, type CreaterepoOptions } from './createrepo-argv.js';
import type { CreaterepoFeatures } from './createrepo-features.js';

export interface RunCreaterepoOptions extends Omit<CreaterepoOptions, 'outputDir' | 'errorExitVal'> {
  features?: CreaterepoFeatures;
  signal?: AbortSignal;
  onStderrLine?: RunOptions['onStderrLine'];
}

export interface CreaterepoRun {
  repodata: string;
  argv: string[];
  result: RunResult;
}

/**
 * Indexes `dir` into `dir/repodata` without ever exposing half-written metadata: createrepo_c
 * writes into a scratch directory inside the tree (same filesystem, so the swap is a rename),
 * and only a successful run replaces the old repodata. A package createrepo_c cannot read
 * fails the run (--error-exit-val) instead of silently vanishing from the repo.
 */
export async function runCreaterepo(dir: string, options: RunCreaterepoOptions = {}): Promise<CreaterepoRun> {
  const tree = path.resolve(dir);
  const repodata = path.join(tree, 'repodata');
  const hasOld = await exists(repodata);
  const scratch = await mkdtemp(path.join(tree, '.createrepo-'));
  const { features, signal, onStderrLine, ...createrepoOptions } = options;
  // The scratch dir starts empty, so point --update at the live metadata to keep reusing it.
  const updateMdPaths = hasOld && (options.update ?? true) ? [tree, ...(options.updateMdPaths ?? [])] : options.updateMdPaths;
  const argv = buildCreaterepoArgv(
    tree,
    { ...createrepoOptions, updateMdPaths, outputDir: scratch, errorExitVal: features?.errorExitVal ?? true },
    features,
  );
  try {
    const result = await runTool(argv, { signal, onStderrLine });
    // deltarpms land next to the metadata; they must be in place before repodata points at them
    if (await exists(path.join(scratch, 'drpms'))) await swapDirectory(path.join(scratch, 'drpms'), path.join(tree, 'drpms'), path.join(scratch, 'drpms.old'));
    await swapRepodata(path.join(scratch, 'repodata'), repodata, scratch);
    return { repodata, argv, result };
  } catch (error) {
    if (isComposeError(error) && error.code === 'TOOL_FAILED') {
      throw new FailedError('CREATEREPO_FAILED', `createrepo_c could not index ${tree}; its repodata was left as it was.\n${describeFailure(error.message)}`, { cause: error });
    }
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// rename() cannot exchange two directories, so the old one steps aside first: readers see the
// old repodata, briefly none, then the new one, but never a mix of both.
async function swapRepodata(built: string, live: string, scratch: string): Promise<void> {
  if (!(await exists(path.join(built, 'repomd.xml')))) throw new FailedError('CREATEREPO_FAILED', `createrepo_c wrote no repomd.xml for ${path.dirname(live)}`);
  await swapDirectory(built, live, path.join(scratch, 'repodata.old'));
}

async function swapDirectory(built: string, live: string, retired: string): Promise<void> {
  const hasOld = await exists(live);
  if (hasOld) await rename(live, retired);
  try {
    await rename(built, live);
  } catch (error) {
    if (hasOld) await rename(retired, live);
    throw error;
  }
}

/** Keeps the lines naming unreadable packages first: they are what the user has to fix. */
function describeFailure(message: string): string {
  const lines = message.split('\n');
  const packages = lines.filter((line) => /Cannot read package|error: .*\.rpm/.test(line));
  return [...new Set(packages.length ? packages : lines)].join('\n');
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
