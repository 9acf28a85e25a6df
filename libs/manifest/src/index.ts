export { writeFileAtomic, writeJsonAtomic, serializeJson, sortKeysDeep } from './atomic-write.js';
export { checkSchema } from './schema-check.js';
export type { SchemaProblem, SchemaResult } from './schema-check.js';
export { wrapManifest, writeManifest, readManifest, parseManifest } from './envelope.js';
export type { Envelope, ManifestKind } from './envelope.js';
