import { compareVariants, type Variant, type VariantType } from './variant-model.js';

export interface ListVariantsOptions {
  types?: readonly VariantType[];
  /** Only variants built for this arch. */
  arch?: string;
}

function collect(variants: readonly Variant[], into: Variant[]): void {
  for (const v of variants) {
    into.push(v);
    collect(v.children, into);
  }
}

/**
 * Every variant of the tree, children included, in Pungi's compose order (base variants,
 * then addons and layered products, then optionals; by uid within each kind).
 */
export function listAllVariants(variants: readonly Variant[], options: ListVariantsOptions = {}): Variant[] {
  const all: Variant[] = [];
  collect(variants, all);
  return all
    .filter((v) => !options.types || options.types.includes(v.type))
    .filter((v) => !options.arch || v.arches.includes(options.arch))
    .sort(compareVariants);
}

/** Variants keyed by uid, like Pungi's compose.all_variants. */
export function indexVariantsByUid(variants: readonly Variant[]): Map<string, Variant> {
  return new Map(listAllVariants(variants).map((v) => [v.uid, v]));
}

export function findVariantByUid(variants: readonly Variant[], uid: string): Variant | undefined {
  return indexVariantsByUid(variants).get(uid);
}

export function findParentVariant(variants: readonly Variant[], variant: Variant): Variant | undefined {
  return variant.parent === undefined ? undefined : findVariantByUid(variants, variant.parent);
}

/** All arches any variant is built for, sorted (Pungi's compose.get_arches). */
export function listVariantArches(variants: readonly Variant[]): string[] {
  return [...new Set(listAllVariants(variants).flatMap((v) => v.arches))].sort();
}
