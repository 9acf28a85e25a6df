// --old-composes: a tree whose inputs digest equals an old compose's tree gets that tree's
// repodata hard-linked (copied across file systems) instead of a createrepo_c run.
import { copyFile, link, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { getComposeIdPrefix, listOldComposes } from '@compose/compose-info';
import { CREATEREPO_MANIFEST, type ComposeManifest, type CreaterepoManifest, type CreaterepoTree } from '@compose/contracts';
import type { CreaterepoFeatures, CreaterepoOptions } from '@compose/createrepo';
import type { Logger } from '@compose/log';
import { readManifest } from '@compose/manifest';
import { describeJob, type TreeJob } from './list-trees.js';
import { loadPackageIdentities } from './package-checksums.js';
import { computeTreeDigest, type TreeDigest } from './tree-digest.js';

export interface OldTree {
  composeDir: string;
  tree: CreaterepoTree;
}

export interface TreeReusePlan {
  /** Every job's digest, except jobs that make deltas (their drpms depend on the old compose too). */
  digests: Map<TreeJob, TreeDigest>;
  /** Jobs whose repodata an old compose already has. */
  reusable: Map<TreeJob, OldTree>;
}

export interface TreeReuseInputs {
  compose: ComposeManifest;
  composeDir: string;
  jobs: readonly TreeJob[];
  shared: CreaterepoOptions;
  features: CreaterepoFeatures;
  productIds: ReadonlyMap<TreeJob, string>;
  deltaDirs: ReadonlyMap<TreeJob, string[]>;
  oldComposes: readonly string[];
  log: Logger;
}

/** Digests every tree and, with --old-composes, finds the newest old tree with the same digest. */
export async function planTreeReuse(inputs: TreeReuseInputs): Promise<TreeReusePlan> {
  const { compose, composeDir, jobs, log } = inputs;
  const identities = await loadPackageIdentities(composeDir, log);
  const digests = new Map<TreeJob, TreeDigest>();
  for (const job of jobs) {
    if (inputs.deltaDirs.has(job)) continue;
    digests.set(job, await computeTreeDigest(job, { composeDir, shared: inputs.shared, features: inputs.features, certificate: inputs.productIds.get(job), identities }));
  }
  const reusable = new Map<TreeJob, OldTree>();
  if (!inputs.oldComposes.length) return { digests, reusable };
  const olds = await readOldTrees(inputs.oldComposes, compose, composeDir, log);
  for (const [job, digest] of digests) {
    const key = (tree: CreaterepoTree) => tree.variant === job.variant.uid && tree.arch === job.arch && tree.pkg_type === job.pkgType;
    const match = olds.flatMap(({ composeDir: dir, trees }) => trees.filter(key).map((tree) => ({ composeDir: dir, tree })));
    const same = match.find(({ tree }) => tree.inputs_digest === digest.digest);
    if (same) reusable.set(job, same);
    else if (match[0]) log.info(`createrepo: ${describeJob(job)} changed since ${path.basename(match[0].composeDir)} (${describeChange(match[0].tree, digest)}), running createrepo_c`);
  }
  return { digests, reusable };
}

/** The trees of every old compose that finished its createrepo phase, newest compose first. */
async function readOldTrees(oldComposes: readonly string[], compose: ComposeManifest, composeDir: string, log: Logger): Promise<{ composeDir: string; trees: CreaterepoTree[] }[]> {
  const result: { composeDir: string; trees: CreaterepoTree[] }[] = [];
  for (const old of await listOldComposes(oldComposes, getComposeIdPrefix(compose.release, compose.base_product ?? undefined), composeDir)) {
    const file = path.join(old.dir, 'work', 'global', 'createrepo.json');
    if (!(await stat(file).catch(() => undefined))) continue;
    try {
      const manifest = await readManifest<CreaterepoManifest>(file, CREATEREPO_MANIFEST);
      result.push({ composeDir: old.dir, trees: manifest.trees.filter((tree) => tree.inputs_digest) });
    } catch (error) {
      log.warn(`${file}: ignored for reuse: ${(error as Error).message}`);
    }
  }
  return result;
}

function describeChange(old: CreaterepoTree, digest: TreeDigest): string {
  if (!old.inputs) return 'older digest rules';
  const changed = Object.keys(digest.parts).filter((part) => old.inputs?.[part] !== digest.parts[part]);
  return changed.length ? `changed: ${changed.join(', ')}` : 'digest rules changed';
}

/**
 * Links the old tree's repodata/ into the job's repo dir and checks that every file its
 * repomd.xml names came along; false (and nothing left behind) when the old repodata is incomplete.
 */
export async function linkOldRepodata(old: OldTree, job: TreeJob): Promise<boolean> {
  const from = path.join(old.composeDir, 'compose', path.dirname(old.tree.repomd));
  const to = path.join(job.repoDir, 'repodata');
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  try {
    for (const entry of await readdir(from, { withFileTypes: true })) {
      if (entry.isFile()) await linkOrCopy(path.join(from, entry.name), path.join(to, entry.name));
    }
    const repomd = await readFile(path.join(to, 'repomd.xml'), 'utf8');
    for (const [, href] of repomd.matchAll(/<location\s+href="repodata\/([^"]+)"/g)) await stat(path.join(to, href!));
    return true;
  } catch {
    await rm(to, { recursive: true, force: true });
    return false;
  }
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (!['EXDEV', 'EPERM', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    await copyFile(from, to);
  }
}
