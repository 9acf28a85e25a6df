// Pungi's add_initial_packages and add_prepopulate_packages: excludes, input patterns, prepopulate.
import { isValidArch } from '@compose/rpm';
import type { GatherContext } from './gather-context.js';
import type { PackageIndex, Pkg } from './package-index.js';
import { isDebugName, type Queues } from './queues.js';

const DEBUG_PREFIX_PATTERNS = [/^.+-debuginfo/, /^.+-debuginfo-.+/, /^.+-debugsource/];

/** Pungi decides "debuginfo pattern" with re.match on the pattern text (a prefix match). */
function looksLikeDebugPattern(pattern: string): boolean {
  return DEBUG_PREFIX_PATTERNS.some((re) => re.test(pattern));
}

/** Ids whose name matches `pattern`, retrying `name.arch` when the whole text matches nothing. */
function matchPattern(ctx: { queues: Queues; pkg(id: number): Pkg }, pattern: string, member: (id: number) => boolean): number[] {
  const byName = ctx.queues.matchNames(pattern, member);
  if (byName.length > 0) return byName;
  const dot = pattern.lastIndexOf('.');
  if (dot <= 0) return byName;
  const arch = pattern.slice(dot + 1);
  if (!isValidArch(arch)) return byName;
  const name = pattern.slice(0, dot);
  return ctx.queues.matchNames(name, (id) => member(id) && ctx.pkg(id).arch === arch);
}

/** Everything the `-pattern` lines and the multilib blacklist hide from the solver. */
export function collectExcluded(index: PackageIndex, q: Queues, excludes: readonly string[], blacklist: readonly string[]): Set<number> {
  const ctx = { queues: q, pkg: (id: number): Pkg => index.pkg(id) };
  const main = (id: number): boolean => !ctx.pkg(id).lookaside;
  const notNoarch = (id: number): boolean => ctx.pkg(id).arch !== 'noarch';
  const excluded = new Set<number>();
  for (const pattern of excludes) {
    let ids: number[];
    if (pattern.endsWith('.+')) {
      ids = matchPattern(ctx, pattern.slice(0, -2), (id) => q.isUnfilteredMultilibBinary(id) && notNoarch(id) && main(id));
    } else if (pattern.endsWith('.src')) {
      ids = matchPattern(ctx, pattern.slice(0, -4), (id) => q.isUnfilteredSource(id) && main(id));
    } else if (isDebugName(pattern)) {
      ids = matchPattern(ctx, pattern, (id) => q.isAnyDebug(id) && main(id));
    } else {
      ids = matchPattern(ctx, pattern, (id) => q.isUnfilteredBinary(id) && main(id));
    }
    for (const id of ids) excluded.add(id);
  }
  for (const pattern of blacklist) {
    for (const id of q.matchNames(pattern, (i) => q.isUnfilteredMultilibBinary(i) && notNoarch(i))) excluded.add(id);
  }
  return excluded;
}

export interface InitialPackages {
  binary: number[];
  debug: number[];
}

/** Resolves the include patterns: best package per matching name, system-release greedy special case. */
export function findInitialPackages(ctx: GatherContext, includes: readonly string[]): InitialPackages {
  const q = ctx.queues;
  const binary = new Set<number>();
  const debug = new Set<number>();
  for (const pattern of includes) {
    let ids: number[];
    let debuginfo = false;
    if (pattern === 'system-release' && ctx.opts.greedy_method === 'all') {
      ids = ctx.index.whatProvides({ name: 'system-release' }).filter((id) => q.isBinary(id));
    } else {
      debuginfo = looksLikeDebugPattern(pattern);
      const multilibOnly = pattern.endsWith('.+');
      const text = multilibOnly ? pattern.slice(0, -2) : pattern;
      const member = debuginfo
        ? (id: number) => (multilibOnly ? q.isMultilibDebug(id) : q.isAnyDebug(id))
        : (id: number) => (multilibOnly ? q.isMultilibBinary(id) : q.isBinary(id));
      ids = matchPattern(ctx, text, member);
    }
    const byName = new Map<string, number[]>();
    for (const id of ids) {
      const name = ctx.index.nameOf(id);
      const group = byName.get(name);
      if (group) group.push(id);
      else byName.set(name, [id]);
    }
    for (const group of byName.values()) {
      for (const id of ctx.bestPackages(group, undefined, debuginfo)) (debuginfo ? debug : binary).add(id);
    }
  }
  return { binary: [...binary], debug: [...debug] };
}

/** Prepopulate entries are exact `name.arch`. */
export function findPrepopulatePackages(ctx: GatherContext, entries: readonly string[]): number[] {
  const added = new Set<number>();
  for (const entry of entries) {
    const dot = entry.lastIndexOf('.');
    if (dot <= 0) continue;
    const candidates = ctx.caches.byNameArch.get(entry).map((p) => p.id);
    for (const id of ctx.bestPackages(candidates)) added.add(id);
  }
  return [...added];
}
