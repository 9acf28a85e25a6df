// Shared state of one gather run and the two primitives every step uses:
// picking the best provider and resolving a package's direct requirements.
import { compareEvr } from '@compose/rpm';
import type { ArchSets } from './arch-sets.js';
import { evrText, nameArch, type PackageIndex, type Pkg } from './package-index.js';
import { GroupedCache, type Queues } from './queues.js';
import { ReasonLog } from './reason-log.js';
import type { ReasonKind, SolveOptions } from './types.js';

export interface Caches {
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

  /** The new members in load order (ascending id), as Pungi iterates a set's snapshot. */
  takeOrdered(added: readonly number[]): number[] {
    return this.take(added).sort((a, b) => a - b);
  }

  /** The members of an insertion-ordered list (see GatherContext.binaryOrder) added since the last call. */
  take(added: readonly number[]): number[] {
    const result = added.slice(this.seen);
    this.seen = added.length;
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
  /** `binary` in the order packages were added, for FreshIds. */
  readonly binaryOrder: number[] = [];
  readonly debug = new Set<number>();
  readonly source = new Set<number>();
  readonly lookasideFlag = new Set<number>();
  readonly reasons = new ReasonLog();
  readonly broken = new Map<number, string[]>();
  /** Pungi's finished_get_package_deps_reqs: the first answer for a requirement text is reused. */
  // A lone provider is kept as a number: a distribution run resolves ~100k distinct texts.
  private readonly resolvedRequirements = new Map<string, number | number[]>();
  private readonly lookasideNvras: Set<string>;
  private readonly edges: DepEdges = { ids: [], requirements: [] };

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
  sorted(ids: Iterable<number>): number[] {
    return [...ids].sort((a, b) => comparePackages(this.pkg(a), this.pkg(b)));
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
    if (dest === this.binary) this.binaryOrder.push(id);
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
    let usable = candidates;
    if (this.lookasideNvras.size > 0) {
      const inLookaside = new Set(candidates.map((id) => this.pkg(id)).filter((p) => p.lookaside).map(nevrOf));
      if (inLookaside.size > 0) {
        usable = candidates.filter((id) => {
          const p = this.pkg(id);
          return p.lookaside || !inLookaside.has(nevrOf(p));
        });
      }
    }
    // One pass keeps the best of the four pools: included native, included multilib, native,
    // multilib (noarch counts as both), and the first non-empty one wins.
    let includedNative = -1;
    let includedMultilib = -1;
    let anyNative = -1;
    let anyMultilib = -1;
    for (const id of usable) {
      const native = debuginfo ? q.isNativeDebug(id) : q.isNativeBinary(id);
      const multilib = debuginfo ? q.isMultilibDebug(id) : q.isMultilibBinary(id);
      if (!native && !multilib) continue;
      const included = this.binary.has(id);
      if (native) {
        anyNative = this.better(anyNative, id);
        if (included) includedNative = this.better(includedNative, id);
      }
      if (multilib) {
        anyMultilib = this.better(anyMultilib, id);
        if (included) includedMultilib = this.better(includedMultilib, id);
      }
    }
    const match = includedNative >= 0 ? includedNative : includedMultilib >= 0 ? includedMultilib : anyNative >= 0 ? anyNative : anyMultilib;
    if (match < 0) return [];
    if (this.opts.greedy_method === 'build' && requirement !== undefined) {
      const best = this.pkg(match);
      const sameSide = this.arches.native.has(best.arch)
        ? (id: number) => (debuginfo ? q.isNativeDebug(id) : q.isNativeBinary(id))
        : (id: number) => (debuginfo ? q.isMultilibDebug(id) : q.isMultilibBinary(id));
      return usable.filter((id) => sameSide(id) && this.pkg(id).sourcerpm === best.sourcerpm);
    }
    return [match];
  }

  /** The better of two candidates by compareCandidates (-1: none yet). */
  private better(current: number, id: number): number {
    if (current < 0) return id;
    return this.compareCandidates(this.pkg(id), this.pkg(current)) < 0 ? id : current;
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
   * providers. Two arrays rather than an object per edge: runs see millions of edges. The
   * result is valid until the next call.
   */
  packageDeps(id: number, debuginfo = false): DepEdges {
    // One edges object is refilled per call: every caller walks it before asking again.
    const edges = this.edges;
    edges.ids.length = 0;
    edges.requirements.length = 0;
    if (this.index.isLookaside(id)) return edges;
    const count = this.index.requirementCount(id);
    for (let n = 0; n < count; n++) {
      const text = this.index.requirementText(id, n);
      let known = this.resolvedRequirements.get(text);
      if (known === undefined || (typeof known !== 'number' && known.length === 0)) {
        // Only the first sight of a requirement text needs it as a record.
        const providers = this.providersIn(id, n, debuginfo);
        if (providers.length === 0) {
          this.recordBroken(id, text);
          continue;
        }
        const best = [...new Set(this.bestPackages(providers, text, debuginfo))];
        known = best.length === 1 ? best[0]! : best;
        this.resolvedRequirements.set(text, known);
      }
      if (typeof known === 'number') {
        edges.ids.push(known);
        edges.requirements.push(text);
        continue;
      }
      for (const dep of known) {
        edges.ids.push(dep);
        edges.requirements.push(text);
      }
    }
    return edges;
  }

  private providersIn(id: number, n: number, debuginfo: boolean): number[] {
    const q = this.queues;
    const result: number[] = [];
    for (const provider of this.index.requirementProviders(id, n)) if (debuginfo ? q.isAnyDebug(provider) : q.isBinary(provider)) result.push(provider);
    return result;
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
