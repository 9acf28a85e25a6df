import type { OptionSchema } from './shapes.js';

/**
 * Options Pungi removed but still recognises, with what to do instead. Setting one is a
 * warning, not an error, so old configs keep loading.
 */
export const REMOVED_OPTIONS: Readonly<Record<string, string>> = {
  release_is_layered: "remove it; the product is layered when base_product_* options are set",
  runroot: "remove it; set 'runroot_method' to use runroot, otherwise things run locally",
  bootable: "remove it; set 'buildinstall_method' to get bootable installer media",
  gather_source: 'remove it',
  old_composes_per_release_type: 'remove it; it is the default behaviour now',
  pdc_url: 'Koji is queried instead',
  pdc_develop: 'Koji is queried instead',
  pdc_insecure: 'Koji is queried instead',
  keep_original_comps: 'remove the <groups> tag from the respective variant in the variants XML',
  productimg: 'remove it; the productimg phase has been removed',
};

/** Schema entries for removed options: any value passes, `deprecated` marks them. */
export const removedOptions: Record<string, OptionSchema> = Object.fromEntries(
  Object.entries(REMOVED_OPTIONS).map(([name, advice]) => [
    name,
    { deprecated: true, description: `Removed, has no effect: ${advice}.` },
  ]),
);
