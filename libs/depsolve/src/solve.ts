// solve(): Pungi's Gather.gather() pass loop over loaded repos, and the result it reports.
import { buildArchSets } from './arch-sets.js';
import { ConditionalStep, BinaryDepsStep, SourceDepsStep, DebugDepsStep } from './dependency-steps.js';
import { DebugPackagesStep, SourcePackagesStep } from './companion-steps.js';
import { buildCaches, GatherContext } from './gather-context.js';
import { collectExcluded, findInitialPackages, findPrepopulatePackages } from './initial-packages.js';
import { checkMultilibMethods } from './multilib.js';
import { nameArch, PackageIndex } from './package-index.js';
import { Queues } from './queues.js';
import { FulltreeStep, LangpackStep, MultilibStep } from './tree-steps.js';
import { conditionalsFromComps, groupPackages, langpacksFromComps } from './comps-input.js';
import type { LoadedRepos, Reason, SolveInput, SolveResult } from './types.js';

/** A pass step: returns whether it added anything, which restarts the loop from the top. */
interface Step {
  run(): boolean;
}

export function solve(input: SolveInput, repos: LoadedRepos, index = new PackageIndex(repos)): SolveResult {
  const opts = input.options;
  checkMultilibMethods(opts.multilib_methods);
  const arches = buildArchSets(input.arch);
  const queues = new Queues(index, arches);
  const patterns = [...input.packages, ...groupPackages(repos, input.groups)];
  const excludes = patterns.filter((p) => p.startsWith('-')).map((p) => p.slice(1));
  const includes = patterns.filter((p) => !p.startsWith('-'));
  queues.applyExcludes(collectExcluded(index, queues, excludes, opts.multilib_blacklist));
  const ctx = new GatherContext(index, arches, queues, buildCaches(index, queues), opts);

  const initial = findInitialPackages(ctx, includes);
  for (const id of initial.binary) ctx.add(id, 'input');
  for (const id of initial.debug) ctx.addDebug(id, 'input');
  for (const id of findPrepopulatePackages(ctx, opts.prepopulate)) ctx.add(id, 'prepopulate');

  const conditionals = input.conditional_packages ?? conditionalsFromComps(repos, input.groups);
  const langpacks = input.langpacks ?? langpacksFromComps(repos);
  const steps: Step[] = [
    new ConditionalStep(ctx, conditionals),
    new BinaryDepsStep(ctx),
    new SourceDepsStep(ctx),
    new SourcePackagesStep(ctx),
    new DebugPackagesStep(ctx),
    new DebugDepsStep(ctx),
    new FulltreeStep(ctx),
    new LangpackStep(ctx, langpacks),
    new MultilibStep(ctx, { methods: opts.multilib_methods, blacklist: opts.multilib_blacklist, whitelist: opts.multilib_whitelist }),
  ];
  while (steps.some((step) => step.run()));
  return reportResult(ctx);
}

/**
 * Lookaside packages are left out. Two records of one file (the same repo given twice)
 * count as one package, so a lookaside flag on either drops both, as pungi-gather dedups by URL.
 * `reasons` is built on first read: at distribution scale it is ~100k keys few callers need.
 */
function reportResult(ctx: GatherContext): SolveResult {
  const flaggedFiles = new Set<string>();
  for (const id of ctx.lookasideFlag) flaggedFiles.add(fileUrl(ctx, id));
  const listed: number[] = [];
  const listOf = (set: Set<number>): string[] => {
    const names = new Set<string>();
    const anyFlagged = flaggedFiles.size > 0;
    for (const id of set) {
      // Building every package's URL only to miss an empty set costs a string per package.
      if (anyFlagged && flaggedFiles.has(fileUrl(ctx, id))) continue;
      names.add(ctx.index.fileNameOf(id));
      listed.push(id);
    }
    // An explicit comparator: the default one converts both sides with ToString per compare.
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  };
  const brokenDeps: Record<string, string[]> = {};
  for (const [id, requirements] of ctx.broken) {
    const key = nameArch(ctx.pkg(id));
    brokenDeps[key] = [...new Set([...(brokenDeps[key] ?? []), ...requirements])];
  }
  const result = { rpm: listOf(ctx.binary), srpm: listOf(ctx.source), debuginfo: listOf(ctx.debug), brokenDeps } as SolveResult;
  let reasons: Record<string, Reason[]> | undefined;
  Object.defineProperty(result, 'reasons', {
    enumerable: true,
    get: () => (reasons ??= collectReasons(ctx, listed)),
    set: (value: Record<string, Reason[]>) => {
      reasons = value;
    },
  });
  return result;
}

/** File name -> reasons of the listed packages, in listing order (a file's copies share one list). */
function collectReasons(ctx: GatherContext, listed: readonly number[]): Record<string, Reason[]> {
  const byId = ctx.reasons.materialize((id) => ctx.describe(id));
  const byFile = new Map<string, Reason[]>();
  for (const id of listed) {
    const fileName = ctx.index.fileNameOf(id);
    let list = byFile.get(fileName);
    if (!list) byFile.set(fileName, (list = []));
    for (const reason of byId.get(id) ?? []) list.push(reason);
  }
  return Object.fromEntries(byFile);
}

function fileUrl(ctx: GatherContext, id: number): string {
  const pkg = ctx.pkg(id);
  return `${pkg.locationBase ?? pkg.repoPath}/${pkg.location}`;
}
