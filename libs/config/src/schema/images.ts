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
  stringOrList,
  stringPairs,
  variantArchMapping,
  variantMapping,
  type JsonSchema,
  type OptionSchema,
} from './shapes.js';

function imageBuildItem(): JsonSchema {
  const imageBuild = {
    type: 'object',
    properties: {
      failable: listOfStrings(),
      disc_size: numberValue(),
      distro: stringValue(),
      name: stringValue(),
      kickstart: stringValue(),
      ksurl: stringValue(),
      arches: listOfStrings(),
      repo: reposValue(),
      // Deprecated spelling appended to `repo`; semantic checks warn about it.
      repo_from: reposValue(),
      install_tree_from: stringValue(),
      subvariant: stringValue(),
      // A list of (format, extension) pairs is the deprecated form.
      format: { anyOf: [stringPairs(), stringOrList()] },
    },
  };
  return {
    type: 'object',
    properties: { 'image-build': imageBuild, 'factory-parameters': anyObject() },
    required: ['image-build'],
    additionalProperties: false,
  };
}

function liveMediaItem(): JsonSchema {
  return {
    type: 'object',
    properties: {
      install_tree_from: stringValue(),
      kickstart: stringValue(),
      ksversion: stringValue(),
      ksurl: stringValue(),
      version: stringValue(),
      scratch: booleanValue(),
      skip_tag: booleanValue(),
      name: stringValue(),
      subvariant: stringValue(),
      title: stringValue(),
      repo: reposValue(),
      target: stringValue(),
      arches: listOfStrings(),
      failable: listOfStrings(),
      release: optionalString(),
      nomacboot: booleanValue(),
    },
    required: ['name', 'kickstart'],
    additionalProperties: false,
  };
}

function liveImageItem(): JsonSchema {
  return {
    type: 'object',
    properties: {
      kickstart: stringValue(),
      ksurl: stringValue(),
      name: stringValue(),
      subvariant: stringValue(),
      target: stringValue(),
      version: stringValue(),
      repo: reposValue(),
      specfile: stringValue(),
      scratch: booleanValue(),
      type: stringValue(),
      sign: booleanValue(),
      failable: booleanValue(),
      release: optionalString(),
    },
    required: ['kickstart'],
    additionalProperties: false,
  };
}

/** Koji image-build, live media (livemedia-creator) and live images (livecd-creator). */
export const imageOptions: Record<string, OptionSchema> = {
  image_build: option('Koji image-build tasks per variant regex.', variantMapping({ type: 'array', items: imageBuildItem() })),
  image_build_ksurl: option('Default kickstart URL for image_build.', stringValue()),
  image_build_target: option('Default Koji target for image_build.', stringValue()),
  image_build_release: option('Default release for image_build.', optionalString()),
  image_build_version: option('Default version for image_build.', stringValue()),
  image_build_allow_reuse: option('Reuse image_build results of an old compose when unchanged.', booleanValue(), false),
  live_media: option('Koji spin-livemedia tasks per variant regex.', variantMapping({ type: 'array', items: liveMediaItem() })),
  live_media_ksurl: option('Default kickstart URL for live_media.', stringValue()),
  live_media_target: option('Default Koji target for live_media.', stringValue()),
  live_media_release: option('Default release for live_media.', optionalString()),
  live_media_version: option('Default version for live_media.', stringValue()),
  live_images: option('Live images (Koji spin-livecd/appliance) per variant and arch.', variantArchMapping(oneOrList(liveImageItem()))),
  live_images_no_rename: option('Keep the file names Koji gives live images.', booleanValue(), false),
  live_images_ksurl: option('Default kickstart URL for live_images.', stringValue()),
  live_images_target: option('Default Koji target for live_images.', stringValue()),
  live_images_release: option('Default release for live_images.', optionalString()),
  live_images_version: option('Default version for live_images.', stringValue()),
  live_target: option('Koji target for live images (deprecated in favour of live_images_target).', stringValue()),
};
