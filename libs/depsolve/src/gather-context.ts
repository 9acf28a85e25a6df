// Shared state of one gather run and the two primitives every step uses:
// picking the best provider and resolving a package's direct requirements.
import type { Dep } from '@compose/repodata';
import { compareEvr } from '@compose/rpm';
import type { ArchSets } from './arch-sets.js';
import { evrText, nameArch, type PackageIndex, type Pkg } from './package-index.js';
import { GroupedCache, type Queues } from './queues.js';
import { ReasonLog } from './reason-log.js';
import type { ReasonKind, SolveOptions } from './types.js';

export interface Caches {
  sourceByNvr: GroupedCache;
  nativeDebugBySource: GroupedCache;
  multilibDebugBySource: GroupedCache;
  nativeBySource: GroupedCache;
  multilibBySource: GroupedCache;
  noarchBySource: GroupedCache;
  multilibByNvr: GroupedCache;
  byNameArch: GroupedCache;
}

export function nvrKey(name: string, version: string, release: string): string {
  return `${name}\u0000${version}\u0000${release}`;
}

export function buildCaches(index: PackageIndex, q: Queues): Caches {
  const notNoarch = (id: number): boolean => index.archOf(id) !== 'noarch';
  const bySource = (pkg: Pkg): string => pkg.sourcerpm;
  const byNvr = (pkg: Pkg): string => nvrKey(pkg.name, pkg.version, pkg.release);
  const cache = (member: (id: number) => boolean, keyOf: (pkg: Pkg) => string): GroupedCache => new GroupedCache(index, member, keyOf);
  return {
    sourceByNvr: cache((id) => q.isSource(id), byNvr),
    nativeDebugBySource: cache((id) => q.isNativeDebug(id), bySource),
    multilibDebugBySource: cache((id) => q.isMultilibDebug(id), bySource),
    nativeBySource: cache((id) => q.isNativeBinary(id) && notNoarch(id), bySource),
    multilibBySource: cache((id) => q.isMultilibBinary(id) && notNoarch(id), bySource),
    noarchBySource: cache((id) => q.isNativeBinary(id) && !notNoarch(id), bySource),
    multilibByNvr: cache((id) => q.isMultilibBinary(id) && notNoarch(id), byNvr),
    byNameArch: cache((id) => q.isBinary(id), (p) => `${p.name}.${p.arch}`),
  };
}

/**
 * The members added to a set since the last call, in insertion order: a step whose earlier
 * work on a package can only repeat itself looks at each package once instead of every pass.
 */
export class FreshIds {
  private seen = 0;

  take(set: Set<number>): Set<number> {
    const result = new Set<number>();
    let i = 0;
    for (const id of set) if (i++ >= this.seen) result.add(id);
    this.seen = set.size;
    return result;
  }
}

/** A package's resolved requirements: `ids[i]` was pulled by `requirements[i]`. */
export interface DepEdges {
  ids: number[];
  requirements: string[];
}

export class GatherContext {
  readonly binary = new Set<number>();
  readonly debug = new Set<number>();
  readonly source = new Set<number>();
  readonly lookasideFlag = new Set<number>();
  readonly reasons = new ReasonLog();
  readonly broken = new Map<number, string[]>();
  /** Pungi's finished_get_package_deps_reqs: the first answer for a requirement text is reused. */
  private readonly resolvedRequirements = new Map<string, number[]>();
  private readonly lookasideNvras: Set<string>;

  constructor(
    readonly index: PackageIndex,
    readonly arches: ArchSets,
    readonly queues: Queues,
    readonly caches: Caches,
    readonly opts: SolveOptions,
  ) {
    this.lookasideNvras = new Set();
    for (let id = 0; id < index.size; id++) if (index.isLookaside(id)) this.lookasideNvras.add(nvraOf(index.pkg(id)));
  }

  pkg(id: number): Pkg {
    return this.index.pkg(id);
  }

  /** A snapshot in load order, standing in for Pungi's iteration over a set. */
  ordered(set: Set<number>): number[] {
    return [...set].sort((a, b) => a - b);
  }

  /** Packages in hawkey's sort order: name, then EVR, then arch. */
  sorted(set: Set<number>): number[] {
    return [...set].sort((a, b) => comparePackages(this.pkg(a), this.pkg(b)));
  }

  /** `from` is the package that pulled `id` in (-1: none); `text` its requirement, or the multilib method. */
  addReason(id: number, kind: ReasonKind, from = -1, text?: string): void {
    this.reasons.add(id, kind, from, text);
  }

  /** Pungi's _add_packages to the binary set; false when it was already there. */
  add(id: number, kind: ReasonKind, from = -1, text?: string): boolean {
    return this.addTo(this.binary, id, kind, from, text);
  }

  addDebug(id: number, kind: ReasonKind, from = -1, text?: string): boolean {
    return this.addTo(this.debug, id, kind, from, text);
  }

