import {
  option,
  booleanValue,
  stringValue,
  listOfStrings,
  stringOrList,
  stringOrScmDict,
  variantArchMapping,
  type JsonSchema,
  type OptionSchema,
} from './shapes.js';

function loraxOptionsSchema(): JsonSchema {
  return {
    type: 'object',
    properties: {
      bugurl: stringValue(),
      nomacboot: booleanValue(),
      noupgrade: booleanValue(),
      add_template: listOfStrings(),
      add_arch_template: listOfStrings(),
      add_template_var: listOfStrings(),
      add_arch_template_var: listOfStrings(),
      rootfs_size: { type: 'integer' },
      version: stringValue(),
      dracut_args: listOfStrings(),
      skip_branding: booleanValue(),
      squashfs_only: booleanValue(),
      configuration_file: stringOrScmDict(),
    },
    additionalProperties: false,
  };
}

/** Buildinstall: running lorax to make the installer (boot.iso, images/). */
export const buildinstallOptions: Record<string, OptionSchema> = {
  buildinstall_method: option(
    'Tool making the installer; unset means no bootable media.',
    { type: 'string', enum: ['lorax'] },
  ),
  buildinstall_topdir: option('Shared directory where runroot lorax writes its output.', stringValue()),
  buildinstall_kickstart: option('Kickstart file for the installer.', stringOrScmDict()),
  buildinstall_use_guestmount: option('Use guestmount to modify installer images.', booleanValue(), true),
  buildinstall_skip: option('Do not run buildinstall for these variants and arches.', variantArchMapping(booleanValue())),
  buildinstall_allow_reuse: option('Reuse buildinstall results of an old compose when unchanged.', booleanValue(), false),
  buildinstall_packages: option(
    'Packages the installer needs in the runroot, per variant and arch (newer Pungi, default [] there).',
    variantArchMapping(listOfStrings(), false),
  ),
  lorax_options: option('Extra lorax options per variant and arch.', variantArchMapping(loraxOptionsSchema())),
  lorax_extra_sources: option('Extra repositories for lorax, per variant and arch.', variantArchMapping(stringOrList())),
  lorax_use_koji_plugin: option('Run lorax through the Koji plugin instead of runroot.', booleanValue(), false),
};
