import { InputError } from '@compose/errors';
import { formatNameTemplate, type TemplateValues } from './format-template.js';

/** ISO 9660 volume IDs hold at most 32 bytes. */
export const MAX_VOLUME_ID_LENGTH = 32;

export interface VolumeIdOptions {
  /** Tried in order; the first result that fits wins. */
  formats: readonly string[];
  values: TemplateValues;
  /** volume_id_substitutions: longer keys are replaced first. */
  substitutions?: Record<string, string>;
  /** restricted_volid: everything but letters, digits and underscores becomes a dash. */
  restricted?: boolean;
  /** For messages: where the formats come from. */
  option?: string;
}

/** Applies volume_id_substitutions longest key first, as Pungi does. */
export function substituteVolumeId(volid: string, substitutions: Record<string, string> = {}): string {
  const keys = Object.keys(substitutions).sort((a, b) => b.length - a.length);
  let result = volid;
  for (const key of keys) if (key) result = result.split(key).join(String(substitutions[key]));
  return result;
}

/**
 * Pungi's get_volid: formats that need a variant are skipped without one; the first candidate
 * of at most 32 bytes after substitutions is used; none fitting is an error listing every
 * candidate tried, shortest first.
 */
export function computeVolumeId(options: VolumeIdOptions): string {
  const option = options.option ?? 'image_volid_formats';
  const tried: string[] = [];
  let volid: string | undefined;
  for (const format of options.formats) {
    if (options.values['variant'] === undefined && format.includes('{variant}')) continue;
    volid = substituteVolumeId(formatNameTemplate(format, options.values, option), options.substitutions);
    if (Buffer.byteLength(volid) <= MAX_VOLUME_ID_LENGTH) break;
    tried.push(volid);
    volid = undefined;
  }
  if (volid === undefined) {
    const candidates = [...new Set(tried)].sort((a, b) => a.length - b.length);
    throw new InputError('VOLUME_ID', `no volume ID of at most ${MAX_VOLUME_ID_LENGTH} bytes could be made from ${option}; tried: ${candidates.map((c) => `"${c}" (${Buffer.byteLength(c)})`).join(', ') || 'nothing (no format applies)'}`, {
      hint: 'add a shorter format to image_volid_formats or shorten names with volume_id_substitutions',
    });
  }
  return options.restricted ? volid.replace(/[^\p{L}\p{N}_]/gu, '-') : volid;
}
