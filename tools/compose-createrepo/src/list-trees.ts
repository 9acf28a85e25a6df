import path from 'node:path';
import type { ComposeManifest, ComposeManifestVariant, CreaterepoPkgType } from '@compose/contracts';
import { getDebugRepositoryDir, getRepositoryDir, getVariantPath, type VariantRef } from '@compose/compose-info';
import type { RpmsMetadata } from './read-rpms.js';

/** One repository to index: a variant's os, debug or source tree (or an addon's part of it). */
export interface TreeJob {
  variant: ComposeManifestVariant;
  /** Tree arch; 'src' for source trees. */
  arch: string;
  pkgType: CreaterepoPkgType;
  /** Absolute directory that gets repodata/. */
  repoDir: string;
  /** Package paths relative to repoDir, sorted: what createrepo_c indexes (--pkglist). */
  packages: string[];
  /** Absolute comps file for binary trees of composes with comps. */
  groupfile: string | undefined;
}

const CATEGORY_OF: Record<CreaterepoPkgType, string> = { rpm: 'binary', debuginfo: 'debug', srpm: 'source' };

/** The VariantRef shape compose-info's layout functions take. */
export function toVariantRef(variant: ComposeManifestVariant): VariantRef {
  return { uid: variant.uid, id: variant.id, type: variant.type, parent: variant.parent ?? undefined } as VariantRef;
}

/**
 * Every repo Pungi's createrepo phase makes: per non-empty variant (addons and optional
 * variants included) an os and a debug repo per arch and one source repo. The package list
 * comes from rpms.json rather than a directory scan, because an addon's packages sit inside its
 * parent's tree and must not end up in the parent's repo.
 */
export function listTreeJobs(compose: ComposeManifest, composeDir: string, rpms: RpmsMetadata): TreeJob[] {
  const jobs: TreeJob[] = [];
  for (const variant of compose.variants) {
    if (variant.is_empty) continue;
    const ref = toVariantRef(variant);
    for (const arch of variant.arches) {
      jobs.push(makeJob(compose, composeDir, rpms, variant, arch, 'rpm', getRepositoryDir(composeDir, ref, arch)));
      jobs.push(makeJob(compose, composeDir, rpms, variant, arch, 'debuginfo', getDebugRepositoryDir(composeDir, ref, arch)!));
    }
    jobs.push(makeJob(compose, composeDir, rpms, variant, 'src', 'srpm', getVariantPath(composeDir, 'source_repository', ref, 'src')!));
  }
  return jobs;
}

function makeJob(
  compose: ComposeManifest,
  composeDir: string,
  rpms: RpmsMetadata,
  variant: ComposeManifestVariant,
  arch: string,
  pkgType: CreaterepoPkgType,
  repoDir: string,
): TreeJob {
  const treeRoot = path.join(composeDir, 'compose');
  const packages = listPackagePaths(rpms, variant.uid, pkgType === 'srpm' ? undefined : arch, CATEGORY_OF[pkgType])
    .map((relative) => path.relative(repoDir, path.join(treeRoot, relative)))
    .sort();
  const comps = pkgType === 'rpm' ? compose.comps.variant_arch[`${variant.uid}.${arch}`] : undefined;
  return { variant, arch, pkgType, repoDir, packages: [...new Set(packages)], groupfile: comps ? path.join(composeDir, comps) : undefined };
}

/** Paths (relative to compose/) of a variant's packages of one category; every arch when arch is undefined. */
export function listPackagePaths(rpms: RpmsMetadata, variantUid: string, arch: string | undefined, category: string): string[] {
  const result: string[] = [];
  for (const [rpmsArch, bySource] of Object.entries(rpms.rpms[variantUid] ?? {})) {
    if (arch !== undefined && rpmsArch !== arch) continue;
    for (const byNevra of Object.values(bySource)) {
      for (const entry of Object.values(byNevra)) if (entry.category === category) result.push(entry.path);
    }
  }
  return result;
}

/** The name logs and messages use for a job: Server.x86_64 (rpm), Server.src (srpm), ... */
export function describeJob(job: Pick<TreeJob, 'variant' | 'arch' | 'pkgType'>): string {
  return `${job.variant.uid}.${job.arch} (${job.pkgType})`;
}
