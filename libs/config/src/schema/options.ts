import type { JsonSchema, OptionSchema } from './shapes.js';
import { releaseOptions } from './release.js';
import { generalOptions } from './general.js';
import { kojiOptions } from './koji.js';
import { pkgsetOptions } from './pkgset.js';
import { gatherOptions } from './gather.js';
import { createrepoOptions } from './createrepo.js';
import { buildinstallOptions } from './buildinstall.js';
import { isoOptions } from './iso.js';
import { ostreeOptions } from './ostree.js';
import { imageOptions } from './images.js';
import { containerOptions } from './containers.js';
import { removedOptions } from './deprecated.js';


/** Options Pungi refuses to run without. */
export const MANDATORY_OPTIONS = [
  'release_name',
  'release_short',
  'release_version',
  'variants_file',
  'pkgset_source',
  'gather_method',
] as const;

/** Every option Pungi knows, by name, each with its schema and description. */
export const CONFIG_OPTIONS: Readonly<Record<string, OptionSchema>> = {
  ...releaseOptions,
  ...generalOptions,
  ...kojiOptions,
  ...pkgsetOptions,
  ...gatherOptions,
  ...createrepoOptions,
  ...buildinstallOptions,
  ...isoOptions,
  ...ostreeOptions,
  ...imageOptions,
  ...containerOptions,
  ...removedOptions,
};

/**
 * The whole config as one draft-07 schema for ajv; a fresh copy so callers may mutate it.
 * Variant patterns use `format: "regex"` (Python regexes), so a validator compiling it must
 * register that format; `validateConfig` does.
 */
export function buildConfigSchema(): JsonSchema {
  return structuredClone({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Pungi configuration',
    type: 'object',
    properties: CONFIG_OPTIONS,
    required: [...MANDATORY_OPTIONS],
    additionalProperties: false,
  });
}
