import { InputError } from '@compose/errors';
import { HEADER_TYPE } from './rpm-tags.js';

/** One index entry of a header: where the tag's value lives in the data store. */
export interface HeaderEntry {
  tag: number;
  type: number;
  offset: number;
  count: number;
}

/** A parsed header structure (signature or main header) and the bytes its values live in. */
export interface HeaderSection {
  /** File offset of the 8-byte magic that opens the section. */
  start: number;
  /** File offset just past the data store (before any alignment padding). */
  end: number;
  entries: Map<number, HeaderEntry>;
  /** The data store; entry offsets are relative to it. */
  store: Buffer;
}

export const HEADER_MAGIC = Buffer.from([0x8e, 0xad, 0xe8, 0x01]);
/** Magic, 4 reserved bytes, index entry count, data store length. */
export const HEADER_INTRO_SIZE = 16;
const ENTRY_SIZE = 16;
// rpm refuses headers beyond these limits too; they keep a corrupt count from asking for gigabytes.
const MAX_ENTRIES = 0xffff;
const MAX_STORE_BYTES = 256 * 1024 * 1024;

/**
 * Reads the intro of a header section at `start` and returns how many bytes the whole section
 * (intro, index, data store) occupies, so the caller knows how much of the file to read.
 */
export function measureHeaderSection(bytes: Buffer, start: number, file: string, what: string): number {
  const magic = bytes.subarray(start, start + 3);
  if (!magic.equals(HEADER_MAGIC.subarray(0, 3))) {
    throw new InputError('RPM_BAD_HEADER', `${file}: ${what} does not start with the header magic 8e ad e8 (found ${magic.toString('hex') || 'nothing'} at byte ${start})`, {
      location: { file },
      hint: 'the file is not an RPM package or is corrupt',
    });
  }
  const entryCount = bytes.readUInt32BE(start + 8);
  const storeSize = bytes.readUInt32BE(start + 12);
  if (entryCount === 0 || entryCount > MAX_ENTRIES || storeSize > MAX_STORE_BYTES) {
    throw new InputError('RPM_BAD_HEADER', `${file}: ${what} declares ${entryCount} entries and ${storeSize} data bytes, outside rpm's limits`, { location: { file } });
  }
  return HEADER_INTRO_SIZE + entryCount * ENTRY_SIZE + storeSize;
}

/** Parses a header section whose bytes are fully present in `bytes` (checked by the caller). */
export function parseHeaderSection(bytes: Buffer, start: number, file: string, what: string): HeaderSection {
  const size = measureHeaderSection(bytes, start, file, what);
  const entryCount = bytes.readUInt32BE(start + 8);
  const indexStart = start + HEADER_INTRO_SIZE;
  const storeStart = indexStart + entryCount * ENTRY_SIZE;
  const store = bytes.subarray(storeStart, start + size);
  const entries = new Map<number, HeaderEntry>();
  for (let i = 0; i < entryCount; i++) {
    const at = indexStart + i * ENTRY_SIZE;
    const entry = {
      tag: bytes.readUInt32BE(at),
      type: bytes.readUInt32BE(at + 4),
      offset: bytes.readInt32BE(at + 8),
      count: bytes.readUInt32BE(at + 12),
    };
    if (entry.offset < 0 || entry.offset >= store.length) {
      throw new InputError('RPM_BAD_HEADER', `${file}: ${what} entry ${i} (tag ${entry.tag}) points at offset ${entry.offset}, outside its ${store.length}-byte data store`, {
        location: { file },
        hint: 'the header index is out of range: the file is corrupt',
      });
    }
    // The first occurrence wins, as in rpm's header lookup.
    if (!entries.has(entry.tag)) entries.set(entry.tag, entry);
  }
  return { start, end: start + size, entries, store };
}

/** Raised by the value readers; the caller names the file. */
class HeaderValueError extends Error {}

function fail(entry: HeaderEntry, why: string): never {
  throw new HeaderValueError(`tag ${entry.tag} ${why}`);
}

function readCString(section: HeaderSection, entry: HeaderEntry, from: number): [string, number] {
  const nul = section.store.indexOf(0, from);
  if (nul < 0) fail(entry, 'has a string that runs past the end of the data store');
  return [section.store.toString('utf8', from, nul), nul + 1];
}

/** All strings of a STRING, STRING_ARRAY or I18NSTRING entry (for I18N the first is the C locale). */
export function readStrings(section: HeaderSection, tag: number): string[] | undefined {
  const entry = section.entries.get(tag);
  if (!entry) return undefined;
  if (entry.type === HEADER_TYPE.STRING) return [readCString(section, entry, entry.offset)[0]];
  if (entry.type !== HEADER_TYPE.STRING_ARRAY && entry.type !== HEADER_TYPE.I18NSTRING) fail(entry, `has type ${entry.type}, expected a string type`);
  const values: string[] = [];
  let at = entry.offset;
  for (let i = 0; i < entry.count; i++) {
    const [value, next] = readCString(section, entry, at);
    values.push(value);
    at = next;
  }
  return values;
}

export function readString(section: HeaderSection, tag: number): string | undefined {
  return readStrings(section, tag)?.[0];
}

/** The first value of an integer entry of any width. */
export function readNumber(section: HeaderSection, tag: number): number | undefined {
  const entry = section.entries.get(tag);
  if (!entry || entry.count === 0) return undefined;
  const widths: Record<number, number> = { [HEADER_TYPE.CHAR]: 1, [HEADER_TYPE.INT8]: 1, [HEADER_TYPE.INT16]: 2, [HEADER_TYPE.INT32]: 4, [HEADER_TYPE.INT64]: 8 };
  const width = widths[entry.type];
  if (width === undefined) fail(entry, `has type ${entry.type}, expected an integer type`);
  if (entry.offset + width > section.store.length) fail(entry, 'runs past the end of the data store');
  const store = section.store;
  if (width === 8) return Number(store.readBigUInt64BE(entry.offset));
  return store.readUIntBE(entry.offset, width);
}

/** The bytes of a BIN entry. */
export function readBytes(section: HeaderSection, tag: number): Buffer | undefined {
  const entry = section.entries.get(tag);
  if (!entry) return undefined;
  if (entry.type !== HEADER_TYPE.BIN) fail(entry, `has type ${entry.type}, expected binary data`);
  if (entry.offset + entry.count > section.store.length) fail(entry, 'runs past the end of the data store');
  return section.store.subarray(entry.offset, entry.offset + entry.count);
}

/** Runs the value readers and turns their complaints into an InputError naming the file. */
export function withHeaderValues<T>(file: string, what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof HeaderValueError)) throw error;
    throw new InputError('RPM_BAD_HEADER', `${file}: ${what} ${error.message}`, { location: { file }, hint: 'the file is corrupt' });
  }
}
