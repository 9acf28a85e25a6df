// The builder used when rpm-ostree is not installed: dnf --installroot, rpm-ostree's
// post-processing redone in ostree-ready-tree steps, then a plain `ostree commit`.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { commitTree, readCommitMetadata, resolveRev } from '@compose/ostree';
import { installPackages } from './dnf-install.js';
import { computeInputHash } from './input-hash.js';
import { appendLogText } from './job-log.js';
import { applyFinalTouches, buildOstreeRootfs, linkRpmdb, moveEtcToUsr, relocateKernels, tidyRpmdb } from './rootfs-layout.js';
import { renderRepoFile } from './source-repos.js';
import { applyTreefileEdits, enableUnits, makeExecutablesReadonly, setDefaultTarget } from './treefile-postprocess.js';
import { getTreefilePackages, readBoolean, readString, readStrings } from './treefile.js';
import { convertVarToTmpfiles } from './var-tmpfiles.js';
import type { BuildRequest, BuildResult } from './build-request.js';

export const INPUT_HASH_KEY = 'compose.inputhash';

export async function buildWithDnf(request: BuildRequest): Promise<BuildResult> {
  const { treefile, workDir, logFile, signal } = request;
  const reposdir = path.join(workDir, 'yum.repos.d');
  await mkdir(reposdir, { recursive: true });
  await writeFile(path.join(reposdir, 'compose-ostree.repo'), renderRepoFile(request.repos));
  const installRoot = path.join(workDir, 'install-root');
  const commitRoot = path.join(workDir, 'commit-root');
  await rm(installRoot, { recursive: true, force: true });
  await rm(commitRoot, { recursive: true, force: true });
  try {
    const packages = getTreefilePackages(treefile, request.basearch);
    request.log.info(`ostree ${request.label}: installing ${packages.length} packages from ${request.repos.length} repos`);
    const installed = await installPackages(
      {
        root: installRoot,
        reposdir,
        arch: request.arch,
        releasever: readString(treefile, 'releasever') ?? request.releasever,
        packages,
        excludes: readStrings(treefile, 'exclude-packages'),
        installWeakDeps: readBoolean(treefile, 'recommends', true),
        documentation: readBoolean(treefile, 'documentation', true),
      },
      path.join(workDir, 'rpm-home'),
      readStrings(treefile, 'install-langs'),
      logFile,
      signal,
    );
    const inputHash = await computeInputHash(treefile, request.treefileDir, installed);
    const previous = await resolveRev(request.ostreeRepo, request.ref, { signal });
    const previousHash = previous ? await readCommitMetadata(request.ostreeRepo, previous, INPUT_HASH_KEY, { signal }) : undefined;
    const result = { inputHash, packages: installed.map((pkg) => pkg.nevra) };
    if (previous && previousHash === inputHash && !request.forceNewCommit) {
      await appendLogText(logFile, `No apparent changes since previous commit ${previous} (input hash ${inputHash}); no new commit.`);
      return { ...result, commitid: null, head: previous, refUpdated: request.tagRef };
    }
    await prepareTree(request, installRoot, commitRoot);
    const kernels = await relocateKernels(commitRoot, readString(treefile, 'boot-location') ?? 'modules');
    if (kernels.length) await appendLogText(logFile, `kernels ${kernels.join(', ')} in /usr/lib/modules; no initramfs generated (dracut is not run)`);
    const metadata: Record<string, string> = { 'compose.id': request.composeId, 'compose.variant': request.variant, 'compose.arch': request.arch, [INPUT_HASH_KEY]: inputHash };
    if (request.version) metadata['version'] = request.version;
    const commitid = await commitTree(
      {
        repo: request.ostreeRepo,
        tree: commitRoot,
        ref: request.tagRef ? request.ref : undefined,
        parent: request.tagRef ? undefined : previous,
        subject: `${request.composeId} ${request.label}${request.version ? ` ${request.version}` : ''}`,
        metadata,
        bootable: kernels.length > 0,
        consume: true,
      },
      { signal },
    );
    await appendLogText(logFile, `Committed ${commitid} ${request.tagRef ? `to ${request.ref}` : `(orphan; tag_ref is False, ${request.ref} not moved)`}`);
    return { ...result, commitid, head: commitid, refUpdated: request.tagRef };
  } finally {
    await rm(installRoot, { recursive: true, force: true });
    await rm(commitRoot, { recursive: true, force: true });
  }
}

/** Turns the installed root into the commit root, in rpm-ostree's order. */
async function prepareTree(request: BuildRequest, installRoot: string, commitRoot: string): Promise<void> {
  const { treefile, logFile } = request;
  await tidyRpmdb(installRoot);
  const addFiles = (Array.isArray(treefile['add-files']) ? treefile['add-files'] : []) as [string, string][];
  const notes = await applyTreefileEdits(installRoot, {
    treefileDir: request.treefileDir,
    addFiles,
    removeFiles: readStrings(treefile, 'remove-files'),
    mutateOsRelease: readString(treefile, 'mutate-os-release'),
    version: request.version,
  });
  await moveEtcToUsr(installRoot);
  await enableUnits(installRoot, readStrings(treefile, 'units'));
  const defaultTarget = readString(treefile, 'default-target');
  if (defaultTarget) await setDefaultTarget(installRoot, defaultTarget);
  await linkRpmdb(installRoot);
  const dropped = await buildOstreeRootfs(installRoot, commitRoot, readBoolean(treefile, 'tmp-is-dir', false));
  const converted = await convertVarToTmpfiles(commitRoot);
  await applyFinalTouches(commitRoot);
  if (readBoolean(treefile, 'readonly-executables', false)) notes.push(`readonly-executables: ${await makeExecutablesReadonly(commitRoot)} files`);
  const lines = [
    ...notes,
    `toplevel entries dropped: ${dropped.join(' ') || '(none)'}`,
    `/var: ${converted.entries.length} tmpfiles.d entries, files dropped: ${converted.dropped.join(' ') || '(none)'}`,
  ];
  await appendLogText(logFile, lines.join('\n'));
}
