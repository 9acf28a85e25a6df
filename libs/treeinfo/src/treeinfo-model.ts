/** The variant types a .treeinfo may hold (productmd VARIANT_TYPES). */
export type TreeVariantType = 'variant' | 'optional' | 'addon';

export const TREE_VARIANT_TYPES: readonly TreeVariantType[] = ['variant', 'optional', 'addon'];

/** Paths relative to the .treeinfo; unset ones are not written (productmd VariantPaths). */
export interface TreeVariantPaths {
  packages?: string;
  repository?: string;
  source_packages?: string;
  source_repository?: string;
  debug_packages?: string;
  debug_repository?: string;
  /** Product certificate (.pem) identifying the variant. */
  identity?: string;
}

export const TREE_PATH_FIELDS: readonly (keyof TreeVariantPaths)[] = [
  'packages',
  'repository',
  'source_packages',
  'source_repository',
  'debug_packages',
  'debug_repository',
  'identity',
];

export interface TreeVariant {
  /** No dashes allowed: productmd rejects them. */
  id: string;
  /** `<parent uid>-<id>` for addons. */
  uid: string;
  name: string;
  type: TreeVariantType;
  paths: TreeVariantPaths;
  /** Addons nested in this variant; they get `parent = <this uid>`. */
  addons?: TreeVariant[];
}

export interface TreeProduct {
  name: string;
  short: string;
  version: string;
}

export interface TreeRelease extends TreeProduct {
  isLayered?: boolean;
}

/** Everything a productmd 1.2 .treeinfo states about one tree. */
export interface TreeinfoData {
  release: TreeRelease;
  /** Required when release.isLayered. */
  baseProduct?: TreeProduct;
  arch: string;
  /** Unix time; Pungi passes an integer. */
  buildTimestamp: number;
  /** Boot platforms besides the arch itself (from buildinstall images). */
  platforms?: string[];
  /** Top-level variants; usually one. */
  variants: TreeVariant[];
  /** Variant id the [general] compatibility section describes; default: the first id sorted. */
  mainVariant?: string;
  /** Relative path -> checksum. */
  checksums?: Record<string, { type: string; value: string }>;
  /** Platform -> image name -> relative path. */
  images?: Record<string, Record<string, string>>;
  stage2?: { mainimage?: string; instimage?: string };
  media?: { discnum: number; totaldiscs: number };
}
