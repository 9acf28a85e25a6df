export { parseIni, getIniValue } from './parse-ini.js';
export type { IniDocument, IniSection, IniEntry } from './parse-ini.js';
export { readPartsConfig, buildPartsConfig, splitList } from './read-parts-config.js';
export { checkPartGraph, listAllDependencies, listAllDependents } from './check-part-graph.js';
export { listPlaceholders, fillPlaceholders, partPlaceholder } from './placeholders.js';
export type { PlaceholderUse } from './placeholders.js';
export { PART_COMPOSE_TYPES } from './types.js';
export type { PartsConfig, PartsGeneral, PartDefinition, PartsRelease, PartsBaseProduct, PartsComposeType } from './types.js';
