import { describe, expect, it } from 'vitest';
import { OpenPgpFormatError, parseOpenPgpSignature } from '../src/parse-openpgp-signature.js';
import { buildSubpacketPacket, buildV3Packet, issuerFingerprint, issuerKeyId, wrapNewFormat } from './helpers/openpgp-packets.js';

const KEY_ID = '0123456789abcdef';
const V4_FINGERPRINT = 'aabbccddeeff00112233445566778899' + 'fedcba98';
const V6_FINGERPRINT = '1122334455667788' + '99aabbccddeeff00'.repeat(3);

describe('parseOpenPgpSignature', () => {
  it.each([0, 1, 2])('reads the key ID of a v3 packet (old-format length type %i)', (lengthType) => {
    expect(parseOpenPgpSignature(buildV3Packet(KEY_ID, { oldFormatLengthType: lengthType }))).toEqual({
      version: 3,
      keyId: KEY_ID,
      publicKeyAlgorithm: 1,
      hashAlgorithm: 8,
    });
  });

  it('reads a v4 issuer subpacket from the unhashed area (older gpg)', () => {
    expect(parseOpenPgpSignature(buildSubpacketPacket(4, [], [issuerKeyId(KEY_ID)])).keyId).toBe(KEY_ID);
  });

  it('takes the last 8 bytes of a v4 issuer fingerprint', () => {
    const packet = buildSubpacketPacket(4, [issuerFingerprint(4, V4_FINGERPRINT)], []);
    expect(parseOpenPgpSignature(packet).keyId).toBe(V4_FINGERPRINT.slice(-16));
  });

  it('prefers the authenticated hashed area over the unhashed one', () => {
    const packet = buildSubpacketPacket(4, [issuerFingerprint(4, V4_FINGERPRINT)], [issuerKeyId(KEY_ID)]);
    expect(parseOpenPgpSignature(packet).keyId).toBe(V4_FINGERPRINT.slice(-16));
  });

  it('honours the critical bit on the subpacket type', () => {
    const critical = { ...issuerKeyId(KEY_ID), type: 16 | 0x80 };
    expect(parseOpenPgpSignature(buildSubpacketPacket(4, [critical], [])).keyId).toBe(KEY_ID);
  });

  it('reads v6 packets (4-byte area lengths) whose key ID is the start of the fingerprint', () => {
    const packet = buildSubpacketPacket(6, [issuerFingerprint(6, V6_FINGERPRINT)], []);
    expect(parseOpenPgpSignature(packet)).toMatchObject({ version: 6, keyId: V6_FINGERPRINT.slice(0, 16) });
  });

  it('reads packets with a two-octet new-format length', () => {
    const padding = Array.from({ length: 30 }, () => ({ type: 20, data: Buffer.alloc(10) }));
    const packet = buildSubpacketPacket(4, [...padding, issuerKeyId(KEY_ID)], []);
    expect(packet[1]).toBeGreaterThanOrEqual(192);
    expect(parseOpenPgpSignature(packet).keyId).toBe(KEY_ID);
  });

  it.each([
    ['an empty buffer', Buffer.alloc(0), /truncated/],
    ['bytes that are not a packet', Buffer.from('hello'), /does not start with an OpenPGP packet/],
    ['a public-key packet', Buffer.from([0xc6, 6, 4, 0, 0, 0, 0, 22]), /tag 6, expected a signature/],
    ['a truncated v4 packet', buildSubpacketPacket(4, [issuerKeyId(KEY_ID)], []).subarray(0, 12), /truncated/],
    ['a v4 packet without an issuer', buildSubpacketPacket(4, [], []), /neither an issuer/],
    ['an unknown version', wrapNewFormat(Buffer.from([9, 0, 0, 0])), /version 9 is not supported/],
  ])('rejects %s', (_label, bytes, message) => {
    expect(() => parseOpenPgpSignature(bytes)).toThrow(OpenPgpFormatError);
    expect(() => parseOpenPgpSignature(bytes)).toThrow(message);
  });
});
