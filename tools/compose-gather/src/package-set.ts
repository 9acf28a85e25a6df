// The package set gather solves against: pkgset.json's packages per tree arch, and the
// per-arch package-set repos (plus lookaside repos) loaded once and shared by every variant.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PkgsetManifest, PkgsetPackage } from '@compose/contracts';
import { loadRepos, DEFAULT_SOLVE_OPTIONS, type LoadedRepo, type RepoRef, type SolveInput } from '@compose/depsolve';
import { InputError, NotImplementedError } from '@compose/errors';
import { writeFilteredRepo } from '@compose/repodata';

function emptyInput(repos: RepoRef[], lookaside: RepoRef[]): SolveInput {
  return { arch: 'noarch', repos, lookaside_repos: lookaside, packages: [], groups: [], options: DEFAULT_SOLVE_OPTIONS };
}

function requireRepo(ref: RepoRef, what: string): void {
  if (!existsSync(path.join(ref.path, 'repodata', 'repomd.xml'))) {
    throw new InputError('MISSING_REPO', `${what} ${ref.path} has no repodata/repomd.xml`, { hint: 'run compose-pkgset again, or fix the path in the config' });
  }
}

export class PackageSet {
  private readonly byArch = new Map<string, Map<string, PkgsetPackage>>();
  private readonly mainRepos = new Map<string, Promise<LoadedRepo[]>>();
  private readonly lookasideRepos = new Map<string, Promise<LoadedRepo>>();

  constructor(readonly manifest: PkgsetManifest, private readonly composeDir: string) {}

  /** The arch's packages (binary, noarch, multilib and source) by RPM file name. */
  packagesOf(arch: string): Map<string, PkgsetPackage> {
    let map = this.byArch.get(arch);
    if (!map) {
      map = new Map();
      for (const pkg of this.manifest.packages) if (pkg.tree_arches.includes(arch)) map.set(pkg.file, pkg);
      this.byArch.set(arch, map);
    }
    return map;
  }

  repoRefs(arch: string): RepoRef[] {
    const dirs = this.manifest.arch_repos[arch];
    if (!dirs || dirs.length === 0) {
      throw new InputError('NO_ARCH_REPO', `pkgset.json has no package-set repo for ${arch}`, { hint: 'the compose arches changed since compose-pkgset ran: run it again' });
    }
    return dirs.map((dir, i) => ({ id: `pungi-repo-${i}`, path: path.resolve(this.composeDir, dir) }));
  }

  /** The arch's package-set repos, loaded once. */
  loadMain(arch: string): Promise<LoadedRepo[]> {
    let loaded = this.mainRepos.get(arch);
    if (!loaded) {
      const refs = this.repoRefs(arch);
      for (const ref of refs) requireRepo(ref, `package-set repo for ${arch}`);
      loaded = loadRepos(emptyInput(refs, [])).then((r) => r.repos);
      this.mainRepos.set(arch, loaded);
    }
    return loaded;
  }

  /** A gather_lookaside_repos entry: a local rpm-md repo (path or file:// URL, relative to the config dir). */
  loadLookaside(location: string, configDir: string): Promise<LoadedRepo> {
    if (/^https?:\/\//.test(location)) {
      throw new NotImplementedError(`remote gather_lookaside_repos (${location})`, 'mirror the repo locally and give its path');
    }
    const dir = path.resolve(configDir, location.replace(/^file:\/\//, ''));
    let loaded = this.lookasideRepos.get(dir);
    if (!loaded) {
      const ref = { id: `lookaside-${this.lookasideRepos.size}`, path: dir };
      requireRepo(ref, 'gather_lookaside_repos entry');
      loaded = loadRepos(emptyInput([], [ref])).then((r) => r.repos[0] as LoadedRepo);
      this.lookasideRepos.set(dir, loaded);
    }
    return loaded;
  }
}

/**
 * variant_as_lookaside: the other variant's packages as a lookaside repo, as Pungi makes one
 * (work/<arch>/lookaside_repo_<uid>); the package-set repo's records are copied as they are.
 */
export async function writeVariantLookaside(
  pkgset: PackageSet,
  composeDir: string,
  arch: string,
  variantUid: string,
  files: ReadonlySet<string>,
): Promise<string[]> {
  const dirs: string[] = [];
  for (const [i, ref] of pkgset.repoRefs(arch).entries()) {
    const dir = path.join(composeDir, 'work', arch, `lookaside_repo_${variantUid}${i === 0 ? '' : `-${i}`}`);
    if (!existsSync(path.join(dir, 'repodata', 'repomd.xml'))) {
      await writeFilteredRepo(ref.path, dir, (pkg) => files.has(path.posix.basename(pkg.location)), { compressionLevel: 1 });
    }
    dirs.push(dir);
  }
  return dirs;
}
