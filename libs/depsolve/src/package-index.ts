// The solver's view of every loaded package: the repos' compact indexes behind global ids,
// with package records made on first use and provider lookups through the string tables.
import type { Dep } from '@compose/repodata';
import { evrPartsOf, flagBits, formatDep, intersectRanges, REL_EQ, type EvrParts } from './dep-match.js';
import { RepoIndexBuilder } from './index-builder.js';
import { HAS_RUNTIME_FILES, NOSRC_LOCATION, RepoIndex } from './repo-index.js';
import { isRichDep, parseRichDep, type RichNode } from './rich-dep.js';
import type { LoadedRepo, LoadedRepos } from './types.js';

const EMPTY: readonly number[] = [];
const FLAG_TEXT: Record<number, Dep['flags']> = { 1: 'GT', 2: 'EQ', 3: 'GE', 4: 'LT', 6: 'LE' };

/** One repo's index and where its packages start among the global ids. */
interface IndexPart {
  repo: LoadedRepo;
  index: RepoIndex;
  base: number;
  /** Offset of this repo's string ids in the global name-key space. */
  keyBase: number;
  evrs: Map<number, EvrParts>;
  /** Requirement text per distinct (name, flags, evr) of this repo, see requirementKey. */
  texts: Map<number, string>;
}

/** One package; `id` is its position in load order, as libsolv numbers solvables. */
export class Pkg {
  readonly repoId: string;
  readonly repoPath: string;
  readonly lookaside: boolean;
  readonly name: string;
  readonly arch: string;
  readonly epoch: number;
  readonly version: string;
  readonly release: string;
  /** e.g. "bash-5.2-1.src.rpm"; empty for source packages. */
  readonly sourcerpm: string;
  /** location href inside the repo, for linking the file. */
  readonly location: string;
  readonly locationBase: string | undefined;
  /** What results list: the canonical file name `name-version-release.arch.rpm`. */
  readonly fileName: string;
  private deps?: { requires: Dep[]; provides: Dep[] };

  constructor(
    readonly id: number,
    private readonly part: IndexPart,
    private readonly local: number,
  ) {
    const { index, repo } = part;
    const c = index.cols;
    this.repoId = repo.id;
    this.repoPath = repo.path;
    this.lookaside = repo.lookaside;
    this.name = index.str(c.name[local]!);
    this.arch = index.str(c.arch[local]!);
    this.epoch = c.epoch[local]!;
    this.version = index.str(c.version[local]!);
    this.release = index.str(c.release[local]!);
    this.sourcerpm = index.str(c.sourcerpm[local]!);
    this.location = index.str(c.location[local]!);
    this.locationBase = c.locationBase[local]! >= 0 ? index.str(c.locationBase[local]!) : undefined;
    // A source rpm built without sources is `.nosrc.rpm` on disk while its header says `src`.
    const nosrc = this.arch === 'src' && (c.flags[local]! & NOSRC_LOCATION) !== 0;
    this.fileName = `${this.name}-${this.version}-${this.release}.${nosrc ? 'nosrc' : this.arch}.rpm`;
  }

  get requires(): Dep[] {
    return (this.deps ??= this.readDeps()).requires;
  }

  get provides(): Dep[] {
    return (this.deps ??= this.readDeps()).provides;
  }

  /** Whether any file is one python-multilib's runtime method looks for (decided while indexing). */
  get hasRuntimeFiles(): boolean {
    return (this.part.index.cols.flags[this.local]! & HAS_RUNTIME_FILES) !== 0;
  }

  private readDeps(): { requires: Dep[]; provides: Dep[] } {
    const { index } = this.part;
    const c = index.cols;
    const requires: Dep[] = [];
    const provides: Dep[] = [];
    for (let d = c.depStart[this.local]!; d < c.provFrom[this.local]!; d++) requires.push(depAt(index, d));
    for (let d = c.provFrom[this.local]!; d < c.depStart[this.local + 1]!; d++) provides.push(depAt(index, d));
    return { requires, provides };
  }
}

/** Dependency entry `d` of an index as a Dep record. */
function depAt(index: RepoIndex, d: number): Dep {
  const c = index.cols;
  const name = index.str(c.depName[d]!);
  const flags = FLAG_TEXT[c.depFlags[d]!];
  if (!flags) return { name };
  const [epoch, version, release] = index.str(c.depEvr[d]!).split('\n') as [string, string, string];
  const dep: Dep = { name, flags };
  if (epoch) dep.epoch = epoch;
  if (version) dep.version = version;
  if (release) dep.release = release;
  return dep;
}

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

/** A repo given as parsed packages (tests, callers that already hold them) is indexed here. */
function indexOf(repo: LoadedRepo): RepoIndex {
  if (repo.index) return repo.index;
  const builder = new RepoIndexBuilder();
  for (const meta of repo.packages ?? []) builder.addPrimaryPackage(meta);
  return builder.finish();
}

export class PackageIndex {
  readonly size: number;
  private readonly parts: IndexPart[] = [];
  private readonly records: (Pkg | undefined)[];
  private readonly providesMemo = new Map<string, readonly number[]>();

  constructor(repos: LoadedRepos) {
    let base = 0;
    let keyBase = 0;
    for (const repo of repos.repos) {
      const index = indexOf(repo);
      this.parts.push({ repo, index, base, keyBase, evrs: new Map(), texts: new Map() });
      base += index.size;
      keyBase += index.strings.size;
    }
    this.size = base;
    this.records = new Array<Pkg | undefined>(base);
  }

