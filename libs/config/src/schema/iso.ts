import {
  option,
  booleanValue,
  numberValue,
  stringValue,
  anyObject,
  listOfStrings,
  optionalString,
  oneOrList,
  stringOrList,
  variantArchMapping,
  variantMapping,
  type JsonSchema,
  type OptionSchema,
} from './shapes.js';

/** One file taken from version control and put into a tree or an ISO. */
function extraFile(dirSchema: JsonSchema): JsonSchema {
  return {
    type: 'object',
    properties: {
      scm: stringValue(),
      repo: stringValue(),
      branch: optionalString(),
      file: stringOrList(),
      dir: dirSchema,
      target: stringValue(),
    },
    additionalProperties: false,
  };
}

function extraIsoSchema(): JsonSchema {
  return {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        include_variants: stringOrList(),
        extra_files: oneOrList(extraFile(stringOrList())),
        filename: stringValue(),
        volid: stringOrList(),
        arches: listOfStrings(),
        failable_arches: listOfStrings(),
        skip_src: { type: 'boolean', default: false },
        inherit_extra_files: { type: 'boolean', default: false },
        max_size: numberValue(),
      },
      required: ['include_variants'],
      additionalProperties: false,
    },
  };
}

const sizeValue = { anyOf: [{ type: 'string' }, { type: 'number' }] };
const isoLevel = { type: 'number', enum: [1, 2, 3, 4] };

/** ISO images: createiso, extra ISOs, volume IDs, naming and checksums. */
export const isoOptions: Record<string, OptionSchema> = {
  createiso_skip: option('Do not create ISOs for these variants and arches.', variantArchMapping(booleanValue())),
  createiso_max_size: option('Warn when an ISO is bigger than this, per variant and arch.', variantArchMapping(numberValue())),
  createiso_max_size_is_strict: option(
    'Fail instead of warning when createiso_max_size is exceeded, per variant and arch.',
    variantArchMapping(booleanValue()),
  ),
  createiso_break_hardlinks: option('Copy files before putting them on ISOs.', booleanValue(), false),
  createiso_use_xorrisofs: option('Use xorrisofs instead of genisoimage.', booleanValue(), false),
  createiso_allow_reuse: option('Reuse ISOs of an old compose when unchanged.', booleanValue(), true),
  create_optional_isos: option('Also create ISOs for optional variants.', booleanValue(), false),
  create_jigdo: option('Create jigdo files for ISOs.', booleanValue(), false),
  iso_size: option('Maximum ISO size (number or string with unit).', sizeValue, 4700000000),
  split_iso_reserve: option('Space reserved on the first disc of split ISOs.', sizeValue, 10 * 1024 * 1024),
  iso_level: option('ISO 9660 level: one number, or per variant and arch.', {
    anyOf: [isoLevel, variantArchMapping(isoLevel, false)],
  }),
  iso_hfs_ppc64le_compatible: option('Make ppc64le ISOs compatible with HFS.', booleanValue(), true),
  symlink_isos_to: option('Put ISOs into this directory and symlink them from the compose.', stringValue()),
  extra_isos: option(
    'Extra ISOs combining several variants ({variant_regex: [{include_variants, ...}]}).',
    { type: 'object', patternProperties: { '.+': extraIsoSchema() } },
  ),
  extraiso_allow_reuse: option('Reuse extra ISOs of an old compose when unchanged.', booleanValue(), true),
  extra_files: option(
    'Files from version control added to the trees, per variant and arch.',
    variantArchMapping({ type: 'array', items: extraFile(stringValue()) }),
  ),
  image_name_format: option('Format of image file names, globally or per variant regex.', {
    oneOf: [stringValue(), variantMapping(stringOrList())],
  }),
  image_volid_formats: option(
    'Volume ID formats tried in order until one fits 32 characters.',
    listOfStrings(),
    ['{release_short}-{version} {variant}.{arch}', '{release_short}-{version} {arch}'],
  ),
  image_volid_layered_product_formats: option(
    'Volume ID formats for layered products.',
    listOfStrings(),
    [
      '{release_short}-{version} {base_product_short}-{base_product_version} {variant}.{arch}',
      '{release_short}-{version} {base_product_short}-{base_product_version} {arch}',
    ],
  ),
  restricted_volid: option('Replace characters not allowed in volume IDs.', booleanValue(), false),
  volume_id_substitutions: option('Substrings replaced in volume IDs ({from: to}).', anyObject(), {}),
  media_checksums: option('Checksum types computed for images.', listOfStrings(), ['md5', 'sha1', 'sha256']),
  media_checksum_one_file: option('Write all checksums into one CHECKSUM file.', booleanValue(), false),
  media_checksum_base_filename: option('Prefix of checksum file names (format string).', stringValue(), ''),
};
