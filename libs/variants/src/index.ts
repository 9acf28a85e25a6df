export { parseVariantsXml, parseVariantsFile } from './parse-variants.js';
export { filterVariants } from './filter-variants.js';
export type { VariantFilterOptions } from './filter-variants.js';
export { listAllVariants, indexVariantsByUid, findVariantByUid, findParentVariant, listVariantArches } from './list-variants.js';
export type { ListVariantsOptions } from './list-variants.js';
export { toMetadataId, compareVariants, VARIANT_TYPES } from './variant-model.js';
export type { Variant, VariantType, VariantGroup, VariantEnvironment, VariantModule, VariantRelease, VariantOrigin } from './variant-model.js';
