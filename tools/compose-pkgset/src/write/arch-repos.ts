import { mkdir, rm, symlink, rename } from 'node:fs/promises';
import path from 'node:path';
import type { PkgsetSource } from '@compose/contracts';
import { runTool } from '@compose/exec';
import type { Logger } from '@compose/log';
import { writeFilteredRepo } from '@compose/repodata';
import type { ArchSubset } from '../build-manifest.js';
import type { Candidate } from '../select/candidate.js';

/**
 * One repo per tree arch and source under work/<arch>/repo/<source>/, holding exactly that
 * arch's packages. For rpm-md sources the package entries are copied byte for byte from the
 * source metadata (so they are provably what the source says) with an xml:base pointing at the
 * package files, which are not copied. Koji packages have no metadata to copy: createrepo_c
 * reads them through a directory of symlinks.
 */
export async function writeArchRepos(
  subsets: readonly ArchSubset[],
  sources: readonly PkgsetSource[],
  options: { composeDir: string; log: Logger; signal?: AbortSignal },
): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const subset of subsets) {
    result[subset.arch] = [];
    for (const source of sources) {
      const packages = subset.packages.filter((c) => c.source === source.id);
      if (packages.length === 0) continue;
      const relative = path.join('work', subset.arch, 'repo', source.id.replace(/[^A-Za-z0-9_.-]/g, '_'));
      const target = path.join(options.composeDir, relative);
      if (source.kind === 'koji') await writeLinkedRepo(packages, target, options.signal);
      else await writeCopiedRepo(source, packages, target);
      result[subset.arch]?.push(relative);
    }
    options.log.info(`${subset.arch}: package-set repo written (${subset.packages.length} packages)`);
  }
  return result;
}

async function writeCopiedRepo(source: PkgsetSource, packages: readonly Candidate[], target: string): Promise<void> {
  const files = new Set(packages.map((c) => c.file));
  const baseUrl = packageBaseOf(source, packages);
  // Candidates read from this very metadata carry href and pkgid, which spares the writer a
  // deciding pass over primary.xml. Level-1 gzip: these repos are scratch space for gather.
  const preselected = packages.every((c) => c.href && c.pkgid)
    ? { hrefs: new Set(packages.map((c) => c.href as string)), pkgids: new Set(packages.map((c) => c.pkgid as string)) }
    : undefined;
  await writeFilteredRepo(source.repo_dir, target, (pkg) => files.has(path.posix.basename(pkg.location)), {
    ...(baseUrl ? { baseUrl } : {}),
    ...(preselected ? { preselected } : {}),
    compressionLevel: 1,
  });
}

/** Where location hrefs of this source resolve, as a file:// URL (remote packages were downloaded). */
function packageBaseOf(source: PkgsetSource, packages: readonly Candidate[]): string | undefined {
  if (source.kind === 'rpm-dir') return undefined; // createrepo_c already wrote an xml:base
  if (source.kind === 'http') {
    const sample = packages.find((c) => c.path && c.url);
    if (!sample?.path || !sample.url) return undefined;
    const location = sample.url.slice(source.location.length);
    return `file://${sample.path.slice(0, sample.path.length - location.length)}`;
  }
  return `file://${source.repo_dir.endsWith('/') ? source.repo_dir : `${source.repo_dir}/`}`;
}

async function writeLinkedRepo(packages: readonly Candidate[], target: string, signal?: AbortSignal): Promise<void> {
  const temp = `${target}.tmp-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  for (const candidate of packages) if (candidate.path) await symlink(candidate.path, path.join(temp, candidate.file));
  await runTool(['createrepo_c', '--quiet', '--no-database', temp], { signal });
  await rm(target, { recursive: true, force: true });
  await rename(temp, target);
}
