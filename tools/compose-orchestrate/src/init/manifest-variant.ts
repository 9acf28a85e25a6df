import type { ComposeManifestVariant } from '@compose/contracts';
import type { Variant } from '@compose/variants';

export function toManifestVariant(variant: Variant): ComposeManifestVariant {
  return {
    uid: variant.uid,
    id: variant.id,
    name: variant.name,
    type: variant.type,
    arches: [...variant.arches],
    parent: variant.parent ?? null,
    is_empty: variant.isEmpty,
    has_optional: variant.hasOptional,
    groups: variant.groups.map((g) => ({ id: g.id, ...(g.default !== undefined ? { default: g.default } : {}), ...(g.uservisible !== undefined ? { uservisible: g.uservisible } : {}) })),
    environments: variant.environments.map((e) => ({ id: e.id, ...(e.displayOrder !== undefined ? { display_order: e.displayOrder } : {}) })),
    release: variant.release ? { name: variant.release.name, short: variant.release.short, version: variant.release.version } : null,
  };
}
