// Reads a solve input (or a conformance case wrapping one) and loads the repositories it names.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@compose/errors';
import { loadRepoComps } from './comps-cache.js';
import { loadRepoIndex, type RepoIndexOptions } from './index-cache.js';
import { foreignRequiredPaths } from './required-files.js';
import type { LoadedRepo, LoadedRepos, RepoRef, SolveInput, SolveOptions } from './types.js';

export const DEFAULT_SOLVE_OPTIONS: SolveOptions = {
  greedy_method: 'none',
  fulltree: false,
  fulltree_excludes: [],
  selfhosting: false,
  resolve_deps: true,
  multilib_methods: [],
  multilib_blacklist: [],
  multilib_whitelist: [],
  prepopulate: [],
  exclude_source: false,
  exclude_debug: false,
};

const GREEDY_METHODS = new Set(['none', 'all', 'build']);

type Json = Record<string, unknown>;

function bad(file: string, message: string): never {
  throw new InputError('BAD_SOLVE_INPUT', `${file}: ${message}`, { location: { file } });
}

function stringList(value: unknown, field: string, file: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) bad(file, `${field} must be a list of strings`);
  return value as string[];
}

function repoRefs(value: unknown, field: string, file: string): RepoRef[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) bad(file, `${field} must be a list of {id, path}`);
  return value.map((entry: Json) => {
    if (typeof entry?.id !== 'string' || typeof entry?.path !== 'string') bad(file, `${field} entries need string id and path`);
    return { id: entry.id as string, path: path.resolve(path.dirname(file), entry.path as string) };
  });
}

function pairList(value: unknown, field: string, file: string): { name: string; install: string }[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v: Json) => typeof v?.name !== 'string' || typeof v?.install !== 'string')) {
    bad(file, `${field} must be a list of {name, install}`);
  }
  return (value as Json[]).map((v) => ({ name: v.name as string, install: v.install as string }));
}

function readOptions(value: unknown, file: string): SolveOptions {
  const given = (value ?? {}) as Partial<SolveOptions>;
  const options: SolveOptions = { ...DEFAULT_SOLVE_OPTIONS, ...given };
  if (!GREEDY_METHODS.has(options.greedy_method)) bad(file, `options.greedy_method must be none, all or build`);
  return options;
}

/** Parses solve-input JSON; a conformance case (`{name, input, expected}`) is unwrapped. */
export function parseSolveInput(text: string, file: string): SolveInput {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch (error) {
    bad(file, `not valid JSON: ${(error as Error).message}`);
  }
  const raw = (data.input && typeof data.input === 'object' ? data.input : data) as Json;
  if (typeof raw.arch !== 'string') bad(file, 'arch must be a string');
  const input: SolveInput = {
    arch: raw.arch,
    repos: repoRefs(raw.repos, 'repos', file),
    lookaside_repos: repoRefs(raw.lookaside_repos, 'lookaside_repos', file),
    packages: stringList(raw.packages, 'packages', file),
    groups: stringList(raw.groups, 'groups', file),
    options: readOptions(raw.options, file),
  };
  const conditionals = pairList(raw.conditional_packages, 'conditional_packages', file);
  if (conditionals) input.conditional_packages = conditionals;
  const langpacks = pairList(raw.langpacks, 'langpacks', file);
  if (langpacks) input.langpacks = langpacks;
  return input;
}

async function loadRepo(ref: RepoRef, lookaside: boolean, options: RepoIndexOptions): Promise<LoadedRepo> {
  // Comps parsing (on a cache miss) overlaps the index build's file reads and inflation.
  const [index, comps] = await Promise.all([loadRepoIndex(ref.path, options), loadRepoComps(ref.path, options)]);
  const repo: LoadedRepo = { id: ref.id, path: ref.path, lookaside, index };
  if (comps) repo.comps = comps;
  return repo;
}

/**
 * Loads lookaside repos first, then the main repos, the order pungi-gather fills its sack in.
 * Each repo's index comes from `options.cacheDir` when it holds one for the same repomd.xml.
 */
export async function loadRepos(input: SolveInput, options: RepoIndexOptions = {}): Promise<LoadedRepos> {
  const lookaside = await Promise.all(input.lookaside_repos.map((ref) => loadRepo(ref, true, options)));
  const main = await Promise.all(input.repos.map((ref) => loadRepo(ref, false, options)));
  const repos = [...lookaside, ...main];
  await addForeignFiles(repos, options);
  return { repos };
}

/**
 * An index keeps only the files its own repo requires; a repo owning files another repo
 * requires is indexed again with those paths too (cached under its own key).
 */
async function addForeignFiles(repos: LoadedRepo[], options: RepoIndexOptions): Promise<void> {
  const foreign = foreignRequiredPaths(repos.map((repo) => repo.index!));
  await Promise.all(
    repos.map(async (repo, i) => {
      const extraPaths = foreign[i]!;
      if (extraPaths.length > 0) repo.index = await loadRepoIndex(repo.path, { ...options, extraPaths });
    }),
  );
}

/** Reads an input file (repo paths relative to it) and loads its repositories. */
export async function loadSolveInput(file: string, options: RepoIndexOptions = {}): Promise<{ input: SolveInput; repos: LoadedRepos }> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (cause) {
    throw new InputError('BAD_SOLVE_INPUT', `cannot read ${absolute}: ${(cause as Error).message}`, { location: { file: absolute }, cause });
  }
  const input = parseSolveInput(text, absolute);
  return { input, repos: await loadRepos(input, options) };
}
