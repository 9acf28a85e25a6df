import {
  option,
  booleanValue,
  numberValue,
  stringValue,
  anyObject,
  listOfStrings,
  optionalString,
  oneOrList,
  reposValue,
  variantMapping,
  type JsonSchema,
  type OptionSchema,
} from './shapes.js';

function osbsItem(): JsonSchema {
  return {
    type: 'object',
    properties: {
      url: stringValue(),
      target: stringValue(),
      scratch: booleanValue(),
      priority: numberValue(),
      repo: reposValue(),
      // Deprecated spelling appended to `repo`; semantic checks warn about it.
      repo_from: reposValue(),
      gpgkey: stringValue(),
      git_branch: stringValue(),
    },
    required: ['url', 'target', 'git_branch'],
  };
}

const stringList = { type: 'array', items: { type: 'string' } };

/** Cloud upload targets koji-osbuild understands; their required keys overlap, hence anyOf. */
function uploadOptions(): JsonSchema {
  const closed = (required: string[], properties: Record<string, JsonSchema>): JsonSchema => ({
    type: 'object',
    additionalProperties: false,
    required,
    properties,
  });
  return {
    anyOf: [
      closed(['region', 'share_with_accounts'], { region: stringValue(), snapshot_name: stringValue(), share_with_accounts: stringList }),
      closed(['region'], { region: stringValue() }),
      closed(['tenant_id', 'subscription_id', 'resource_group'], {
        tenant_id: stringValue(),
        subscription_id: stringValue(),
        resource_group: stringValue(),
        location: stringValue(),
        image_name: stringValue(),
      }),
      closed(['region'], { region: stringValue(), bucket: stringValue(), image_name: stringValue(), share_with_accounts: stringList }),
      closed([], { name: stringValue(), tag: stringValue() }),
    ],
  };
}

function osbuildItem(): JsonSchema {
  const repoEntry = {
    oneOf: [
      {
        type: 'object',
        additionalProperties: false,
        required: ['baseurl'],
        properties: { baseurl: stringValue(), package_sets: stringList },
      },
      stringValue(),
    ],
  };
  return {
    type: 'object',
    properties: {
      name: stringValue(),
      version: stringValue(),
      distro: stringValue(),
      target: stringValue(),
      image_types: { oneOf: [{ type: 'array', items: stringValue(), minItems: 1, maxItems: 1 }, stringValue()] },
      arches: listOfStrings(),
      release: stringValue(),
      repo: { type: 'array', items: repoEntry },
      failable: listOfStrings(),
      subvariant: stringValue(),
      ostree_url: stringValue(),
      ostree_ref: stringValue(),
      ostree_parent: stringValue(),
      manifest_type: stringValue(),
      customizations: anyObject(),
      upload_options: uploadOptions(),
    },
    required: ['name', 'distro', 'image_types'],
    additionalProperties: false,
  };
}

function kiwibuildItem(): JsonSchema {
  return {
    type: 'object',
    properties: {
      target: stringValue(),
      description_scm: stringValue(),
      description_path: stringValue(),
      kiwi_profile: stringValue(),
      release: stringValue(),
      arches: listOfStrings(),
      repos: listOfStrings(),
      failable: listOfStrings(),
      subvariant: stringValue(),
    },
    required: ['kiwi_profile'],
    additionalProperties: false,
  };
}

function imageContainerItem(): JsonSchema {
  return {
    type: 'object',
    properties: {
      url: stringValue(),
      target: stringValue(),
      priority: numberValue(),
      failable: booleanValue(),
      git_branch: stringValue(),
      image_spec: anyObject(),
    },
    required: ['url', 'target', 'git_branch', 'image_spec'],
  };
}

/** Container and cloud image builds: OSBS, osbuild, kiwi and image containers. */
export const containerOptions: Record<string, OptionSchema> = {
  osbs: option('OSBS container builds per variant regex.', variantMapping(oneOrList(osbsItem()))),
  osbs_registries: option('Registries to push OSBS images to, per image NVR pattern.', variantMapping({})),
  osbs_allow_reuse: option('Reuse OSBS results of an old compose when unchanged.', booleanValue(), false),
  osbuild: option('Koji osbuild image builds per variant regex.', {
    type: 'object',
    patternProperties: { '.+': { type: 'array', items: osbuildItem() } },
  }),
  osbuild_target: option('Default Koji target for osbuild.', stringValue()),
  osbuild_release: option('Default release for osbuild.', optionalString()),
  osbuild_version: option('Default version for osbuild.', stringValue()),
  kiwibuild: option('Koji kiwi image builds per variant regex.', variantMapping({ type: 'array', items: kiwibuildItem() })),
  kiwibuild_description_scm: option('Default kiwi description repository for kiwibuild.', stringValue()),
  kiwibuild_description_path: option('Default kiwi description path for kiwibuild.', stringValue()),
  kiwibuild_target: option('Default Koji target for kiwibuild.', stringValue()),
  kiwibuild_release: option('Default release for kiwibuild.', optionalString()),
  image_container: option('Container images wrapping compose images, per variant regex.', variantMapping(oneOrList(imageContainerItem()))),
};
