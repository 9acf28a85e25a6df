export type { JsonSchema, OptionSchema } from './shapes.js';
export { CONFIG_OPTIONS, MANDATORY_OPTIONS, buildConfigSchema } from './options.js';
export { REMOVED_OPTIONS } from './deprecated.js';
export { RELEASE_TYPES, COMPOSE_TYPES } from './release.js';
export { PHASE_NAMES } from './general.js';
export { RUNROOT_METHODS } from './koji.js';
export { summarizeSchema, acceptedTypes } from './describe-schema.js';
export { listConfigOptions, MACHINE_DEPENDENT_OPTIONS } from './list-options.js';
export type { ConfigOptionInfo } from './list-options.js';
