export { readRpmHeader } from './read-rpm-header.js';
export type { RpmHeaderInfo } from './read-rpm-header.js';
export { matchSigkey, normalizeSigkey } from './match-sigkey.js';
export type { SignedPackage } from './match-sigkey.js';
