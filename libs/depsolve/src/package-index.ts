// The solver's view of every loaded package: the repos' compact indexes behind global ids,
// with package records made on first use and provider lookups through the string tables.
import type { Dep } from '@compose/repodata';
import { evrPartsOf, flagBits, formatDep, intersectRanges, REL_EQ, type EvrParts } from './dep-match.js';
import { RepoIndexBuilder } from './index-builder.js';
import { depAt, fileNameAt, Pkg, type IndexPart } from './pkg.js';
import { RepoIndex } from './repo-index.js';
import { TripleMap } from './triple-map.js';
import { isRichDep, parseRichDep, type RichNode } from './rich-dep.js';
import type { LoadedRepo, LoadedRepos } from './types.js';

export { evrText, nameArch, nevraKey, Pkg } from './pkg.js';

const EMPTY: readonly number[] = [];
const OPEN_PAREN = 0x28;
/** What an unversioned requirement compares with (never, as its flags are 0). */
const NO_EVR: EvrParts = { epoch: '0', version: '' };

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
      this.parts.push({ repo, index, base, keyBase, evrs: new Map(), texts: new TripleMap() });
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

  /** With one repo, its name index (package ids grouped by name string id); else undefined. */
  nameGroups(): { offsets: Int32Array; ids: Int32Array } | undefined {
    if (this.parts.length !== 1) return undefined;
    const c = this.parts[0]!.index.cols;
    return { offsets: c.nameOff, ids: c.nameIds };
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
    const result: string[] = [];
    for (let n = 0; n < this.requirementCount(id); n++) result.push(this.requirementText(id, n));
    return result;
  }

  requirementCount(id: number): number {
    const part = this.partOf(id);
    const local = id - part.base;
    return part.index.cols.provFrom[local]! - part.index.cols.depStart[local]!;
  }

  /** Requirement `n` of a package as hawkey prints it; equal entries of a repo share one string. */
  requirementText(id: number, n: number): string {
    const part = this.partOf(id);
    const { index, texts } = part;
    const c = index.cols;
    const d = c.depStart[id - part.base]! + n;
    // An unversioned entry has evr -1, stored as 0.
    let text = texts.get(c.depName[d]!, c.depFlags[d]!, c.depEvr[d]! + 1);
    if (text === undefined) texts.set(c.depName[d]!, c.depFlags[d]!, c.depEvr[d]! + 1, (text = formatDep(depAt(index, d))));
    return text;
  }

  /**
   * The packages satisfying requirement `n` of a package (as whatProvides would find them),
   * looked up by the requirement's string ids in its own repo: no Dep record, no text lookup.
   */
  requirementProviders(id: number, n: number): readonly number[] {
    const part = this.partOf(id);
    const { index } = part;
    const c = index.cols;
    const d = c.depStart[id - part.base]! + n;
    const nameId = c.depName[d]!;
    if (index.strings.firstByte(nameId) === OPEN_PAREN) return this.whatProvides(depAt(index, d));
    const flags = c.depFlags[d]!;
    return this.plainProviders(index.str(nameId), flags, flags === 0 ? NO_EVR : this.evrParts(part, c.depEvr[d]!), part, nameId);
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
      for (let i = offsets[key]!; i < offsets[key + 1]!; i++) (result ??= []).push(ids[i]! + part.base);
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

  /** `known` is a part whose string id for `name` the caller has (`knownKey`). */
  private plainProviders(name: string, flags: number, evr: EvrParts, known?: IndexPart, knownKey = -1): readonly number[] {
    const matched: number[] = [];
    for (const part of this.parts) {
      const key = part === known ? knownKey : part.index.strings.find(name);
      if (key < 0) continue;
      const c = part.index.cols;
      const ids = c.provIds;
      for (let i = c.provOff[key]!; i < c.provOff[key + 1]!; i++) {
        if (flags === 0 || this.providesVersion(part, ids[i]!, key, flags, evr)) matched.push(ids[i]! + part.base);
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
