import { InputError } from '@compose/errors';
import type { TreeinfoData, TreeProduct, TreeVariant } from './treeinfo-model.js';

/**
 * The part of a variants.xml variant a tree description needs. `Variant` from @compose/variants
 * satisfies it, so callers pass those directly.
 */
export interface SourceVariant {
  id: string;
  uid: string;
  name: string;
  type: 'variant' | 'addon' | 'optional' | 'layered-product';
  arches?: readonly string[];
  /** The layered product's own release. */
  release?: TreeProduct;
  children?: readonly SourceVariant[];
}

export interface VariantTreeInput {
  /** The compose's release_name/short/version. */
  release: TreeProduct;
  /** base_product_* of a layered compose; makes the release layered. */
  baseProduct?: TreeProduct;
  variant: SourceVariant;
  /** Required for a layered-product variant: its tree describes the parent variant. */
  parent?: SourceVariant;
  /** Tree arch; `src` for <Variant>/source/tree. */
  arch: string;
  buildTimestamp: number;
  /** Buildinstall results, copied into the tree by the caller. */
  platforms?: string[];
  images?: TreeinfoData['images'];
  stage2?: TreeinfoData['stage2'];
  checksums?: TreeinfoData['checksums'];
}

/**
 * What Pungi's write_tree_info() puts into a variant tree's .treeinfo: the compose release (or,
 * for a layered product, its own release over the base product's major version), the variant
 * with packages in Packages/ and the repo at the tree root, and its addons in addons/<id>.
 */
export function describeVariantTree(input: VariantTreeInput): TreeinfoData {
  const { variant, arch } = input;
  if (variant.type === 'addon') {
    throw new InputError('TREEINFO_ADDON', `addon ${variant.uid} has no tree of its own: it is described in its parent's .treeinfo`);
  }
  const data: TreeinfoData = variant.type === 'layered-product' ? describeLayeredRelease(input) : describeRelease(input);
  const main: TreeVariant =
    variant.type === 'layered-product'
      ? { ...identify(requireParent(input)), id: requireParent(input).id, type: 'variant', paths: rootPaths() }
      : { ...identify(variant), type: variant.type, paths: rootPaths() };
  const addons = (variant.children ?? []).filter((child) => child.type === 'addon' && carriesArch(child, arch));
  if (addons.length) {
    main.addons = addons.map((addon) => ({
      ...identify(addon),
      // addon ids keep their dashes here, exactly as Pungi writes them
      id: addon.id,
      type: 'addon',
      paths: { packages: `addons/${addon.id}`, repository: `addons/${addon.id}` },
    }));
  }
  data.variants = [main];
  return data;
}

function describeRelease(input: VariantTreeInput): TreeinfoData {
  const data = baseData(input, { ...input.release, isLayered: Boolean(input.baseProduct) });
  if (input.baseProduct) data.baseProduct = { ...input.baseProduct };
  return data;
}

// A layered product's tree must look as if it had been composed on its own.
function describeLayeredRelease(input: VariantTreeInput): TreeinfoData {
  const own = input.variant.release;
  if (!own) throw new InputError('TREEINFO_LAYERED', `layered product ${input.variant.uid} has no <release> in variants.xml`);
  const data = baseData(input, { ...own, isLayered: true });
  data.baseProduct = { name: input.release.name, short: input.release.short, version: majorVersion(input.release.version) };
  return data;
}

function baseData(input: VariantTreeInput, release: TreeinfoData['release']): TreeinfoData {
  const data: TreeinfoData = { release, arch: input.arch, buildTimestamp: Math.trunc(input.buildTimestamp), variants: [] };
  if (input.platforms) data.platforms = [...input.platforms];
  if (input.images) data.images = input.images;
  if (input.stage2) data.stage2 = input.stage2;
  if (input.checksums) data.checksums = input.checksums;
  return data;
}

/** productmd's get_major_version(): drops the last dotted part ("1.0" -> "1", "7" -> "7"). */
export function majorVersion(version: string): string {
  const parts = version.split('.');
  return parts.length <= 1 ? version : parts.slice(0, -1).join('.');
}

function identify(variant: SourceVariant): Pick<TreeVariant, 'id' | 'uid' | 'name'> {
  // productmd refuses dashes in ids, so Pungi strips them (Bar-Tools -> BarTools)
  return { id: variant.id.replace(/-/g, ''), uid: variant.uid, name: variant.name };
}

function requireParent(input: VariantTreeInput): SourceVariant {
  if (!input.parent) throw new InputError('TREEINFO_LAYERED', `layered product ${input.variant.uid} needs its parent variant`);
  return input.parent;
}

function rootPaths(): TreeVariant['paths'] {
  return { packages: 'Packages', repository: '.' };
}

// The source tree carries every addon: sources are not split per arch.
function carriesArch(variant: SourceVariant, arch: string): boolean {
  return arch === 'src' || !variant.arches || variant.arches.includes(arch);
}
