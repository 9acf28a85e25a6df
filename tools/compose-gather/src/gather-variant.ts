// Pungi's gather_packages for one variant.arch: every gather source through its method.
import type { ComposeManifest, ComposeManifestVariant, GatherInputs } from '@compose/contracts';
import { getVariantArchValue } from '@compose/config';
import type { LoadedRepo } from '@compose/depsolve';
import { FailedError, InputError } from '@compose/errors';
import type { Logger } from '@compose/log';
import { splitNameArch } from '@compose/rpm';
import { expandGroups, mergeComps, type CompsFiles } from './comps-files.js';
import { readVariantArchOptions, type GatherSourceName } from './gather-options.js';
import { listPrepopulate, type Prepopulate, type SourceMapping } from './input-files.js';
import { runDepsMethod, type MethodRequest } from './method-deps.js';
import { runNodepsMethod } from './method-nodeps.js';
import { writeVariantLookaside, type PackageSet } from './package-set.js';
import { addGathered, createPkgMap, listFiles, nameOf, type PkgMap } from './pkg-map.js';
import { collectSourceInputs, listCompsVariants } from './variant-inputs.js';
import { findVariant } from './variant-order.js';

export interface GatherContext {
  compose: ComposeManifest;
  composeDir: string;
  pkgset: PackageSet;
  comps: CompsFiles;
  mapping: SourceMapping | null;
  prepopulate: Prepopulate | null;
  log: Logger;
  /** arch -> variant uid -> what gather found so far (parents are done before children). */
  results: Map<string, Map<string, PkgMap>>;
}

export interface VariantArchResult {
  map: PkgMap;
  brokenDeps: Record<string, string[]>;
  missing: string[];
  inputs: GatherInputs;
}

const SOURCES: GatherSourceName[] = ['comps', 'json'];

async function loadLookasides(ctx: GatherContext, variant: ComposeManifestVariant, arch: string): Promise<{ repos: LoadedRepo[]; names: string[] }> {
  const repos: LoadedRepo[] = [];
  const names: string[] = [];
  for (const location of getVariantArchValue(ctx.compose.config, 'gather_lookaside_repos', variant.uid, arch)) {
    if (typeof location !== 'string') continue;
    // dnf expands $basearch in repo URLs; tree arches are base arches.
    repos.push(await ctx.pkgset.loadLookaside(location.replaceAll('$basearch', arch), ctx.compose.config_dir));
    names.push(location);
  }
  const pairs = (ctx.compose.config['variant_as_lookaside'] ?? []) as [string, string][];
  for (const [dest, source] of pairs) {
    if (dest !== variant.uid) continue;
    const other = ctx.compose.variants.find((v) => v.uid === source);
    if (!other) throw new InputError('BAD_VARIANT_AS_LOOKASIDE', `variant_as_lookaside: variant '${source}' doesn't exist but is required by '${dest}'`);
    const theirs = ctx.results.get(arch)?.get(source);
    if (!other.arches.includes(arch) || !theirs) {
      ctx.log.warn(`[SKIP] Skipping lookaside from ${source} for ${dest}.${arch} due to arch mismatch`);
      continue;
    }
    for (const dir of await writeVariantLookaside(ctx.pkgset, ctx.composeDir, arch, source, listFiles(theirs))) {
      repos.push(await ctx.pkgset.loadLookaside(dir, ctx.composeDir));
    }
    names.push(`variant ${source}`);
  }
  return { repos, names };
}

/** Addons and layered products leave out of fulltree what their parent already ships as source. */
function parentSourceNames(ctx: GatherContext, variant: ComposeManifestVariant, arch: string): Set<string> {
  const names = new Set<string>();
  if (!variant.parent || (variant.type !== 'addon' && variant.type !== 'layered-product')) return names;
  const parent = ctx.results.get(arch)?.get(variant.parent);
  for (const file of parent?.srpm.keys() ?? []) names.add(nameOf(file));
  return names;
}

