// The "deps" gather method: one depsolve of the source's inputs, as Pungi runs pungi-gather.
import type { ComposeManifestVariant, GatherReason, PkgsetPackage } from '@compose/contracts';
import { solve, type LangpackRule, type LoadedRepo, type Reason, type SolveInput } from '@compose/depsolve';
import { splitNameArch, treeArchToYumArch } from '@compose/rpm';
import type { ExpandedGroups } from './comps-files.js';
import type { VariantArchOptions } from './gather-options.js';
import { addGathered, createPkgMap, type PkgMap, type PkgType } from './pkg-map.js';
import type { SourceInputs } from './variant-inputs.js';

export interface MethodRequest {
  variant: ComposeManifestVariant;
  arch: string;
  inputs: SourceInputs;
  groups: ExpandedGroups;
  langpacks: LangpackRule[];
  prepopulate: string[];
  fulltreeExcludes: ReadonlySet<string>;
  options: VariantArchOptions;
  main: LoadedRepo[];
  lookaside: LoadedRepo[];
  /** The arch's package set by file name. */
  packages: Map<string, PkgsetPackage>;
}

export interface MethodResult {
  map: PkgMap;
  brokenDeps: Record<string, string[]>;
  solveInput: SolveInput | null;
}

/** The solve input pungi-gather would get from the kickstart Pungi writes. */
export function buildSolveInput(request: MethodRequest): SolveInput {
  const includes = new Set([...request.inputs.packages.keys(), ...request.groups.members.keys()]);
  const excludes = [...request.inputs.filters].sort().map((f) => `-${f}`);
  const o = request.options;
  return {
    // pungi-gather gets the yum arch (i386 trees solve as i686).
    arch: treeArchToYumArch(request.arch),
    repos: request.main.map((r) => ({ id: r.id, path: r.path })),
    lookaside_repos: request.lookaside.map((r) => ({ id: r.id, path: r.path })),
    packages: [...[...includes].sort(), ...excludes],
    groups: [],
    conditional_packages: request.groups.conditionals,
    langpacks: request.langpacks,
    options: {
      greedy_method: o.greedyMethod,
      fulltree: o.fulltree,
      fulltree_excludes: [...request.fulltreeExcludes].sort(),
      selfhosting: o.selfhosting,
      resolve_deps: true,
      multilib_methods: o.multilibMethods,
      multilib_blacklist: o.multilibBlacklist,
      multilib_whitelist: o.multilibWhitelist,
      prepopulate: request.prepopulate,
      exclude_source: false,
      exclude_debug: false,
    },
  };
}

/** Names the input reason of a package: the comps groups or options that listed it. */
export function describeInputOrigins(request: MethodRequest, name: string): string[] {
  const origins = [...(request.groups.members.get(name) ?? []).map((g) => `comps group ${g}`)];
  for (const [entry, from] of request.inputs.packages) {
    const split = splitNameArch(entry);
    if (entry === name || split.name === name || entry.includes('*')) origins.push(...from);
  }
  return [...new Set(origins)];
}

export function convertReasons(request: MethodRequest, name: string, reasons: readonly Reason[]): GatherReason[] {
  const result: GatherReason[] = [];
  for (const reason of reasons) {
    const converted: GatherReason = { kind: reason.kind };
    if (reason.of) converted.of = reason.of;
    if (reason.requirement) converted.requirement = reason.requirement;
    if (reason.method) converted.from = `multilib method ${reason.method}`;
    if (reason.kind === 'input') {
      const origins = describeInputOrigins(request, name);
      if (origins.length > 0) converted.from = origins.join(', ');
    }
    if (reason.kind === 'prepopulate') converted.from = 'gather_prepopulate';
    result.push(converted);
  }
  return result;
}

/** pungi-gather flags a package "fulltree-exclude" when its source package is in fulltree_excludes. */
export function isFulltreeExcluded(pkg: PkgsetPackage | undefined, excludes: ReadonlySet<string>): boolean {
  if (!pkg || !pkg.sourcerpm) return false;
  return excludes.has(pkg.sourcerpm.replace(/-[^-]+-[^-]+$/, ''));
}

export function runDepsMethod(request: MethodRequest): MethodResult {
  const input = buildSolveInput(request);
  const result = solve(input, { repos: [...request.lookaside, ...request.main] });
  const map = createPkgMap();
  const lists: [PkgType, string[]][] = [['rpm', result.rpm], ['srpm', result.srpm], ['debuginfo', result.debuginfo]];
  for (const [type, files] of lists) {
    for (const file of files) {
      const pkg = request.packages.get(file);
      addGathered(map, type, {
        file,
        reasons: convertReasons(request, pkg?.name ?? file, result.reasons[file] ?? []),
        fulltreeExclude: type !== 'srpm' && isFulltreeExcluded(pkg, request.fulltreeExcludes),
      });
    }
  }
  return { map, brokenDeps: result.brokenDeps, solveInput: input };
}
