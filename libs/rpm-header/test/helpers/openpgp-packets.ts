/**
 * Hand-built OpenPGP signature packets (RFC 4880 / RFC 9580 layouts) for versions and tags that
 * the installed gpg and rpm cannot produce. The signature material is filler: only framing matters.
 */

export function buildV3Packet(keyId: string, { oldFormatLengthType = 0 } = {}): Buffer {
  const body = Buffer.concat([
    Buffer.from([3, 5, 0x00]),
    Buffer.from('5f000000', 'hex'),
    Buffer.from(keyId, 'hex'),
    Buffer.from([1, 8]), // RSA, SHA256
    Buffer.from([0xab, 0xcd]),
    Buffer.from([0x00, 0x08, 0xff]), // a tiny MPI
  ]);
  return wrapOldFormat(body, oldFormatLengthType);
}

export interface Subpacket {
  type: number;
  data: Buffer;
}

export function issuerKeyId(keyId: string): Subpacket {
  return { type: 16, data: Buffer.from(keyId, 'hex') };
}

export function issuerFingerprint(keyVersion: number, fingerprint: string): Subpacket {
  return { type: 33, data: Buffer.concat([Buffer.from([keyVersion]), Buffer.from(fingerprint, 'hex')]) };
}

const creationTime: Subpacket = { type: 2, data: Buffer.from('5f000000', 'hex') };

export function buildSubpacketPacket(version: 4 | 6, hashed: Subpacket[], unhashed: Subpacket[]): Buffer {
  const countWidth = version === 6 ? 4 : 2;
  const body = Buffer.concat([
    Buffer.from([version, 0x00, 22, 8]), // binary document, EdDSA, SHA256
    encodeArea([creationTime, ...hashed], countWidth),
    encodeArea(unhashed, countWidth),
    Buffer.from([0x12, 0x34]),
    Buffer.from([0x00, 0x08, 0xff]),
  ]);
  return wrapNewFormat(body);
}

function encodeArea(subpackets: Subpacket[], countWidth: number): Buffer {
  const encoded = Buffer.concat(subpackets.map((sub) => Buffer.concat([Buffer.from([sub.data.length + 1, sub.type]), sub.data])));
  const count = Buffer.alloc(countWidth);
  count.writeUIntBE(encoded.length, 0, countWidth);
  return Buffer.concat([count, encoded]);
}

function wrapOldFormat(body: Buffer, lengthType: number): Buffer {
  const width = 1 << lengthType;
  const length = Buffer.alloc(width);
  length.writeUIntBE(body.length, 0, width);
  return Buffer.concat([Buffer.from([0x80 | (2 << 2) | lengthType]), length, body]);
}

/** New-format packet with a two-octet length when the body needs it. */
export function wrapNewFormat(body: Buffer): Buffer {
  if (body.length < 192) return Buffer.concat([Buffer.from([0xc2, body.length]), body]);
  const value = body.length - 192;
  return Buffer.concat([Buffer.from([0xc2, (value >> 8) + 192, value & 0xff]), body]);
}
