// The builder used when rpm-ostree is on PATH: Pungi's `pungi-make-ostree tree` steps. Not
// runnable on Debian (no rpm-ostree package), so only its argv and treefile rewriting are tested.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runTool } from '@compose/exec';
import { resolveRev, setRef } from '@compose/ostree';
import { appendLog } from './job-log.js';
import { renderRepoFile, type SourceRepo } from './source-repos.js';
import { readStrings, type Treefile } from './treefile.js';
import type { BuildRequest, BuildResult } from './build-request.js';

export interface RpmOstreeSpec {
  ostreeRepo: string;
  treefile: string;
  commitidFile: string;
  version?: string;
  composeId: string;
  unifiedCore: boolean;
  forceNewCommit: boolean;
}

export function buildRpmOstreeArgv(spec: RpmOstreeSpec): string[] {
  const argv = ['rpm-ostree', 'compose', 'tree', `--repo=${spec.ostreeRepo}`, `--write-commitid-to=${spec.commitidFile}`, `--touch-if-changed=${spec.commitidFile}.stamp`];
  if (spec.unifiedCore) argv.push('--unified-core');
  if (spec.version) argv.push(`--add-metadata-string=version=${spec.version}`);
  argv.push(`--add-metadata-string=compose.id=${spec.composeId}`);
  // rpm-ostree's own change detection, off on request (its --force-nocache)
  if (spec.forceNewCommit) argv.push('--force-nocache');
  argv.push(spec.treefile);
  return argv;
}

/**
 * Pungi's tweak_treeconf: the compose's repos become .repo files beside the treefile and replace
 * its `repos` (or join them with keep_original_sources); ostree_ref replaces `ref`.
 */
export function tweakTreefile(treefile: Treefile, repos: readonly SourceRepo[], keepOriginalSources: boolean, ref: string): Treefile {
  const ids = repos.map((repo) => repo.id);
  return { ...treefile, ref, repos: keepOriginalSources ? [...readStrings(treefile, 'repos'), ...ids] : ids };
}

export async function buildWithRpmOstree(request: BuildRequest): Promise<BuildResult> {
  const tweaked = tweakTreefile(request.treefile, request.repos, request.keepOriginalSources, request.ref);
  const repoFile = path.join(request.treefileDir, 'compose-ostree-sources.repo');
  await writeFile(repoFile, renderRepoFile(request.repos));
  // JSON is valid YAML too, so one rewritten file serves either treefile format; includes are already merged in
  const treefile = path.join(request.treefileDir, `${path.basename(request.treefilePath).replace(/\.(json|ya?ml)$/i, '')}.compose-ostree.json`);
  await writeFile(treefile, `${JSON.stringify(tweaked, null, 4)}\n`);
  const commitidFile = path.join(request.logDir, 'commitid.log');
  await rm(commitidFile, { force: true });
  await appendLog(request.logFile, () =>
    runTool(
      buildRpmOstreeArgv({
        ostreeRepo: request.ostreeRepo,
        treefile,
        commitidFile,
        version: request.version,
        composeId: request.composeId,
        unifiedCore: request.unifiedCore,
        forceNewCommit: request.forceNewCommit,
      }),
      { signal: request.signal },
    ),
  );
  const commitid = existsSync(commitidFile) ? (await readFile(commitidFile, 'utf8')).trim() || null : null;
  // --write-commitid-to leaves the ref alone; Pungi moves it itself unless tag_ref is False
  if (commitid && request.tagRef) await setRef(request.ostreeRepo, request.ref, commitid, { signal: request.signal });
  const head = commitid ?? (await resolveRev(request.ostreeRepo, request.ref, { signal: request.signal }));
  return { commitid, head, refUpdated: request.tagRef && head !== undefined, inputHash: null, packages: [] };
}
