export { rpmvercmp } from './rpmvercmp.js';
export { parseNevra, parseRpmFilename, formatNevra, formatRpmFilename, compareEvr } from './nevra.js';
export type { Nevra, Evr, EpochStyle } from './nevra.js';
export {
  treeArchToYumArch,
  getArchChain,
  getMultilibArch,
  getValidMultilibArches,
  getValidArches,
  getCompatibleArches,
  getBaseArch,
  isValidArch,
  splitNameArch,
} from './arch.js';
export type { ValidArchesOptions } from './arch.js';
export { ARCH_PARENTS, MULTILIB_ARCHES, TREE_ARCH_TO_YUM_ARCH } from './arch-tables.js';
