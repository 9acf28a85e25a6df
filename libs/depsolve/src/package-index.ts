// The solver's view of every loaded package: the repos' compact indexes behind global ids,
// with package records made on first use and provider lookups through the string tables.
import type { Dep } from '@compose/repodata';
import { evrPartsOf, flagBits, formatDep, intersectRanges, REL_EQ, type EvrParts } from './dep-match.js';
import { RepoIndexBuilder } from './index-builder.js';
import { depAt, fileNameAt, Pkg, type IndexPart } from './pkg.js';
import { RepoIndex } from './repo-index.js';
import { isRichDep, parseRichDep, type RichNode } from './rich-dep.js';
import type { LoadedRepo, LoadedRepos } from './types.js';

export { evrText, nameArch, nevraKey, Pkg } from './pkg.js';

const EMPTY: readonly number[] = [];

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

  fileNameOf(id: number): string {
    const part = this.partOf(id);
    return fileNameAt(part.index, id - part.base);
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

  /**
   * Every package that satisfies a requirement (plain, versioned, file or rich), ascending id.
   * Only rich dependencies are memoized: a plain lookup costs about what a memo would, and the
   * solver asks again for a text only in the rare case its first answer chose nothing.
   */
  whatProvides(dep: Dep): readonly number[] {
    if (!isRichDep(dep.name)) return this.plainProviders(dep.name, flagBits(dep.flags), evrPartsOf(dep));
    const key = formatDep(dep);
    let result = this.providesMemo.get(key);
    if (!result) {
      result = this.richProviders(parseRichDep(dep.name));
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
