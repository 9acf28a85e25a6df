import { readFileSync } from 'node:fs';

/** One signature-header entry to write: strings are NUL-terminated, arrays become string arrays. */
export type SignatureEntry =
  | { tag: number; bin: Uint8Array }
  | { tag: number; strings: string[] }
  | { tag: number; int32: number };

const LEAD_SIZE = 96;

/**
 * Rebuilds a fixture RPM with a signature header of our choosing (and the original main header
 * and payload), so tests can cover signature tags rpm 4.18 no longer writes (SIGPGP, OPENPGP).
 */
export function replaceSignatureHeader(sourceRpm: string, entries: SignatureEntry[]): Buffer {
  const original = readFileSync(sourceRpm);
  const oldSignatureSize = 16 + original.readUInt32BE(LEAD_SIZE + 8) * 16 + original.readUInt32BE(LEAD_SIZE + 12);
  const mainStart = LEAD_SIZE + oldSignatureSize + ((8 - (oldSignatureSize % 8)) % 8);
  const rest = original.subarray(mainStart);
  const signature = encodeHeader([...entries, { tag: 1000, int32: rest.length }]);
  const padding = Buffer.alloc((8 - (signature.length % 8)) % 8);
  return Buffer.concat([original.subarray(0, LEAD_SIZE), signature, padding, rest]);
}

/** Encodes a header structure: intro, index entries, data store. */
export function encodeHeader(entries: SignatureEntry[]): Buffer {
  const index: Buffer[] = [];
  const store: Buffer[] = [];
  let storeLength = 0;
  for (const entry of entries) {
    let type: number;
    let count: number;
    let data: Buffer;
    if ('bin' in entry) [type, count, data] = [7, entry.bin.length, Buffer.from(entry.bin)];
    else if ('strings' in entry) [type, count, data] = [8, entry.strings.length, Buffer.from(entry.strings.map((text) => `${text}\0`).join(''))];
    else {
      // INT32 values are 4-byte aligned in the store.
      const pad = (4 - (storeLength % 4)) % 4;
      store.push(Buffer.alloc(pad));
      storeLength += pad;
      data = Buffer.alloc(4);
      data.writeUInt32BE(entry.int32);
      [type, count] = [4, 1];
    }
    const row = Buffer.alloc(16);
    row.writeUInt32BE(entry.tag, 0);
    row.writeUInt32BE(type, 4);
    row.writeUInt32BE(storeLength, 8);
    row.writeUInt32BE(count, 12);
    index.push(row);
    store.push(data);
    storeLength += data.length;
  }
  const intro = Buffer.from([0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  intro.writeUInt32BE(entries.length, 8);
  intro.writeUInt32BE(storeLength, 12);
  return Buffer.concat([intro, ...index, ...store]);
}
