// The solver's view of every loaded package: small records plus provide and file maps.
import type { Dep, PrimaryPackage } from '@compose/repodata';
import { evrPartsOf, flagBits, formatDep, provideMatches, type EvrParts } from './dep-match.js';
import { isRichDep, parseRichDep, type RichNode } from './rich-dep.js';
import type { LoadedRepos } from './types.js';

/** One package; `id` is its position in load order, as libsolv numbers solvables. */
export interface Pkg {
  id: number;
  repoId: string;
  repoPath: string;
  lookaside: boolean;
  name: string;
  arch: string;
  epoch: number;
  version: string;
  release: string;
  sourcerpm: string;
  /** location href inside the repo, for linking the file. */
  location: string;
  /** What results list: the canonical file name. */
  fileName: string;
  meta: PrimaryPackage;
}

const EMPTY: readonly number[] = [];

/** hawkey's evr text: the epoch only when it is not 0. */
export function evrText(pkg: Pkg): string {
  return `${pkg.epoch ? `${pkg.epoch}:` : ''}${pkg.version}-${pkg.release}`;
}

export function nameArch(pkg: Pkg): string {
  return `${pkg.name}.${pkg.arch}`;
}

/** NVRA identity: hawkey compares packages by it, so copies in two repos are "equal". */
export function nevraKey(pkg: Pkg): string {
  return `${pkg.name}-${evrText(pkg)}.${pkg.arch}`;
}

/**
 * The canonical RPM file name `name-version-release.arch.rpm`, which is what Pungi reports
 * even when a repo stores the file under another name. A source rpm built without
 * sources is `.nosrc.rpm` on disk while its header (and primary.xml) says `src`.
 */
function canonicalFileName(meta: PrimaryPackage): string {
  const nosrc = meta.arch === 'src' && meta.location.endsWith('.nosrc.rpm');
  return `${meta.name}-${meta.version}-${meta.release}.${nosrc ? 'nosrc' : meta.arch}.rpm`;
}

export class PackageIndex {
  readonly packages: Pkg[] = [];
  private readonly byName = new Map<string, number[]>();
  private readonly providers = new Map<string, number[]>();
  private readonly fileOwners = new Map<string, number[]>();
  private readonly providesMemo = new Map<string, readonly number[]>();

  constructor(repos: LoadedRepos) {
    for (const repo of repos.repos) {
      for (const meta of repo.packages) this.addPackage(meta, repo.id, repo.path, repo.lookaside);
    }
  }

  private addPackage(meta: PrimaryPackage, repoId: string, repoPath: string, lookaside: boolean): void {
    const id = this.packages.length;
    this.packages.push({
      id,
      repoId,
      repoPath,
      lookaside,
      name: meta.name,
      arch: meta.arch,
      epoch: meta.epoch,
      version: meta.version,
      release: meta.release,
      sourcerpm: meta.sourcerpm,
      location: meta.location,
      fileName: canonicalFileName(meta),
      meta,
    });
    pushUnique(this.byName, meta.name, id);
    // libsolv gives every rpm-md package an implicit "name = evr" provide.
    pushUnique(this.providers, meta.name, id);
    for (const provide of meta.provides) pushUnique(this.providers, provide.name, id);
    for (const file of meta.files) pushUnique(this.fileOwners, file, id);
  }

  /** Packages named exactly `name`, ascending id. */
  idsNamed(name: string): readonly number[] {
    return this.byName.get(name) ?? EMPTY;
  }

  /** Every package that satisfies a requirement (plain, versioned, file or rich), ascending id. */
  whatProvides(dep: Dep): readonly number[] {
    const key = formatDep(dep);
    let result = this.providesMemo.get(key);
    if (!result) {
      result = isRichDep(dep.name)
        ? this.richProviders(parseRichDep(dep.name))
        : this.plainProviders(dep.name, flagBits(dep.flags), evrPartsOf(dep));
      this.providesMemo.set(key, result);
    }
    return result;
  }

  private plainProviders(name: string, flags: number, evr: EvrParts): readonly number[] {
    const byName = this.providers.get(name) ?? EMPTY;
    const matched = flags === 0 ? [...byName] : byName.filter((id) => this.providesVersion(id, name, flags, evr));
    if (name.startsWith('/')) {
      for (const id of this.fileOwners.get(name) ?? EMPTY) if (!matched.includes(id)) matched.push(id);
      matched.sort((a, b) => a - b);
    }
    return matched;
  }

  private providesVersion(id: number, name: string, flags: number, evr: EvrParts): boolean {
    const meta = this.packages[id]!.meta;
    if (meta.name === name) {
      const self: Dep = { name, flags: 'EQ', epoch: String(meta.epoch), version: meta.version, release: meta.release };
      if (provideMatches(self, flags, evr)) return true;
    }
    return meta.provides.some((provide) => provide.name === name && provideMatches(provide, flags, evr));
  }

  /** libsolv's pool_addrelproviders: `and`/`or`/`if`/`unless` unite, `with` intersects, `without` subtracts. */
  private richProviders(node: RichNode): readonly number[] {
    if (node.kind === 'dep') {
      if (isRichDep(node.name)) return this.richProviders(parseRichDep(node.name));
      return this.plainProviders(node.name, node.flags, node.evr);
    }
    const left = this.richProviders(node.left);
    switch (node.op) {
      case 'with': {
        const right = new Set(this.richProviders(node.right));
        return left.filter((id) => right.has(id));
      }
      case 'without': {
        const right = new Set(this.richProviders(node.right));
        return left.filter((id) => !right.has(id));
      }
      case 'and':
      case 'or':
        return unite(left, this.richProviders(node.right));
      case 'if':
      case 'unless':
        // The condition is assumed true; an else branch adds its providers.
        return node.otherwise ? unite(left, this.richProviders(node.otherwise)) : left;
    }
  }
}

function unite(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

function pushUnique(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}
