// NEVRA strings as Pungi and productmd write them (rpms.json keys, file names).
import { InputError } from '@compose/errors';
import { rpmvercmp } from './rpmvercmp.js';

export interface Evr {
  /** 0 when the package has no epoch: rpm treats a missing epoch as 0. */
  epoch: number;
  version: string;
  release: string;
}

export interface Nevra extends Evr {
  name: string;
  arch: string;
}

export type EpochStyle = 'always' | 'nonzero';

function rejectNevra(text: string, why: string): never {
  throw new InputError('RPM_BAD_NEVRA', `cannot parse '${text}' as name-[epoch:]version-release.arch: ${why}`, {
    hint: 'expected e.g. bash-0:5.2.15-3.fc39.x86_64 or bash-5.2.15-3.fc39.x86_64',
  });
}

/**
 * Parse `name-[epoch:]version-release.arch`. The name may contain dashes, version and
 * release may not (rpm forbids them), so the string is split from the right.
 */
export function parseNevra(text: string): Nevra {
  const archDot = text.lastIndexOf('.');
  if (archDot <= 0 || archDot === text.length - 1) rejectNevra(text, 'no .arch suffix');
  const arch = text.slice(archDot + 1);
  const nvr = text.slice(0, archDot);

  const releaseDash = nvr.lastIndexOf('-');
  if (releaseDash <= 0) rejectNevra(text, 'no -release');
  const versionDash = nvr.lastIndexOf('-', releaseDash - 1);
  if (versionDash <= 0) rejectNevra(text, 'no -version');

  const name = nvr.slice(0, versionDash);
  const release = nvr.slice(releaseDash + 1);
  let version = nvr.slice(versionDash + 1, releaseDash);
  let epoch = 0;
  const colon = version.indexOf(':');
  if (colon >= 0) {
    const epochText = version.slice(0, colon);
    if (!/^\d+$/.test(epochText)) rejectNevra(text, `epoch '${epochText}' is not a number`);
    epoch = Number(epochText);
    version = version.slice(colon + 1);
  }
  if (!version || !release) rejectNevra(text, 'empty version or release');
  return { name, epoch, version, release, arch };
}

/** Parse an RPM file name or path (`dir/foo-1.0-1.x86_64.rpm`); file names never carry the epoch. */
export function parseRpmFilename(fileName: string): Nevra {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  if (!base.endsWith('.rpm')) {
    throw new InputError('RPM_BAD_FILENAME', `'${fileName}' is not an RPM file name (no .rpm suffix)`);
  }
  return parseNevra(base.slice(0, -'.rpm'.length));
}

/**
 * Format a NEVRA. `always` is the form of productmd's rpms.json (`bash-0:4.2.37-6.src`);
 * `nonzero` leaves out a zero epoch as rpm -q does.
 */
export function formatNevra(nevra: Nevra, epochStyle: EpochStyle = 'always'): string {
  const epoch = epochStyle === 'always' || nevra.epoch !== 0 ? `${nevra.epoch}:` : '';
  return `${nevra.name}-${epoch}${nevra.version}-${nevra.release}.${nevra.arch}`;
}

/** The file name rpmbuild gives a package: `name-version-release.arch.rpm`. */
export function formatRpmFilename(nevra: Nevra): string {
  return `${nevra.name}-${nevra.version}-${nevra.release}.${nevra.arch}.rpm`;
}

/** Compare epoch, then version, then release, as rpm orders package versions. */
export function compareEvr(a: Evr, b: Evr): -1 | 0 | 1 {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  const byVersion = rpmvercmp(a.version, b.version);
  if (byVersion !== 0) return byVersion;
  return rpmvercmp(a.release, b.release);
}