  private partOf(id: number): IndexPart {
    const parts = this.parts;
    for (let i = parts.length - 1; i > 0; i--) if (id >= parts[i]!.base) return parts[i]!;
    return parts[0]!;
  }

  pkg(id: number): Pkg {
    let record = this.records[id];
    if (!record) {
      const part = this.partOf(id);
      record = new Pkg(id, part, id - part.base);
      this.records[id] = record;
    }
    return record;
  }

  /** Every package as a record: convenient for tests, costly at distribution scale. */
  get packages(): Pkg[] {
    return Array.from({ length: this.size }, (_, id) => this.pkg(id));
  }

  /** Name and arch without making a record, for scans over every package. */
  nameOf(id: number): string {
    const part = this.partOf(id);
    return part.index.str(part.index.cols.name[id - part.base]!);
  }

  archOf(id: number): string {
    const part = this.partOf(id);
    return part.index.str(part.index.cols.arch[id - part.base]!);
  }

  get repoCount(): number {
    return this.parts.length;
  }

  /** Number of distinct name keys (nameKeyOf values): string ids of every repo, side by side. */
  get nameKeys(): number {
    const last = this.parts[this.parts.length - 1];
    return last ? last.keyBase + last.index.strings.size : 0;
  }

  /** A number standing for the package's name, equal for equal names within one repo. */
  nameKeyOf(id: number): number {
    const part = this.partOf(id);
    return part.keyBase + part.index.cols.name[id - part.base]!;
  }

  /** Like nameKeyOf, for the arch. */
  archKeyOf(id: number): number {
    const part = this.partOf(id);
    return part.keyBase + part.index.cols.arch[id - part.base]!;
  }

  isLookaside(id: number): boolean {
    return this.partOf(id).repo.lookaside;
  }

  /**
   * The package's requirements as hawkey prints them, without Dep records: the solver keys
   * its caches by this text, and a repo's equal entries share one string.
   */
  requirementTexts(id: number): string[] {
    const part = this.partOf(id);
    const { index, texts } = part;
    const c = index.cols;
    const local = id - part.base;
    const strings = index.strings.size;
    const result: string[] = [];
    for (let d = c.depStart[local]!; d < c.provFrom[local]!; d++) {
      // Unique per (evr, name, flags); stays below 2^53 for any repo that fits in memory.
      const key = ((c.depEvr[d]! + 1) * strings + c.depName[d]!) * 8 + c.depFlags[d]!;
      let text = texts.get(key);
      if (text === undefined) texts.set(key, (text = formatDep(depAt(index, d))));
      result.push(text);
    }
    return result;
  }

  /** Requirement `n` of a package (in requirementTexts order) as a Dep record. */
  requirementDep(id: number, n: number): Dep {
    const part = this.partOf(id);
    return depAt(part.index, part.index.cols.depStart[id - part.base]! + n);
  }

  /** Packages named exactly `name`, ascending id. */
  idsNamed(name: string): readonly number[] {
    return this.collect(name, (c) => [c.nameOff, c.nameIds]);
  }

  private collect(name: string, csr: (cols: RepoIndex['cols']) => [Int32Array, Int32Array]): readonly number[] {
    let result: number[] | undefined;
    for (const part of this.parts) {
      const key = part.index.strings.find(name);
      if (key < 0) continue;
      const [offsets, ids] = csr(part.index.cols);
      for (const local of RepoIndex.slice(offsets, ids, key)) (result ??= []).push(local + part.base);
    }
    return result ?? EMPTY;
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
    const matched: number[] = [];
    for (const part of this.parts) {
      const key = part.index.strings.find(name);
      if (key < 0) continue;
      const c = part.index.cols;
      for (const local of RepoIndex.slice(c.provOff, c.provIds, key)) {
        if (flags === 0 || this.providesVersion(part, local, key, flags, evr)) matched.push(local + part.base);
      }
    }
    if (name.startsWith('/')) {
      const owners = this.collect(name, (c) => [c.fileOff, c.fileIds]);
      if (owners.length > 0) return [...new Set([...matched, ...owners])].sort((a, b) => a - b);
    }
    return matched;
  }

  private providesVersion(part: IndexPart, local: number, key: number, flags: number, evr: EvrParts): boolean {
    const { index } = part;
    const c = index.cols;
    if (c.name[local] === key) {
      const self: EvrParts = { epoch: String(c.epoch[local]), version: index.str(c.version[local]!), release: index.str(c.release[local]!) };
      if (intersectRanges(REL_EQ, self, flags, evr)) return true;
    }
    for (let d = c.provFrom[local]!; d < c.depStart[local + 1]!; d++) {
      if (c.depName[d] !== key) continue;
      const provideFlags = c.depFlags[d]!;
      if (provideFlags === 0 || intersectRanges(provideFlags, this.evrParts(part, c.depEvr[d]!), flags, evr)) return true;
    }
    return false;
  }

  private evrParts(part: IndexPart, evrId: number): EvrParts {
    let parts = part.evrs.get(evrId);
    if (!parts) {
      const [epoch, version, release] = part.index.str(evrId).split('\n') as [string, string, string];
      parts = evrPartsOf({ epoch: epoch || undefined, version, release });
      part.evrs.set(evrId, parts);
    }
    return parts;
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
