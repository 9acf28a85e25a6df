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
  for (const id of initial.binary) ctx.add(id, { kind: 'input' });
  for (const id of initial.debug) ctx.add(id, { kind: 'input' }, ctx.debug);
  for (const id of findPrepopulatePackages(ctx, opts.prepopulate)) ctx.add(id, { kind: 'prepopulate' });

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
 */
function reportResult(ctx: GatherContext): SolveResult {
  const flaggedFiles = new Set<string>();
  for (const id of ctx.lookasideFlag) flaggedFiles.add(fileUrl(ctx, id));
  const reasons: Record<string, Reason[]> = {};
  const listOf = (set: Set<number>): string[] => {
    const names = new Set<string>();
    const anyFlagged = flaggedFiles.size > 0;
    for (const id of set) {
      // Building every package's URL only to miss an empty set costs a string per package.
      if (anyFlagged && flaggedFiles.has(fileUrl(ctx, id))) continue;
      const fileName = ctx.pkg(id).fileName;
      names.add(fileName);
      const list = (reasons[fileName] ??= []);
      for (const reason of ctx.reasons.get(id) ?? []) list.push(reason);
    }
    return [...names].sort();
  };
  const brokenDeps: Record<string, string[]> = {};
  for (const [id, requirements] of ctx.broken) {
    const key = nameArch(ctx.pkg(id));
    brokenDeps[key] = [...new Set([...(brokenDeps[key] ?? []), ...requirements])];
  }
  return { rpm: listOf(ctx.binary), srpm: listOf(ctx.source), debuginfo: listOf(ctx.debug), brokenDeps, reasons };
}

function fileUrl(ctx: GatherContext, id: number): string {
  const pkg = ctx.pkg(id);
  return `${pkg.locationBase ?? pkg.repoPath}/${pkg.location}`;
}
