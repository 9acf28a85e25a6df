import { InputError } from '@compose/errors';
import { findSigningKeyIds } from './find-signing-keys.js';
import { readNumber, readString, readStrings, withHeaderValues, type HeaderSection } from './header-section.js';
import { readPackageSections } from './read-package-sections.js';
import { PGP_HASH_ALGORITHMS, TAG } from './rpm-tags.js';

/** What compose needs to know about a package, read from its headers alone. */
export interface RpmHeaderInfo {
  path: string;
  name: string;
  /** null when the package has no Epoch tag (rpm prints "(none)"); an explicit 0 stays 0. */
  epoch: number | null;
  version: string;
  release: string;
  /** Build arch for binary packages; "src" or "nosrc" (NoSource/NoPatch) for source packages. */
  arch: string;
  /** File name of the source RPM; null for source packages. */
  sourcerpm: string | null;
  isSource: boolean;
  summary: string;
  /** Seconds since the epoch. */
  buildtime: number;
  /** Installed size in bytes. */
  size: number;
  /** Size of the package file in bytes. */
  fileSize: number;
  /** Byte range of the main header in the file, as createrepo writes rpm:header-range. */
  headerRange: { start: number; end: number };
  /** Digest of the compressed payload as recorded at build time (rpm >= 4.14), else null. */
  payloadDigest: { algorithm: string; value: string } | null;
  exclusiveArch: string[];
  excludeArch: string[];
  requires: string[];
  provides: string[];
  /** Long key ID (16 lowercase hex) of the first signature, null when unsigned. */
  sigKeyId: string | null;
  /** Last 8 hex digits of sigKeyId, the form Pungi's `sigkeys` and Koji use. */
  sigKeyShortId: string | null;
  /** Every signing key found (rpm 6 packages may carry several), sigKeyId first. */
  sigKeyIds: string[];
}

/** Reads a package's lead and headers (never the payload) and describes the package. */
export async function readRpmHeader(path: string): Promise<RpmHeaderInfo> {
  const { signature, main, fileSize } = await readPackageSections(path);
  const sigKeyIds = findSigningKeyIds(signature, path);
  const sigKeyId = sigKeyIds[0] ?? null;
  return withHeaderValues(path, 'the main header', () => {
    const sourcerpm = readString(main, TAG.SOURCERPM) ?? null;
    const isSource = sourcerpm === null;
    return {
      path,
      name: requireString(main, TAG.NAME, 'Name', path),
      epoch: readNumber(main, TAG.EPOCH) ?? null,
      version: requireString(main, TAG.VERSION, 'Version', path),
      release: requireString(main, TAG.RELEASE, 'Release', path),
      arch: isSource ? sourceArch(main) : requireString(main, TAG.ARCH, 'Arch', path),
      sourcerpm,
      isSource,
      summary: readString(main, TAG.SUMMARY) ?? '',
      buildtime: readNumber(main, TAG.BUILDTIME) ?? 0,
      size: readNumber(main, TAG.LONGSIZE) ?? readNumber(main, TAG.SIZE) ?? 0,
      fileSize,
      headerRange: { start: main.start, end: main.end },
      payloadDigest: readPayloadDigest(main),
      exclusiveArch: readStrings(main, TAG.EXCLUSIVEARCH) ?? [],
      excludeArch: readStrings(main, TAG.EXCLUDEARCH) ?? [],
      requires: readStrings(main, TAG.REQUIRENAME) ?? [],
      provides: readStrings(main, TAG.PROVIDENAME) ?? [],
      sigKeyId,
      sigKeyShortId: sigKeyId === null ? null : sigKeyId.slice(-8),
      sigKeyIds,
    };
  });
}

function requireString(main: HeaderSection, tag: number, label: string, file: string): string {
  const value = readString(main, tag);
  if (value === undefined || value === '') {
    throw new InputError('RPM_BAD_HEADER', `${file}: the main header has no ${label} tag (${tag})`, { location: { file }, hint: 'the file is corrupt or not a package' });
  }
  return value;
}

/** A source package that leaves out sources or patches (NoSource/NoPatch) is a "nosrc" package. */
function sourceArch(main: HeaderSection): string {
  return main.entries.has(TAG.NOSOURCE) || main.entries.has(TAG.NOPATCH) ? 'nosrc' : 'src';
}

function readPayloadDigest(main: HeaderSection): RpmHeaderInfo['payloadDigest'] {
  const value = readString(main, TAG.PAYLOADDIGEST);
  if (!value) return null;
  const algorithmId = readNumber(main, TAG.PAYLOADDIGESTALGO) ?? 8;
  return { algorithm: PGP_HASH_ALGORITHMS[algorithmId] ?? `pgp-hash-${algorithmId}`, value };
}
