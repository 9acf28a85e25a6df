// The few variant fields this lib needs. Structural on purpose: @compose/variants' Variant fits
// it without this lib depending on the variants.xml parser.

export type VariantType = 'variant' | 'addon' | 'optional' | 'layered-product';

/** What the layout needs to place a variant's trees. */
export interface VariantRef {
  /** ID from variants.xml, e.g. `optional`, `ResilientStorage`, `Foo-Tools`. */
  id: string;
  /** `<parent uid>-<id>` for children, the id for top-level variants. */
  uid: string;
  type: VariantType;
  /** UID of the parent variant; addons live inside it. */
  parent?: string;
}

export interface LayeredRelease {
  name: string;
  short: string;
  version: string;
}

/** What composeinfo.json needs of a variant. */
export interface ComposeVariant extends VariantRef {
  name: string;
  arches: readonly string[];
  children: readonly ComposeVariant[];
  /** Variants declared is_empty get no trees, so no paths. */
  isEmpty?: boolean;
  /** Release of a layered product. */
  release?: LayeredRelease;
}
