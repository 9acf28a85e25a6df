import {
  option,
  booleanValue,
  stringValue,
  listOfStrings,
  stringOrList,
  stringOrScmDict,
  variantArchMapping,
  archStringLists,
  type JsonSchema,
  type OptionSchema,
} from './shapes.js';

const depsMethod = { type: 'string', enum: ['deps', 'nodeps'] };

/** `gather_method`: one method, or per variant regex either "hybrid" or a method per source. */
function gatherMethodSchema(): JsonSchema {
  const perSource = { type: 'object', patternProperties: { '^module|comps|json$': depsMethod } };
  return {
    oneOf: [
      {
        type: 'object',
        patternProperties: { '.+': { oneOf: [{ type: 'string', enum: ['hybrid'] }, perSource] } },
        additionalProperties: false,
      },
      { type: 'string', enum: ['deps', 'nodeps', 'hybrid'] },
    ],
  };
}

function packageMapping(): JsonSchema {
  return variantArchMapping(listOfStrings());
}

/** Gather: choosing packages for each variant and arch, multilib and filtering. */
export const gatherOptions: Record<string, OptionSchema> = {
  gather_method: option(
    'How packages are gathered: "deps" (with dependencies), "nodeps" or "hybrid", globally or per variant and source.',
    gatherMethodSchema(),
  ),
  gather_backend: option('Depsolving backend.', { type: 'string', enum: ['dnf'] }, 'dnf'),
  gather_fulltree: option('Pull in all subpackages of every source package gathered.', booleanValue(), false),
  gather_selfhosting: option('Also gather build dependencies so the tree can rebuild itself.', booleanValue(), false),
  gather_prepopulate: option('JSON file listing packages to add before depsolving.', stringOrScmDict()),
  gather_source_mapping: option('JSON file mapping variants and arches to packages (source "json").', stringValue()),
  gather_profiler: option('Profile the depsolver.', booleanValue(), false),
  gather_allow_reuse: option('Reuse gather results of an old compose when unchanged.', booleanValue(), false),
  gather_lookaside_repos: option(
    'Repositories whose packages satisfy dependencies but are not included, per variant and arch.',
    variantArchMapping(stringOrList()),
  ),
  greedy_method: option(
    'Which providers of a dependency to take: "none" (best one), "all", or "build" (all from the same build).',
    { type: 'string', enum: ['none', 'all', 'build'] },
    'none',
  ),
  check_deps: option('Fail the compose when dependencies are unresolved.', booleanValue(), true),
  require_all_comps_packages: option('Fail when a package listed in comps is missing.', booleanValue(), false),
  multilib: option(
    'Multilib methods (e.g. "devel", "runtime", "all") per variant and arch.',
    variantArchMapping(listOfStrings()),
  ),
  multilib_whitelist: option('Packages always considered multilib, per arch.', archStringLists(), {}),
  multilib_blacklist: option('Packages never considered multilib, per arch.', archStringLists(), {}),
  additional_packages: option('Packages added to variants, per variant and arch.', packageMapping(), []),
  filter_packages: option('Packages removed from variants, per variant and arch.', packageMapping(), []),
  filter_modules: option('Modules removed from variants, per variant and arch.', packageMapping(), []),
  filter_system_release_packages: option(
    'Keep only the best system-release package per variant.',
    booleanValue(),
    true,
  ),
  variant_as_lookaside: option(
    'Pairs (variant, lookaside variant): the second variant serves as lookaside for the first.',
    {
      type: 'array',
      items: { type: 'array', items: [stringValue(), stringValue()], minItems: 2, maxItems: 2 },
    },
  ),
};
