export { runGather } from './run.js';
export type { GatherRunOptions, GatherRunResult } from './run.js';
export { orderVariantsForGather } from './variant-order.js';
export { buildRpmsMetadata, formatSourceNevra } from './rpms-metadata.js';
export { placePackage } from './link-packages.js';
