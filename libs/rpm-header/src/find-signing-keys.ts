import { InputError } from '@compose/errors';
import { readBytes, readStrings, withHeaderValues, type HeaderSection } from './header-section.js';
import { OpenPgpFormatError, parseOpenPgpSignature } from './parse-openpgp-signature.js';
import { SIGNATURE_TAG, SIGNATURE_TAG_NAMES } from './rpm-tags.js';

const HEADER_ONLY_TAGS = [SIGNATURE_TAG.RSAHEADER, SIGNATURE_TAG.DSAHEADER];
const HEADER_AND_PAYLOAD_TAGS = [SIGNATURE_TAG.PGP, SIGNATURE_TAG.GPG];

/**
 * Long key IDs (16 lowercase hex) of every OpenPGP signature in the package, without repeats,
 * header-only signatures first. Packages signed by rpm < 4.16 carry the same key twice (header
 * and header+payload); rpm 6 may carry several keys in OPENPGP. Only the signature header is
 * searched: in a package file the main header's 1000-range tags mean something else entirely.
 */
export function findSigningKeyIds(signature: HeaderSection, file: string): string[] {
  const keyIds: string[] = [];
  const add = (keyId: string): void => {
    if (!keyIds.includes(keyId)) keyIds.push(keyId);
  };
  for (const tag of HEADER_ONLY_TAGS) readBinarySignature(signature, tag, file, add);
  for (const packet of readOpenPgpTag(signature, file)) add(parsePacket(packet, SIGNATURE_TAG.OPENPGP, file));
  for (const tag of HEADER_AND_PAYLOAD_TAGS) readBinarySignature(signature, tag, file, add);
  return keyIds;
}

function readBinarySignature(section: HeaderSection, tag: number, file: string, add: (keyId: string) => void): void {
  const packet = withHeaderValues(file, 'the signature header', () => readBytes(section, tag));
  if (packet && packet.length > 0) add(parsePacket(packet, tag, file));
}

/** rpm 6 stores each signature as a base64 string (no armor) in one string-array entry. */
function readOpenPgpTag(section: HeaderSection, file: string): Buffer[] {
  const encoded = withHeaderValues(file, 'the signature header', () => readStrings(section, SIGNATURE_TAG.OPENPGP) ?? []);
  return encoded.filter((text) => text.trim() !== '').map((text) => Buffer.from(text, 'base64'));
}

function parsePacket(packet: Buffer, tag: number, file: string): string {
  try {
    return parseOpenPgpSignature(packet).keyId;
  } catch (error) {
    if (!(error instanceof OpenPgpFormatError)) throw error;
    throw new InputError('RPM_BAD_SIGNATURE', `${file}: signature tag ${SIGNATURE_TAG_NAMES[tag] ?? tag} (${tag}) is unreadable: ${error.message}`, {
      location: { file },
      hint: 'the package signature is corrupt; re-sign the package',
    });
  }
}
