export { solve } from './solve.js';
export { loadSolveInput, loadRepos, parseSolveInput, DEFAULT_SOLVE_OPTIONS } from './load-input.js';
export { PackageIndex, Pkg } from './package-index.js';
export { RepoIndex } from './repo-index.js';
export { loadRepoIndex, defaultCacheDir } from './index-cache.js';
export type { RepoIndexOptions } from './index-cache.js';
export { formatDep, intersectRanges, compareEvrForMatch } from './dep-match.js';
export { parseRichDep, isRichDep } from './rich-dep.js';
export type { RichNode } from './rich-dep.js';
export { decideMultilib } from './multilib.js';
export type { MultilibPolicy } from './multilib.js';
export { groupPackages, conditionalsFromComps, langpacksFromComps } from './comps-input.js';
export type {
  SolveInput,
  SolveOptions,
  SolveResult,
  GreedyMethod,
  RepoRef,
  LoadedRepo,
  LoadedRepos,
  ConditionalPackage,
  LangpackRule,
  Reason,
  ReasonKind,
} from './types.js';
