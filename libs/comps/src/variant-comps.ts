import { findVariantByUid, type Variant } from '@compose/variants';
import type { Comps } from './comps-model.js';
import { filterComps } from './filter-comps.js';
import { matchesGlob } from './match-glob.js';

export interface VariantCompsOptions {
  /** All variants of the compose, to find the parent's (and variant_as_lookaside's) groups. */
  variants?: readonly Variant[];
  /** Pungi's variant_as_lookaside: [variant uid, lookaside variant uid] pairs. */
  variantAsLookaside?: ReadonlyArray<readonly [string, string]>;
  /** Pungi's comps_filter_environments (default true). */
  filterEnvironments?: boolean;
}

export interface VariantComps {
  comps: Comps;
  /** Group patterns of the variant that matched no group: Pungi logs a warning for each. */
  unmatchedGroups: string[];
}

/** Groups environments of this variant may reference without defining: the parent's and lookaside variants'. */
export function collectLookasideGroups(variant: Variant, options: VariantCompsOptions = {}): string[] {
  const all = options.variants ?? [];
  const groups = new Set<string>();
  const parent = variant.parent === undefined ? undefined : findVariantByUid(all, variant.parent);
  for (const g of parent?.groups ?? []) groups.add(g.id);
  for (const [uid, lookasideUid] of options.variantAsLookaside ?? []) {
    if (uid !== variant.uid) continue;
    for (const g of findVariantByUid(all, lookasideUid)?.groups ?? []) groups.add(g.id);
  }
  return [...groups].sort();
}

/**
 * The comps Pungi's init phase writes for one variant.arch: comps_filter for the arch and the
 * variant's uid (keeping empty "conflicts" groups), then only the variant's groups with its
 * default/uservisible overrides, then only its environments with its display_order overrides.
 */
export function buildVariantComps(globalComps: Comps, variant: Variant, arch: string, options: VariantCompsOptions = {}): VariantComps {
  const comps = filterComps(globalComps, {
    arch,
    variant: variant.uid,
    keepEmptyGroups: ['conflicts', `conflicts-${variant.uid.toLowerCase()}`],
    lookasideGroups: collectLookasideGroups(variant, options),
  });
  const unmatchedGroups: string[] = [];
  // A base variant without groups (and not modular) takes every group; any other kind takes only its own.
  if (variant.groups.length > 0 || variant.modules !== undefined || variant.modularKojiTags !== undefined || variant.type !== 'variant') {
    const matches = (id: string, wanted: Variant['groups'][number]): boolean => (wanted.glob ? matchesGlob(id, wanted.id) : id === wanted.id);
    comps.groups = comps.groups.filter((group) => {
      const wanted = variant.groups.find((w) => matches(group.id, w));
      if (!wanted) return false;
      if (wanted.default !== undefined) group.default = wanted.default;
      if (wanted.uservisible !== undefined) group.uservisible = wanted.uservisible;
      return true;
    });
    for (const wanted of variant.groups) if (!comps.groups.some((g) => matches(g.id, wanted))) unmatchedGroups.push(wanted.id);
  }
  // A variant listing neither groups nor environments gets everything, environments included.
  const containsAll = variant.groups.length === 0 && variant.environments.length === 0;
  if ((options.filterEnvironments ?? true) && !containsAll) {
    comps.environments = comps.environments.filter((env) => {
      const wanted = variant.environments.find((w) => w.id === env.id);
      if (!wanted) return false;
      if (wanted.displayOrder !== undefined) env.displayOrder = wanted.displayOrder;
      return true;
    });
  }
  return { comps, unmatchedGroups: [...new Set(unmatchedGroups)].sort() };
}