  /** Flags lookaside copies (by NVRA, as hawkey compares them). */
  private addTo(dest: Set<number>, id: number, kind: ReasonKind, from: number, text: string | undefined): boolean {
    if (dest.has(id)) return false;
    dest.add(id);
    this.reasons.add(id, kind, from, text);
    if (this.lookasideNvras.size > 0 && this.lookasideNvras.has(nvraOf(this.pkg(id)))) this.lookasideFlag.add(id);
    return true;
  }

  /**
   * Pungi's _get_best_package: lookaside copies win over equal NVRs elsewhere; then an
   * already included native provider, an included multilib one, any native, any multilib;
   * ties go to the best arch, then the shortest name, then the name alphabetically.
   */
  bestPackages(candidates: readonly number[], requirement?: string, debuginfo = false): number[] {
    if (candidates.length === 0) return [];
    if (this.opts.greedy_method === 'all') return [...candidates];
    const q = this.queues;
    if (candidates.length === 1 && this.opts.greedy_method === 'none') {
      // A lone candidate wins whenever it is in a queue: skip the records and sets below.
      const id = candidates[0]!;
      const member = debuginfo ? q.isNativeDebug(id) || q.isMultilibDebug(id) : q.isNativeBinary(id) || q.isMultilibBinary(id);
      return member ? [id] : [];
    }
    const inLookaside = new Set(candidates.map((id) => this.pkg(id)).filter((p) => p.lookaside).map(nevrOf));
    const usable = candidates.filter((id) => {
      const p = this.pkg(id);
      return p.lookaside || !inLookaside.has(nevrOf(p));
    });
    const native = usable.filter((id) => (debuginfo ? q.isNativeDebug(id) : q.isNativeBinary(id)));
    const multilib = usable.filter((id) => (debuginfo ? q.isMultilibDebug(id) : q.isMultilibBinary(id)));
    let pool = native.filter((id) => this.binary.has(id));
    if (pool.length === 0) pool = multilib.filter((id) => this.binary.has(id));
    if (pool.length === 0) pool = native;
    if (pool.length === 0) pool = multilib;
    if (pool.length === 0) return [];
    const match = [...pool].sort((a, b) => this.compareCandidates(this.pkg(a), this.pkg(b)))[0]!;
    const best = this.pkg(match);
    if (this.opts.greedy_method === 'build' && requirement !== undefined) {
      const sameBuild = this.arches.native.has(best.arch) ? native : multilib;
      return sameBuild.filter((id) => this.pkg(id).sourcerpm === best.sourcerpm);
    }
    return [match];
  }

  private compareCandidates(a: Pkg, b: Pkg): number {
    const rank = (this.arches.rank.get(a.arch) ?? 999) - (this.arches.rank.get(b.arch) ?? 999);
    if (rank !== 0) return rank;
    if (a.name.length !== b.name.length) return a.name.length - b.name.length;
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    return a.id - b.id;
  }

  /**
   * Pungi's _get_package_deps: every requirement (pre/post included) resolved to its best
   * providers. Two arrays per package rather than an object per edge: runs see millions of edges.
   */
  packageDeps(id: number, debuginfo = false): DepEdges {
    const edges: DepEdges = { ids: [], requirements: [] };
    if (this.index.isLookaside(id)) return edges;
    const texts = this.index.requirementTexts(id);
    for (let n = 0; n < texts.length; n++) {
      const text = texts[n]!;
      let known = this.resolvedRequirements.get(text);
      if (known === undefined || known.length === 0) {
        // Only the first sight of a requirement text needs it as a record.
        const providers = this.providersIn(this.index.requirementDep(id, n), debuginfo);
        if (providers.length === 0) {
          this.recordBroken(id, text);
          continue;
        }
        const best = this.bestPackages(providers, text, debuginfo);
        if (!known) this.resolvedRequirements.set(text, (known = []));
        for (const dep of best) if (!known.includes(dep)) known.push(dep);
      }
      for (const dep of known) {
        edges.ids.push(dep);
        edges.requirements.push(text);
      }
    }
    return edges;
  }

  private providersIn(requirement: Dep, debuginfo: boolean): readonly number[] {
    const member = debuginfo ? (i: number) => this.queues.isAnyDebug(i) : (i: number) => this.queues.isBinary(i);
    return this.index.whatProvides(requirement).filter(member);
  }

  private recordBroken(id: number, requirement: string): void {
    const list = this.broken.get(id);
    if (!list) this.broken.set(id, [requirement]);
    else if (!list.includes(requirement)) list.push(requirement);
  }

  describe(id: number): string {
    return nameArch(this.pkg(id));
  }
}

function nevrOf(pkg: Pkg): string {
  return `${pkg.name}-${evrText(pkg)}`;
}

function nvraOf(pkg: Pkg): string {
  return `${pkg.name}-${pkg.version}-${pkg.release}.${pkg.arch}`;
}

function comparePackages(a: Pkg, b: Pkg): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  const byEvr = compareEvr(a, b);
  if (byEvr !== 0) return byEvr;
  if (a.arch !== b.arch) return a.arch < b.arch ? -1 : 1;
  return a.id - b.id;
}
