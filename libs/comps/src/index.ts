export { parseCompsXml, parseCompsFile } from './parse-comps.js';
export { filterComps, filterCompsForArch } from './filter-comps.js';
export type { CompsFilterOptions } from './filter-comps.js';
export { buildVariantComps, collectLookasideGroups } from './variant-comps.js';
export type { VariantComps, VariantCompsOptions } from './variant-comps.js';
export { writeCompsXml } from './write-comps.js';
export { cloneComps, PACKAGE_REQ_TYPES } from './comps-model.js';
export type {
  Comps,
  CompsGroup,
  CompsEnvironment,
  CompsCategory,
  CompsLangpack,
  CompsPackageReq,
  CompsGroupRef,
  CompsLabels,
  PackageReqType,
} from './comps-model.js';
