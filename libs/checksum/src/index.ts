export { CHECKSUM_ALGORITHMS, isChecksumAlgorithm, labelAlgorithm } from './algorithms.js';
export type { ChecksumAlgorithm, DigestOptions, DigestResult } from './algorithms.js';
export { computeDigests, isWorkerBuilt, THREADED_MIN_BYTES } from './compute-digests.js';
export { formatChecksumFile, formatChecksumLine, formatSizeComment, nameChecksumFile } from './checksum-file.js';
export type { ChecksumEntry, ChecksumFileOptions } from './checksum-file.js';
