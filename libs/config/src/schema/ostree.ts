import {
  option,
  booleanValue,
  stringValue,
  listOfStrings,
  optionalString,
  oneOrList,
  reposValue,
  variantArchMapping,
  variantMapping,
  type JsonSchema,
  type OptionSchema,
} from './shapes.js';

/** Keys of one ostree (rpm-ostree compose) configuration shared by both forms. */
function ostreeTreeProperties(): Record<string, JsonSchema> {
  return {
    treefile: stringValue(),
    config_url: stringValue(),
    repo: reposValue(),
    keep_original_sources: booleanValue(),
    ostree_repo: stringValue(),
    failable: listOfStrings(),
    update_summary: booleanValue(),
    force_new_commit: booleanValue(),
    unified_core: booleanValue(),
    version: stringValue(),
    config_branch: stringValue(),
    tag_ref: booleanValue(),
    ostree_ref: stringValue(),
  };
}

function ostreeSchema(): JsonSchema {
  const current = {
    type: 'object',
    properties: { ...ostreeTreeProperties(), arches: listOfStrings(), runroot_packages: listOfStrings() },
    required: ['treefile', 'config_url', 'ostree_repo'],
    additionalProperties: false,
  };
  // The deprecated variant/arch form still takes the old repo keys; semantic checks warn about them.
  const legacy = {
    type: 'object',
    properties: {
      ...ostreeTreeProperties(),
      extra_source_repos: reposValue(),
      repo_from: reposValue(),
      source_repo_from: reposValue(),
    },
    required: ['treefile', 'config_url', 'ostree_repo'],
    additionalProperties: false,
  };
  return { anyOf: [variantMapping(oneOrList(current)), variantArchMapping(legacy, false)] };
}

function ostreeContainerSchema(): JsonSchema {
  const item = {
    type: 'object',
    properties: {
      treefile: stringValue(),
      config_url: stringValue(),
      repo: reposValue(),
      keep_original_sources: booleanValue(),
      config_branch: stringValue(),
      arches: listOfStrings(),
      failable: listOfStrings(),
      version: stringValue(),
      tag_ref: booleanValue(),
      runroot_packages: listOfStrings(),
    },
    required: ['treefile', 'config_url'],
    additionalProperties: false,
  };
  return variantMapping(oneOrList(item));
}

function ostreeInstallerItem(): JsonSchema {
  return {
    type: 'object',
    properties: {
      repo: reposValue(),
      release: optionalString(),
      failable: listOfStrings(),
      installpkgs: listOfStrings(),
      add_template: listOfStrings(),
      add_arch_template: listOfStrings(),
      add_template_var: listOfStrings(),
      add_arch_template_var: listOfStrings(),
      rootfs_size: stringValue(),
      template_repo: stringValue(),
      template_branch: stringValue(),
      extra_runroot_pkgs: listOfStrings(),
      skip_branding: booleanValue(),
    },
    additionalProperties: false,
  };
}

/** OSTree: composing ostree repos, ostree installers and ostree native containers. */
export const ostreeOptions: Record<string, OptionSchema> = {
  ostree: option(
    'rpm-ostree composes per variant regex ({regex: config or [configs]}); the variant/arch list form is deprecated.',
    ostreeSchema(),
  ),
  ostree_use_koji_plugin: option('Run rpm-ostree through the Koji plugin.', booleanValue(), false),
  ostree_installer: option('Ostree installer images per variant and arch.', variantArchMapping(ostreeInstallerItem())),
  ostree_installer_overwrite: option('Overwrite existing ostree installer output.', booleanValue(), false),
  ostree_installer_use_koji_plugin: option('Run the ostree installer lorax through the Koji plugin.', booleanValue(), false),
  ostree_container: option('Ostree native container images per variant regex.', ostreeContainerSchema()),
  ostree_container_use_koji_plugin: option(
    'Build ostree containers through the Koji plugin (newer Pungi, default false there).',
    booleanValue(),
  ),
};
