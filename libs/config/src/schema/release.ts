import { option, stringValue, booleanValue, type OptionSchema } from './shapes.js';

/** productmd's release types; Pungi rejects anything else. */
export const RELEASE_TYPES = ['fast', 'ga', 'updates', 'updates-testing', 'eus', 'aus', 'els', 'tus', 'e4s'];

/** productmd's compose types. */
export const COMPOSE_TYPES = ['test', 'ci', 'nightly', 'production'];

/** Release identity and the layered-product ("base product") identity. */
export const releaseOptions: Record<string, OptionSchema> = {
  release_name: option('Name of the product, e.g. "Fedora".', stringValue()),
  release_short: option('Short name of the product, used in paths and compose IDs, e.g. "Fedora".', stringValue()),
  release_version: option('Version of the product, e.g. "30" or "Rawhide".', stringValue()),
  release_type: option(
    'Release type recorded in the compose metadata and compose ID.',
    { type: 'string', enum: RELEASE_TYPES },
    'ga',
  ),
  release_internal: option('Whether the compose is internal-only; recorded in the metadata.', booleanValue(), false),
  release_discinfo_description: option(
    'Overrides the description written to .discinfo files.',
    stringValue(),
  ),
  treeinfo_version: option('Version written to .treeinfo files instead of release_version.', stringValue()),
  compose_type: option(
    'Compose type when not given on the command line.',
    { type: 'string', enum: COMPOSE_TYPES },
  ),
  base_product_name: option('Name of the base product of a layered product.', stringValue()),
  base_product_short: option('Short name of the base product of a layered product.', stringValue()),
  base_product_version: option('Version of the base product of a layered product.', stringValue()),
  base_product_type: option('Release type of the base product.', stringValue(), 'ga'),
};
