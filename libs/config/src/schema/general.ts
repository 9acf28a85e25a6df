import {
  option,
  stringValue,
  booleanValue,
  numberValue,
  anyObject,
  listOfStrings,
  stringOrScmDict,
  stringPairs,
  variantArchMapping,
  type OptionSchema,
} from './shapes.js';

/** Phase names `skip_phases` accepts ("productimg" is a removed phase still tolerated there). */
export const PHASE_NAMES = [
  'init',
  'pkgset',
  'gather',
  'createrepo',
  'buildinstall',
  'extra_files',
  'createiso',
  'extra_isos',
  'live_images',
  'image_build',
  'image_container',
  'kiwibuild',
  'osbuild',
  'osbs',
  'ostree',
  'ostree_installer',
  'ostree_container',
  'live_media',
  'image_checksum',
  'repoclosure',
  'test',
  'productimg',
];

/** Input files, output layout and compose-wide behaviour. */
export const generalOptions: Record<string, OptionSchema> = {
  variants_file: option('Variants XML describing the variants, their arches and content.', stringOrScmDict()),
  comps_file: option('Comps XML with package groups and environments.', stringOrScmDict()),
  comps_filter_environments: option(
    'Filter environments in comps by the variants that use them.',
    booleanValue(),
    true,
  ),
  module_defaults_dir: option('Directory with modulemd-defaults documents.', stringOrScmDict()),
  module_defaults_override_dir: option(
    'Subdirectory of module_defaults_dir with overrides.',
    stringValue(),
  ),
  module_obsoletes_dir: option('Directory with modulemd-obsoletes documents.', stringOrScmDict()),
  tree_arches: option('Only compose these arches (empty: all arches of the variants).', listOfStrings(), []),
  tree_variants: option('Only compose these variants (empty: all variants).', listOfStrings(), []),
  skip_phases: option(
    'Phases not to run.',
    { type: 'array', items: { type: 'string', enum: PHASE_NAMES } },
    [],
  ),
  failable_deliverables: option(
    'Deliverables (e.g. "iso", "live", "ostree") whose failure does not abort the compose, per variant and arch.',
    variantArchMapping(listOfStrings()),
  ),
  link_type: option(
    'How packages are placed into the compose.',
    { type: 'string', enum: ['hardlink', 'copy', 'hardlink-or-copy', 'symlink', 'abspath-symlink'] },
    'hardlink-or-copy',
  ),
  hashed_directories: option(
    'Put packages into subdirectories named after the first letter of the package name.',
    booleanValue(),
    false,
  ),
  paths_module: option('Python module overriding the compose directory layout.', stringValue()),
  translate_paths: option(
    'Pairs (local prefix, URL prefix) used to turn local paths into URLs for remote builders.',
    stringPairs(),
    [],
  ),
  dogpile_cache_backend: option('Cache backend for Koji queries (dogpile.cache name).', stringValue()),
  dogpile_cache_expiration_time: option('Expiration time in seconds for cached Koji queries.', numberValue()),
  dogpile_cache_arguments: option('Arguments for the dogpile.cache backend.', anyObject(), {}),
  disc_types: option('Overrides for disc type names used in image file names.', anyObject(), {}),
};
