// Pungi's package queues: classification by arch and debug name, excludes, then latest per name.arch.
import { compareEvr } from '@compose/rpm';
import { SOURCE_ARCHES, type ArchSets } from './arch-sets.js';
import { isGlob, matchesAnyGlob, matchesGlob } from './glob.js';
import { nevraKey, type PackageIndex, type Pkg } from './package-index.js';

export const DEBUG_PATTERNS = ['*-debuginfo', '*-debuginfo-*', '*-debugsource'];

const SOURCE = 1;
const BINARY = 2;
const DEBUG = 4;
const NATIVE = 8;
const MULTILIB = 16;
const VISIBLE = 32;

export function isDebugName(name: string): boolean {
  return matchesAnyGlob(name, DEBUG_PATTERNS);
}

/** Membership of every package in the (filtered) queues, as bits per package id. */
export class Queues {
  private readonly bits: Uint8Array;

  /** Per package: a small integer equal for equal name.arch within one repo (see pairKeys). */
  private readonly pairs: Int32Array | undefined;

  constructor(
    private readonly index: PackageIndex,
    arches: ArchSets,
  ) {
    this.bits = new Uint8Array(index.size);
    this.pairs = pairKeys(index);
    // Names and arches repeat: classify each distinct arch once, and test debug names by
    // suffix instead of through the glob RegExps (the same three patterns, DEBUG_PATTERNS).
    const archClass = new Map<number, number>();
    for (let id = 0; id < index.size; id++) {
      const archKey = index.archKeyOf(id);
      let bits = archClass.get(archKey);
      if (bits === undefined) archClass.set(archKey, (bits = classifyArch(index.archOf(id), arches)));
      if (bits & BINARY && isDebugNameFast(index.nameOf(id))) bits = (bits & ~BINARY) | DEBUG;
      this.bits[id] = bits;
    }
  }

  private has(id: number, mask: number): boolean {
    return (this.bits[id]! & mask) === mask;
  }

  isSource(id: number): boolean {
    return this.has(id, SOURCE | VISIBLE);
  }
  isBinary(id: number): boolean {
    return this.has(id, BINARY | VISIBLE);
  }
  isNativeBinary(id: number): boolean {
    return this.has(id, BINARY | NATIVE | VISIBLE);
  }
  /** Multilib queue members: foreign-arch packages plus noarch, as in Pungi. */
  isMultilibBinary(id: number): boolean {
    return this.has(id, BINARY | MULTILIB | VISIBLE);
  }
  isNativeDebug(id: number): boolean {
    return this.has(id, DEBUG | NATIVE | VISIBLE);
  }
  isMultilibDebug(id: number): boolean {
    return this.has(id, DEBUG | MULTILIB | VISIBLE);
  }
  /** Pungi's q_debug_packages never sees excludes or the latest filter. */
  isAnyDebug(id: number): boolean {
    return this.has(id, DEBUG);
  }
  /** Before excludes: the queues exclude patterns are matched against. */
  isUnfilteredBinary(id: number): boolean {
    return this.has(id, BINARY);
  }
  isUnfilteredMultilibBinary(id: number): boolean {
    return this.has(id, BINARY | MULTILIB);
  }
  isUnfilteredSource(id: number): boolean {
    return this.has(id, SOURCE);
  }

  /** Hides excluded packages, then keeps only the newest EVR per name.arch (ties all stay). */
  applyExcludes(excluded: Set<number>): void {
    const groups = this.index.nameGroups();
    if (groups) {
      this.markNewestInGroups(groups.offsets, groups.ids, excluded);
      return;
    }
    // Most name.arch pairs have one package: a list is made only where versions tie.
    const newest = new Map<number | string, number>();
    const ties = new Map<number, number[]>();
    const index = this.index;
    // String ids are per repo: with several repos, equal names must meet by text.
    const pairs = index.repoCount > 1 ? undefined : this.pairs;
    for (let id = 0; id < index.size; id++) {
      if (this.bits[id] === 0 || excluded.has(id)) continue;
      const key = pairs ? pairs[id]! : `${index.nameOf(id)}.${index.archOf(id)}`;
      const best = newest.get(key);
      const cmp = best === undefined ? 1 : compareEvr(index.pkg(id), index.pkg(best));
      if (cmp > 0) newest.set(key, id);
      else if (cmp === 0) {
        const list = ties.get(best!);
        if (list) list.push(id);
        else ties.set(best!, [id]);
      }
    }
    for (const id of newest.values()) {
      this.bits[id]! |= VISIBLE;
      for (const tie of ties.get(id) ?? []) this.bits[tie]! |= VISIBLE;
    }
  }

