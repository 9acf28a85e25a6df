import {
  option,
  booleanValue,
  numberValue,
  listOfStrings,
  optionalString,
  stringOrList,
  type OptionSchema,
} from './shapes.js';

/** Package set: where packages come from (Koji tags or plain repos) and how they are signed. */
export const pkgsetOptions: Record<string, OptionSchema> = {
  pkgset_source: option('Where the package set comes from.', { type: 'string', enum: ['koji', 'repos'] }),
  pkgset_repos: option(
    'Repositories per arch ({arch: [paths or URLs]}) when pkgset_source is "repos".',
    { type: 'object', patternProperties: { '.+': stringOrList() }, additionalProperties: false },
  ),
  pkgset_koji_tag: option('Koji tag(s) to take packages from.', stringOrList()),
  pkgset_koji_builds: option('Extra Koji builds (NVRs) added to the package set.', stringOrList()),
  pkgset_koji_scratch_tasks: option('Koji scratch build task IDs added to the package set.', stringOrList()),
  pkgset_koji_module_tag: option('Koji tag(s) with module builds.', stringOrList(), []),
  pkgset_koji_module_builds: option(
    'Extra module builds per variant ({variant: [N:S:V:C]}).',
    { type: 'object', patternProperties: { '^.+$': listOfStrings() }, additionalProperties: false },
  ),
  pkgset_scratch_modules: option(
    'Scratch module builds per variant ({variant: [N:S:V:C]}); needs mbs_api_url.',
    { type: 'object', patternProperties: { '^.+$': listOfStrings() }, additionalProperties: false },
  ),
  pkgset_koji_inherit: option('Follow tag inheritance when listing packages.', booleanValue(), true),
  pkgset_koji_inherit_modules: option('Follow tag inheritance when listing modules.', booleanValue(), false),
  pkgset_exclusive_arch_considers_noarch: option(
    'A noarch package with ExclusiveArch goes only to those arches.',
    booleanValue(),
    true,
  ),
  pkgset_inherit_exclusive_arch_to_noarch: option(
    'Noarch subpackages inherit ExclusiveArch of their source package (newer Pungi, default true there).',
    booleanValue(),
  ),
  pkgset_allow_reuse: option('Reuse the package set of an old compose when unchanged.', booleanValue(), true),
  sigkeys: option(
    'Signing key IDs in order of preference; None accepts unsigned packages.',
    { type: 'array', items: optionalString(), minItems: 1 },
    [null],
  ),
  signed_packages_retries: option('How many times to retry finding signed copies of packages.', numberValue(), 0),
  signed_packages_wait: option('Seconds to wait between retries for signed packages.', numberValue(), 30),
};
