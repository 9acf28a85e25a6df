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

  constructor(
    private readonly index: PackageIndex,
    arches: ArchSets,
  ) {
    this.bits = new Uint8Array(index.packages.length);
    for (const pkg of index.packages) this.bits[pkg.id] = classify(pkg, arches);
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
    const newest = new Map<string, Pkg[]>();
    for (const pkg of this.index.packages) {
      if (this.bits[pkg.id] === 0 || excluded.has(pkg.id)) continue;
      const key = `${pkg.name}.${pkg.arch}`;
      const best = newest.get(key);
      const cmp = best ? compareEvr(pkg, best[0]!) : 1;
      if (cmp > 0) newest.set(key, [pkg]);
      else if (cmp === 0) best!.push(pkg);
    }
    for (const list of newest.values()) for (const pkg of list) this.bits[pkg.id]! |= VISIBLE;
  }

  /** Ids matching a name glob among packages accepted by `member`, ascending. */
  matchNames(pattern: string, member: (id: number) => boolean): number[] {
    if (!isGlob(pattern)) return this.index.idsNamed(pattern).filter(member);
    const result: number[] = [];
    for (const pkg of this.index.packages) {
      if (member(pkg.id) && matchesGlob(pkg.name, pattern)) result.push(pkg.id);
    }
    return result;
  }
}

function classify(pkg: Pkg, arches: ArchSets): number {
  if (SOURCE_ARCHES.has(pkg.arch)) return SOURCE;
  if (!arches.rank.has(pkg.arch)) return 0;
  let bits = isDebugName(pkg.name) ? DEBUG : BINARY;
  if (arches.native.has(pkg.arch)) bits |= NATIVE;
  if (!arches.native.has(pkg.arch) || pkg.arch === 'noarch') bits |= MULTILIB;
  return bits;
}

/**
 * Pungi's QueryCache: packages of a queue grouped by a key, in load order, where a
 * second copy of the same NVRA (another repo) is dropped because hawkey finds it equal.
 */
export class GroupedCache {
  private readonly groups = new Map<string, Pkg[]>();
  private readonly seen = new Map<string, Set<string>>();

  constructor(packages: readonly Pkg[], member: (pkg: Pkg) => boolean, keyOf: (pkg: Pkg) => string) {
    for (const pkg of packages) {
      if (!member(pkg)) continue;
      const key = keyOf(pkg);
      let seen = this.seen.get(key);
      if (!seen) this.seen.set(key, (seen = new Set()));
      const identity = nevraKey(pkg);
      if (seen.has(identity)) continue;
      seen.add(identity);
      const group = this.groups.get(key);
      if (group) group.push(pkg);
      else this.groups.set(key, [pkg]);
    }
    this.seen.clear();
  }

  get(key: string): readonly Pkg[] {
    return this.groups.get(key) ?? [];
  }
}