  /**
   * applyExcludes for one repo, through its name index: the packages of a name are listed
   * together, so the newest per arch is found within each (small) group without a map.
   */
  private markNewestInGroups(offsets: Int32Array, ids: Int32Array, excluded: Set<number>): void {
    const bits = this.bits;
    const index = this.index;
    const eligible = (id: number): boolean => bits[id] !== 0 && !excluded.has(id);
    for (let k = 0; k + 1 < offsets.length; k++) {
      const from = offsets[k]!;
      const to = offsets[k + 1]!;
      if (to - from === 1) {
        if (eligible(ids[from]!)) bits[ids[from]!]! |= VISIBLE;
        continue;
      }
      for (let i = from; i < to; i++) {
        const id = ids[i]!;
        if (!eligible(id)) continue;
        let newest = true;
        for (let j = from; j < to && newest; j++) {
          const other = ids[j]!;
          if (other === id || !eligible(other) || index.archKeyOf(other) !== index.archKeyOf(id)) continue;
          if (compareEvr(index.pkg(other), index.pkg(id)) > 0) newest = false;
        }
        if (newest) bits[id]! |= VISIBLE;
      }
    }
  }

  /** Ids matching a name glob among packages accepted by `member`, ascending. */
  matchNames(pattern: string, member: (id: number) => boolean): number[] {
    if (!isGlob(pattern)) return this.index.idsNamed(pattern).filter(member);
    const result: number[] = [];
    const index = this.index;
    if (pattern === '*') {
      for (let id = 0; id < index.size; id++) if (member(id)) result.push(id);
      return result;
    }
    // 0 unknown, 1 no, 2 yes, per name string: names repeat across arches and versions.
    const matches = new Uint8Array(index.nameKeys);
    for (let id = 0; id < index.size; id++) {
      if (!member(id)) continue;
      const key = index.nameKeyOf(id);
      if (matches[key] === 0) matches[key] = matchesGlob(index.nameOf(id), pattern) ? 2 : 1;
      if (matches[key] === 2) result.push(id);
    }
    return result;
  }
}

function classifyArch(arch: string, arches: ArchSets): number {
  if (SOURCE_ARCHES.has(arch)) return SOURCE;
  if (!arches.rank.has(arch)) return 0;
  let bits = BINARY;
  if (arches.native.has(arch)) bits |= NATIVE;
  if (!arches.native.has(arch) || arch === 'noarch') bits |= MULTILIB;
  return bits;
}

/** isDebugName without RegExps: `*-debuginfo`, `*-debuginfo-*`, `*-debugsource`. */
function isDebugNameFast(name: string): boolean {
  return name.includes('-debug') && (name.endsWith('-debuginfo') || name.includes('-debuginfo-') || name.endsWith('-debugsource'));
}

/**
 * name.arch keys as small integers (name key times a dense arch number), so Maps hash them
 * as small ints rather than heap numbers; used only where string ids are comparable (one repo).
 */
function pairKeys(index: PackageIndex): Int32Array | undefined {
  const keys = new Int32Array(index.size);
  const archSlots = new Map<number, number>();
  for (let id = 0; id < index.size; id++) {
    const archKey = index.archKeyOf(id);
    let slot = archSlots.get(archKey);
    if (slot === undefined) archSlots.set(archKey, (slot = archSlots.size));
    keys[id] = slot;
  }
  const width = archSlots.size;
  // Int32 overflow would merge pairs: a repo that large is keyed by text instead.
  if (index.nameKeys * width >= 2 ** 31) return undefined;
  for (let id = 0; id < index.size; id++) keys[id] = index.nameKeyOf(id) * width + keys[id]!;
  return keys;
}

/**
 * Pungi's QueryCache: packages of a queue grouped by a key, in load order, where a
 * second copy of the same NVRA (another repo) is dropped because hawkey finds it equal.
 */
export class GroupedCache {
  private groups?: Map<string, Pkg[]>;

  /** Built on first use: most runs need only a few of the caches. */
  constructor(
    private readonly index: PackageIndex,
    private readonly member: (id: number) => boolean,
    private readonly keyOf: (pkg: Pkg) => string,
  ) {}

  get(key: string): readonly Pkg[] {
    return (this.groups ??= this.build()).get(key) ?? [];
  }

  private build(): Map<string, Pkg[]> {
    const groups = new Map<string, Pkg[]>();
    for (let id = 0; id < this.index.size; id++) {
      if (!this.member(id)) continue;
      const pkg = this.index.pkg(id);
      const key = this.keyOf(pkg);
      const group = groups.get(key);
      if (!group) groups.set(key, [pkg]);
      else if (!group.some((other) => nevraKey(other) === nevraKey(pkg))) group.push(pkg);
    }
    return groups;
  }
}
