import { InputError } from '@compose/errors';
import { toMetadataId, type Variant } from './variant-model.js';

export interface VariantFilterOptions {
  /** Pungi's tree_arches: keep only these arches; variants left with none disappear. */
  treeArches?: readonly string[];
  /** Pungi's tree_variants: keep only variants whose uid is listed (children need their own uid listed). */
  treeVariants?: readonly string[];
}

function isExcluded(variant: Variant, options: VariantFilterOptions): boolean {
  const wanted = options.treeVariants;
  return wanted !== undefined && wanted.length > 0 && !wanted.includes(variant.uid);
}

function makeImplicitOptional(parent: Variant): Variant {
  return {
    id: 'optional',
    uid: `${parent.uid}-optional`,
    metadataId: 'optional',
    name: 'optional',
    type: 'optional',
    arches: [...parent.arches],
    declaredArches: [...parent.arches],
    parent: parent.uid,
    children: [],
    groups: [],
    environments: [],
    buildInstallPackages: [],
    isEmpty: false,
    hasOptional: false,
    origin: 'has_optional',
  };
}

/**
 * Builds one variant of the final tree the way Pungi's variants parser does: arches are first
 * cut to tree_arches (none left: the variant is dropped quietly), then to the parent's arches
 * (none left: an error, as in Pungi, because the definitions contradict each other).
 */
function resolveVariant(declared: Variant, parent: Variant | undefined, options: VariantFilterOptions): Variant | undefined {
  const treeArches = options.treeArches;
  let arches = treeArches && treeArches.length > 0 ? declared.declaredArches.filter((a) => treeArches.includes(a)) : [...declared.declaredArches];
  if (arches.length === 0) return undefined;
  if (parent) {
    const shared = arches.filter((a) => parent.arches.includes(a));
    if (parent.arches.length > 0 && shared.length === 0) {
      throw new InputError(
        'VARIANTS_INVALID',
        `${parent.uid}-${declared.id}: arch list ${declared.declaredArches.join(', ')} does not intersect with the parent's arches ${parent.arches.join(', ')}`,
        {
          hint: 'give the child at least one arch of its parent (also after tree_arches is applied)',
          ...(declared.source && { location: declared.source }),
        },
      );
    }
    arches = shared;
  }
  const variant: Variant = {
    ...declared,
    uid: parent ? `${parent.uid}-${declared.id}` : declared.id,
    metadataId: toMetadataId(declared.id),
    arches: [...new Set(arches)].sort(),
    children: [],
  };
  if (parent) variant.parent = parent.uid;
  else delete variant.parent;

  const adopt = (child: Variant | undefined): void => {
    if (child && !isExcluded(child, options)) variant.children.push(child);
  };
  // Pungi's order: nested definitions, then the optional implied by has_optional, then <ref>s.
  for (const child of declared.children) if (child.origin === 'nested') adopt(resolveVariant(child, variant, options));
  if (variant.hasOptional && !variant.children.some((c) => c.type === 'optional')) adopt(makeImplicitOptional(variant));
  for (const child of declared.children) if (child.origin === 'ref') adopt(resolveVariant(child, variant, options));
  return variant;
}

/**
 * Applies tree_arches and tree_variants to parsed variants, starting again from the arches
 * written in variants.xml, so filtering a parsed tree gives what Pungi's parser gives with the
 * same options. Children of a removed variant go with it.
 */
export function filterVariants(variants: readonly Variant[], options: VariantFilterOptions = {}): Variant[] {
  const result: Variant[] = [];
  for (const declared of variants) {
    const variant = resolveVariant(declared, undefined, options);
    if (variant && !isExcluded(variant, options)) result.push(variant);
  }
  return result;
}
