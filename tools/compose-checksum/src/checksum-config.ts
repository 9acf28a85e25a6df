import type { ComposeManifest } from '@compose/contracts';
import { CHECKSUM_ALGORITHMS, isChecksumAlgorithm, type ChecksumAlgorithm } from '@compose/checksum';
import { getComposeFormatValues } from '@compose/compose-info';
import { InputError } from '@compose/errors';
import { formatNameTemplate, type TemplateValues } from '@compose/iso';

/** The three media_checksum* options of the compose config, checked. */
export interface ChecksumSettings {
  algorithms: ChecksumAlgorithm[];
  oneFile: boolean;
  /** media_checksum_base_filename as written ('' = no prefix). */
  baseFilename: string;
}

const BASE_FILENAME_KEYS = 'compose_id, release_short, version, date, respin, type, type_suffix, label, label_major_version, variant, arch, dirname (only with media_checksum_one_file)';

export function readChecksumSettings(compose: ComposeManifest): ChecksumSettings {
  const configured = compose.config['media_checksums'] ?? ['md5', 'sha1', 'sha256'];
  if (!Array.isArray(configured) || configured.length === 0 || !configured.every((value) => typeof value === 'string')) {
    throw new InputError('CHECKSUM_CONFIG', `media_checksums must be a non-empty list of algorithm names, got ${JSON.stringify(configured)}`, {
      hint: `e.g. media_checksums = ['sha256']; known: ${CHECKSUM_ALGORITHMS.join(', ')}`,
    });
  }
  const unknown = configured.filter((name) => !isChecksumAlgorithm(name));
  if (unknown.length > 0) {
    throw new InputError('CHECKSUM_CONFIG', `media_checksums: unsupported algorithm ${unknown.map((name) => `'${name}'`).join(', ')}`, {
      hint: `use ${CHECKSUM_ALGORITHMS.join(', ')}`,
    });
  }
  return {
    algorithms: [...new Set(configured as ChecksumAlgorithm[])],
    oneFile: compose.config['media_checksum_one_file'] === true,
    baseFilename: typeof compose.config['media_checksum_base_filename'] === 'string' ? compose.config['media_checksum_base_filename'] : '',
  };
}

/**
 * Prefix of a directory's checksum file for images listed under `variant`/`arch`, as Pungi's
 * _get_base_filename: the template expanded (both `%(key)s` and `{key}`) plus a `-`, or ''
 * without a template. `arch` is the images.json key, so a source ISO listed under x86_64
 * gets x86_64 here, exactly as in Pungi.
 */
export function formatBaseFilename(settings: ChecksumSettings, compose: ComposeManifest, variant: string, arch: string, dirname?: string): string {
  if (!settings.baseFilename) return '';
  const values: TemplateValues = getComposeFormatValues(compose, { variant, arch, ...(dirname === undefined ? {} : { dirname }) });
  try {
    return `${formatNameTemplate(settings.baseFilename, values, 'media_checksum_base_filename')}-`;
  } catch (error) {
    if (error instanceof InputError && error.code === 'TEMPLATE') {
      throw new InputError('CHECKSUM_CONFIG', error.message, { hint: `known keys: ${BASE_FILENAME_KEYS}` });
    }
    throw error;
  }
}
