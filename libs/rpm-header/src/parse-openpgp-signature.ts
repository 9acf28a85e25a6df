/**
 * Extracts the issuer key ID from an OpenPGP signature packet (RFC 4880 section 5.2, RFC 9580
 * section 5.2). Only the framing is parsed: the signature itself is never verified here.
 */

const SIGNATURE_PACKET_TAG = 2;
const SUBPACKET_ISSUER_KEY_ID = 16;
const SUBPACKET_ISSUER_FINGERPRINT = 33;

/** Why a packet could not be read; the caller adds the file and tag. */
export class OpenPgpFormatError extends Error {}

export interface OpenPgpSignatureInfo {
  /** Packet version: 3, 4, 5 (LibrePGP) or 6 (RFC 9580). */
  version: number;
  /** Long key ID, 16 lowercase hex digits. */
  keyId: string;
  publicKeyAlgorithm: number;
  hashAlgorithm: number;
}

/** Reads the first packet of `bytes`, which must be a signature packet, and returns its issuer. */
export function parseOpenPgpSignature(bytes: Uint8Array): OpenPgpSignatureInfo {
  const body = readSignaturePacketBody(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const version = byteAt(body, 0);
  if (version === 3) return readVersion3(body);
  if (version === 4 || version === 5 || version === 6) return readSubpacketVersion(body, version);
  throw new OpenPgpFormatError(`signature packet version ${version} is not supported`);
}

function byteAt(data: Buffer, at: number): number {
  const value = data[at];
  if (value === undefined) throw new OpenPgpFormatError('signature packet is truncated');
  return value;
}

function needBytes(data: Buffer, at: number, length: number): void {
  if (at + length > data.length) throw new OpenPgpFormatError('signature packet is truncated');
}

/** A decoded length field: the length and the offset just past the field. */
interface LengthField {
  length: number;
  next: number;
}

/** Strips the packet header (old or new format) and checks the packet is a signature. */
function readSignaturePacketBody(data: Buffer): Buffer {
  const first = byteAt(data, 0);
  if ((first & 0x80) === 0) throw new OpenPgpFormatError('data does not start with an OpenPGP packet');
  const isNewFormat = (first & 0x40) !== 0;
  const tag = isNewFormat ? first & 0x3f : (first >> 2) & 0x0f;
  if (tag !== SIGNATURE_PACKET_TAG) throw new OpenPgpFormatError(`OpenPGP packet has tag ${tag}, expected a signature (2)`);
  const { length, next } = isNewFormat ? readNewFormatLength(data, 1) : readOldFormatLength(data, first & 0x03);
  needBytes(data, next, length);
  return data.subarray(next, next + length);
}

function readNewFormatLength(data: Buffer, at: number): LengthField {
  const o1 = byteAt(data, at);
  if (o1 < 192) return { length: o1, next: at + 1 };
  if (o1 < 224) return { length: ((o1 - 192) << 8) + byteAt(data, at + 1) + 192, next: at + 2 };
  if (o1 === 255) {
    needBytes(data, at + 1, 4);
    return { length: data.readUInt32BE(at + 1), next: at + 5 };
  }
  throw new OpenPgpFormatError('signature packet uses partial body lengths');
}

function readOldFormatLength(data: Buffer, lengthType: number): LengthField {
  // Type 3 means "until the end of the data", which rpm's tag value bounds for us.
  if (lengthType === 3) return { length: data.length - 1, next: 1 };
  const width = 1 << lengthType;
  needBytes(data, 1, width);
  return { length: data.readUIntBE(1, width), next: 1 + width };
}

/** Subpacket lengths use the new-format encoding minus partial lengths (RFC 9580 5.2.3.7). */
function readSubpacketLength(area: Buffer, at: number): LengthField {
  const first = byteAt(area, at);
  if (first < 192) return { length: first, next: at + 1 };
  if (first < 255) return { length: ((first - 192) << 8) + byteAt(area, at + 1) + 192, next: at + 2 };
  needBytes(area, at + 1, 4);
  return { length: area.readUInt32BE(at + 1), next: at + 5 };
}

function readVersion3(body: Buffer): OpenPgpSignatureInfo {
  // version, hashed length (always 5), type, 4-byte creation time, 8-byte key ID, algorithms
  needBytes(body, 0, 17);
  if (body[1] !== 5) throw new OpenPgpFormatError(`v3 signature has hashed length ${body[1]}, expected 5`);
  return { version: 3, keyId: body.toString('hex', 7, 15), publicKeyAlgorithm: byteAt(body, 15), hashAlgorithm: byteAt(body, 16) };
}

function readSubpacketVersion(body: Buffer, version: number): OpenPgpSignatureInfo {
  const countWidth = version === 6 ? 4 : 2;
  const publicKeyAlgorithm = byteAt(body, 2);
  const hashAlgorithm = byteAt(body, 3);
  let at = 4;
  const areas: Buffer[] = [];
  // Two areas follow: hashed subpackets, then unhashed ones.
  for (let index = 0; index < 2; index++) {
    needBytes(body, at, countWidth);
    const length = body.readUIntBE(at, countWidth);
    at += countWidth;
    needBytes(body, at, length);
    areas.push(body.subarray(at, at + length));
    at += length;
  }
  // The hashed area is authenticated, so its issuer wins over one in the unhashed area.
  for (const area of areas) {
    const keyId = findIssuer(area);
    if (keyId) return { version, keyId, publicKeyAlgorithm, hashAlgorithm };
  }
  throw new OpenPgpFormatError(`v${version} signature carries neither an issuer (16) nor an issuer fingerprint (33) subpacket`);
}

function findIssuer(area: Buffer): string | undefined {
  let fromKeyId: string | undefined;
  let at = 0;
  while (at < area.length) {
    const { length, next } = readSubpacketLength(area, at);
    at = next;
    if (length === 0) throw new OpenPgpFormatError('signature subpacket has length 0');
    needBytes(area, at, length);
    const type = byteAt(area, at) & 0x7f;
    const data = area.subarray(at + 1, at + length);
    if (type === SUBPACKET_ISSUER_FINGERPRINT) return keyIdOfFingerprint(data);
    if (type === SUBPACKET_ISSUER_KEY_ID && data.length === 8) fromKeyId = data.toString('hex');
    at += length;
  }
  return fromKeyId;
}

/** v4 key IDs are the low 64 bits of the fingerprint; v5 and v6 key IDs are the high 64 bits. */
function keyIdOfFingerprint(data: Buffer): string {
  const keyVersion = byteAt(data, 0);
  const fingerprint = data.subarray(1);
  if (keyVersion === 4 && fingerprint.length === 20) return fingerprint.toString('hex', 12, 20);
  if ((keyVersion === 5 || keyVersion === 6) && fingerprint.length === 32) return fingerprint.toString('hex', 0, 8);
  throw new OpenPgpFormatError(`issuer fingerprint of a v${keyVersion} key has ${fingerprint.length} bytes`);
}
