import { getComposeTypeSuffix, type ComposeType } from './compose-id.js';
import { getLabelMajorVersion } from './label.js';

/** What of a compose the name templates of Pungi options may use. */
export interface FormatSource {
  compose_id: string;
  release: { short: string; version: string };
  date: string;
  respin: number;
  type: string;
  label: string | null;
}

/**
 * Pungi's get_format_substs: the keys image names, volume IDs and checksum file names may use.
 * A missing label is '' (Pungi renders Python's None, which makes no usable file name).
 */
export function getComposeFormatValues(compose: FormatSource, extra: Record<string, string | number> = {}): Record<string, string | number> {
  return {
    compose_id: compose.compose_id,
    release_short: compose.release.short,
    version: compose.release.version,
    date: compose.date,
    respin: compose.respin,
    type: compose.type,
    type_suffix: getComposeTypeSuffix(compose.type as ComposeType),
    label: compose.label ?? '',
    label_major_version: compose.label ? getLabelMajorVersion(compose.label) : '',
    ...extra,
  };
}
