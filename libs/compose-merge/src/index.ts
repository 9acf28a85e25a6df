export { mergeMetadataDocument } from './merge-metadata.js';
export type { ProductmdDocument } from './merge-metadata.js';
export { writeMergedMetadata } from './write-merged-metadata.js';
export type { MergeMetadataOptions } from './write-merged-metadata.js';
export { linkTree } from './link-tree.js';
export type { LinkTreeResult } from './link-tree.js';
