export { runChecksumPhase } from './run.js';
export type { ChecksumRunOptions, ChecksumRunResult } from './run.js';
export { readChecksumSettings, formatBaseFilename } from './checksum-config.js';
export type { ChecksumSettings } from './checksum-config.js';
export { planChecksumFiles } from './plan-files.js';
export type { HashedImage, PlannedChecksumFile, BaseFilenameOf } from './plan-files.js';
export { hashImages } from './hash-images.js';