export async function gatherVariantArch(ctx: GatherContext, variant: ComposeManifestVariant, arch: string): Promise<VariantArchResult> {
  const config = ctx.compose.config;
  const options = readVariantArchOptions(config, variant, arch);
  const main = await ctx.pkgset.loadMain(arch);
  const lookaside = await loadLookasides(ctx, variant, arch);
  const fulltreeExcludes = parentSourceNames(ctx, variant, arch);
  const compsFiles = [];
  for (const v of listCompsVariants(ctx.compose, variant, arch)) {
    const comps = await ctx.comps.read(findVariant(ctx.compose.variants, v.uid), arch);
    if (comps) compsFiles.push(comps);
  }
  const merged = mergeComps(compsFiles);
  const packages = ctx.pkgset.packagesOf(arch);
  const names = new Set([...packages.values()].map((p) => p.name));

  const map = createPkgMap();
  const brokenDeps: Record<string, string[]> = {};
  const missing = new Set<string>();
  const inputs: GatherInputs = {
    methods: {}, groups: [], packages: [], filter_packages: [], prepopulate: [], conditional_packages: [], langpacks: merged.langpacks.length,
    multilib_methods: options.multilibMethods, multilib_blacklist: options.multilibBlacklist, multilib_whitelist: options.multilibWhitelist,
    greedy_method: options.greedyMethod, fulltree: options.fulltree, fulltree_excludes: [...fulltreeExcludes].sort(), selfhosting: options.selfhosting,
    repos: ctx.pkgset.manifest.arch_repos[arch] ?? [], lookaside_repos: lookaside.names,
  };
  for (const source of SOURCES) {
    const sourceInputs = await collectSourceInputs(ctx, source, variant, arch);
    if (sourceInputs.packages.size === 0 && sourceInputs.groups.size === 0) continue;
    const method = options.methods[source];
    if (!method) throw new InputError('NO_GATHER_METHOD', `variant ${variant.uid} has no configured gather_method for source ${source}`, { hint: `add "${source}": "deps" to its gather_method` });
    const groups = expandGroups([...sourceInputs.groups].sort(), merged.groups);
    for (const id of groups.unknownGroups) ctx.log.warn(`${variant.uid}.${arch}: comps group '${id}' is not in the variant's comps`);
    const prepopulate = source === 'comps' ? listPrepopulate(ctx.prepopulate, variant.uid, arch) : [];
    const request: MethodRequest = { variant, arch, inputs: sourceInputs, groups, langpacks: merged.langpacks, prepopulate, fulltreeExcludes, options, main, lookaside: lookaside.repos, packages };
    const result = method === 'deps' ? runDepsMethod(request) : runNodepsMethod(request);
    for (const type of ['rpm', 'srpm', 'debuginfo'] as const) for (const item of result.map[type].values()) addGathered(map, type, item);
    for (const [pkg, reqs] of Object.entries(result.brokenDeps)) brokenDeps[pkg] = [...new Set([...(brokenDeps[pkg] ?? []), ...reqs])];

    inputs.methods[source] = method;
    inputs.groups.push(...[...sourceInputs.groups].sort());
    inputs.packages.push(...[...sourceInputs.packages.keys()].sort());
    inputs.filter_packages.push(...[...sourceInputs.filters].sort());
    inputs.prepopulate.push(...prepopulate);
    inputs.conditional_packages.push(...groups.conditionals);
    const missingComps = [...groups.members.keys()].filter((name) => !names.has(name)).sort();
    if (missingComps.length > 0) {
      const message = `Packages mentioned in comps do not exist for ${variant.uid}.${arch}: ${missingComps.join(', ')}`;
      if (options.requireAllCompsPackages) throw new FailedError('MISSING_COMPS_PACKAGES', message, { hint: 'require_all_comps_packages is set' });
      ctx.log.warn(message);
    }
    const missingOthers = [...sourceInputs.packages.keys()].filter((e) => !e.includes('*') && !names.has(splitNameArch(e).name)).sort();
    for (const entry of missingOthers) ctx.log.warn(`${variant.uid}.${arch}: input package '${entry}' (${sourceInputs.packages.get(entry)?.join(', ')}) is not in the package set`);
    for (const name of [...missingComps, ...missingOthers]) missing.add(name);
  }
  checkDeps(ctx.log, variant, arch, brokenDeps, options.checkDeps);
  return { map, brokenDeps, missing: [...missing].sort(), inputs };
}

/** check_deps: unresolved dependencies are logged always and fatal only when the option is on. */
function checkDeps(log: Logger, variant: ComposeManifestVariant, arch: string, brokenDeps: Record<string, string[]>, fatal: boolean): void {
  const names = Object.keys(brokenDeps).sort();
  if (names.length === 0) return;
  for (const pkg of names) {
    const line = `Unresolved dependencies in package ${pkg} (${variant.uid}.${arch}): ${[...(brokenDeps[pkg] ?? [])].sort().join(', ')}`;
    if (fatal) log.error(line);
    else log.warn(line);
  }
  if (fatal) throw new FailedError('UNRESOLVED_DEPS', `Unresolved dependencies detected in ${variant.uid}.${arch}`, { hint: 'fix the package set, or set check_deps = False to accept them' });
}
