export type VariantType = 'variant' | 'addon' | 'optional' | 'layered-product';

export const VARIANT_TYPES: readonly VariantType[] = ['variant', 'addon', 'optional', 'layered-product'];

/** A comps group a variant takes; `default`/`uservisible` are undefined when variants.xml leaves them to comps. */
export interface VariantGroup {
  id: string;
  glob: boolean;
  default?: boolean;
  uservisible?: boolean;
}

export interface VariantEnvironment {
  id: string;
  /** Overrides the comps environment's display_order when set. */
  displayOrder?: number;
}

export interface VariantModule {
  name: string;
  glob: boolean;
}

/** Release of a layered product: the product it behaves as when composed separately. */
export interface VariantRelease {
  name: string;
  short: string;
  version: string;
}

/**
 * How a variant came to be in the tree. Pungi orders a parent's children as nested
 * definitions, then the optional implied by has_optional, then references.
 */
export type VariantOrigin = 'top-level' | 'nested' | 'has_optional' | 'ref';

export interface Variant {
  /** The id attribute as written in variants.xml (used in addon paths and in uids). */
  id: string;
  /** `<parent uid>-<id>` for children, the id for top-level variants. */
  uid: string;
  /** The id productmd metadata (composeinfo, .treeinfo) shows: Pungi removes dashes from it. */
  metadataId: string;
  name: string;
  type: VariantType;
  /** Sorted; a child's arches are always a subset of its parent's. */
  arches: string[];
  /** Arches as written in variants.xml, before tree_arches and the parent's arches restricted them. */
  declaredArches: string[];
  parent?: string;
  children: Variant[];
  /** Sorted by id, as Pungi sorts them. */
  groups: VariantGroup[];
  /** Sorted by id. */
  environments: VariantEnvironment[];
  /** Undefined when the variant has no <modules> element (Pungi distinguishes "no modules" from "empty"). */
  modules?: VariantModule[];
  modularKojiTags?: string[];
  /** Sorted. */
  buildInstallPackages: string[];
  isEmpty: boolean;
  hasOptional: boolean;
  release?: VariantRelease;
  origin: VariantOrigin;
  /** Where the variant is defined, for error messages. */
  source?: { file: string; line: number; col: number };
}

/** productmd only accepts alphanumeric variant ids, so Pungi strips dashes when writing metadata. */
export function toMetadataId(id: string): string {
  return id.replace(/-/g, '');
}

const TYPE_RANK: Record<VariantType, number> = { variant: 0, addon: 1, 'layered-product': 1, optional: 2 };

/** Pungi's variant ordering: base variants first, then addons and layered products, then optionals; uid within. */
export function compareVariants(a: Variant, b: Variant): number {
  const rank = TYPE_RANK[a.type] - TYPE_RANK[b.type];
  if (rank !== 0) return rank;
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}
