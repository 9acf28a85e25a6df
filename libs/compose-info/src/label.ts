// Milestone labels as productmd accepts them (productmd/composeinfo.py LABEL_NAMES, verify_label).
import { InputError } from '@compose/errors';

/** Known milestone names, least mature first (productmd orders labels by this list). */
export const LABEL_NAMES = [
  'DevelPhaseExit',
  'InternalAlpha',
  'Alpha',
  'InternalSnapshot',
  'Beta',
  'Snapshot',
  'RC',
  'Update',
] as const;

const LABEL_PATTERN = new RegExp(`^(${LABEL_NAMES.join('|')})-\\d+\\.\\d+$`);

export function isValidLabel(label: string): boolean {
  return LABEL_PATTERN.test(label);
}

/** Throw an InputError naming the allowed forms unless `label` is `<Name>-<major>.<minor>`. */
export function validateLabel(label: string): string {
  if (!isValidLabel(label)) {
    throw new InputError('COMPOSE_BAD_LABEL', `label '${label}' is not in a known format`, {
      hint: `use <name>-<major>.<minor> with name one of ${LABEL_NAMES.join(', ')} (e.g. Beta-1.0, RC-1.2)`,
    });
  }
  return label;
}

/** `Beta-1.2` -> `Beta-1`, as Pungi's %(label_major_version)s. */
export function getLabelMajorVersion(label: string): string {
  const dot = label.lastIndexOf('.');
  return dot < 0 ? label : label.slice(0, dot);
}

/** productmd marks a compose supported (final) when its label is a release candidate. */
export function isReleaseCandidateLabel(label: string | undefined): boolean {
  return label !== undefined && label.split('-')[0] === 'RC';
}
