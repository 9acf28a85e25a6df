// The order Pungi's gather_wrapper works in: every variant of one type before the next type,
// because addons, layered products and optional variants are trimmed against their parent's
// result, and optional against what addons and layered products took.
import type { ComposeManifestVariant } from '@compose/contracts';

export const GATHER_TYPE_ORDER = ['variant', 'addon', 'layered-product', 'optional'] as const;

/** Variants that get packages, in gather order (compose.json order within a type). */
export function orderVariantsForGather(variants: readonly ComposeManifestVariant[]): ComposeManifestVariant[] {
  const ordered: ComposeManifestVariant[] = [];
  for (const type of GATHER_TYPE_ORDER) {
    for (const variant of variants) if (variant.type === type && !variant.is_empty) ordered.push(variant);
  }
  return ordered;
}

/** The variant and its addons and layered products on `arch` (Pungi's get_variants(types=[self, ...])). */
export function listFamily(
  variants: readonly ComposeManifestVariant[],
  parent: ComposeManifestVariant,
  arch: string,
): ComposeManifestVariant[] {
  const children = variants.filter(
    (v) => v.parent === parent.uid && v.arches.includes(arch) && (v.type === 'addon' || v.type === 'layered-product' || v.type === 'variant'),
  );
  return [parent, ...children];
}

export function findVariant(variants: readonly ComposeManifestVariant[], uid: string): ComposeManifestVariant {
  const variant = variants.find((v) => v.uid === uid);
  if (!variant) throw new Error(`variant ${uid} is not in compose.json`);
  return variant;
}
