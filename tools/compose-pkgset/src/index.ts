export { runPkgset } from './run.js';
export type { PkgsetRunOptions } from './run.js';
export { selectArchSubset } from './select/arch-subset.js';
export { keepLatest } from './select/keep-latest.js';
export { checkSigkeys } from './select/check-sigkeys.js';
