// Pungi's version generators (util.version_generator): `!NAME` values of version/release options
// that are computed from the compose's identity instead of written in the config.
import { InputError } from '@compose/errors';
import { getComposeTypeSuffix, type ComposeType } from './compose-id.js';

/** What the generators read: the compose's identity as compose.json records it. */
export interface VersionSource {
  /** release_version (for layered products still the product's own version, as Pungi's ci_base.release). */
  releaseVersion: string;
  /** YYYYMMDD */
  date: string;
  type: ComposeType;
  respin: number;
  label?: string | null;
}

export const VERSION_GENERATORS = [
  '!OSTREE_VERSION_FROM_LABEL_DATE_TYPE_RESPIN',
  '!RELEASE_FROM_LABEL_DATE_TYPE_RESPIN',
  '!RELEASE_FROM_DATE_RESPIN',
  '!VERSION_FROM_VERSION_DATE_RESPIN',
  '!VERSION_FROM_VERSION',
] as const;

/** Pungi's compose.image_release: the label's version, else <date><type suffix>.<respin>. */
export function getImageRelease(source: VersionSource): string {
  if (source.label) return source.label.split('-')[1] ?? source.label;
  return `${source.date}${getComposeTypeSuffix(source.type)}.${source.respin}`;
}

/** Pungi's compose.image_version: release_version, with _<milestone> for labels other than RC. */
export function getImageVersion(source: VersionSource): string {
  if (source.label && !source.label.startsWith('RC-')) return `${source.releaseVersion}_${source.label.split('-')[0]}`;
  return source.releaseVersion;
}

/**
 * Resolves a version/release option: a known `!GENERATOR` becomes its value, any other string
 * is returned unchanged; an unknown `!NAME` is an InputError (Pungi raises too).
 */
export function generateVersion(source: VersionSource, value: string | undefined | null, option = 'version'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  switch (value) {
    case '!OSTREE_VERSION_FROM_LABEL_DATE_TYPE_RESPIN':
      return `${getImageVersion(source)}.${getImageRelease(source)}`;
    case '!RELEASE_FROM_LABEL_DATE_TYPE_RESPIN':
      return getImageRelease(source);
    case '!RELEASE_FROM_DATE_RESPIN':
      return `${source.date}.${source.respin}`;
    case '!VERSION_FROM_VERSION_DATE_RESPIN':
      return `${source.releaseVersion}.${source.date}.${source.respin}`;
    case '!VERSION_FROM_VERSION':
      return source.releaseVersion;
    default:
      if (value.startsWith('!')) {
        throw new InputError('UNKNOWN_VERSION_GENERATOR', `unknown version generator '${value}' in ${option}`, {
          hint: `use a plain string or one of ${VERSION_GENERATORS.join(', ')}`,
        });
      }
      return value;
  }
}
