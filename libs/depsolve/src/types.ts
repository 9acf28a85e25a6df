import type { Comps } from '@compose/comps';
import type { PrimaryPackage } from '@compose/repodata';
import type { RepoIndex } from './repo-index.js';

export type GreedyMethod = 'none' | 'all' | 'build';

/** The `options` of a solve input; every field has Pungi's default when left out. */
export interface SolveOptions {
  greedy_method: GreedyMethod;
  fulltree: boolean;
  fulltree_excludes: string[];
  selfhosting: boolean;
  resolve_deps: boolean;
  multilib_methods: string[];
  multilib_blacklist: string[];
  multilib_whitelist: string[];
  prepopulate: string[];
  exclude_source: boolean;
  exclude_debug: boolean;
}

export interface RepoRef {
  id: string;
  /** Absolute after loadSolveInput; relative to the input file in the JSON. */
  path: string;
}

/** A comps `<packagereq type="conditional">`: install `install` when `name` is in. */
export interface ConditionalPackage {
  name: string;
  install: string;
}

/** A comps langpack rule: `install` holds `%s` for the language. */
export interface LangpackRule {
  name: string;
  install: string;
}

/** DESIGN.md section 3 solve input, with groups already expanded. */
export interface SolveInput {
  arch: string;
  repos: RepoRef[];
  lookaside_repos: RepoRef[];
  packages: string[];
  groups: string[];
  /** Undefined means "take them from the repos' comps". */
  conditional_packages?: ConditionalPackage[];
  langpacks?: LangpackRule[];
  options: SolveOptions;
}

/** One repository's metadata as the solver needs it. */
export interface LoadedRepo {
  id: string;
  path: string;
  lookaside: boolean;
  /** The compact index loadRepos builds or reads from its cache. */
  index?: RepoIndex;
  /** Already parsed packages, indexed by the solver when `index` is absent (tests, small repos). */
  packages?: PrimaryPackage[];
  comps?: Comps;
}

/**
 * Repositories in the order the sack loads them: lookaside repos first, as
 * pungi-gather adds them first, then the main repos in input order.
 */
export interface LoadedRepos {
  repos: LoadedRepo[];
}

export type ReasonKind =
  | 'input'
  | 'dependency'
  | 'conditional'
  | 'fulltree'
  | 'multilib'
  | 'selfhosting'
  | 'prepopulate'
  | 'langpack'
  | 'source'
  | 'debuginfo';

/** Why a package is in the result; `of` names the package (name.arch) that pulled it. */
export interface Reason {
  kind: ReasonKind;
  of?: string;
  requirement?: string;
  method?: string;
}

export interface SolveResult {
  rpm: string[];
  srpm: string[];
  debuginfo: string[];
  /** `name.arch` -> requirements nothing provides, as Pungi logs "Unresolvable dependency". */
  brokenDeps: Record<string, string[]>;
  /** RPM file basename -> why it is included (first reason recorded first). */
  reasons: Record<string, Reason[]>;
}
