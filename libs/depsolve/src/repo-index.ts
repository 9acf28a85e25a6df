// One repository's packages as parallel typed arrays over a string table: small in memory,
// written to disk and read back as one buffer without parsing.
import { StringTable } from './string-table.js';

/** Package flag bits. */
export const HAS_RUNTIME_FILES = 1;
export const NOSRC_LOCATION = 2;

/** The columns of a RepoIndex; string columns hold StringTable ids (-1: absent). */
export interface RepoIndexColumns {
  name: Int32Array;
  arch: Int32Array;
  epoch: Int32Array;
  version: Int32Array;
  release: Int32Array;
  sourcerpm: Int32Array;
  location: Int32Array;
  locationBase: Int32Array;
  flags: Uint8Array;
  /** Package i's dependencies are depStart[i]..depStart[i+1]: requires first, provides from provFrom[i]. */
  depStart: Int32Array;
  provFrom: Int32Array;
  depName: Int32Array;
  /** libsolv relation bits (GT 1, EQ 2, LT 4), 0 when unversioned. */
  depFlags: Uint8Array;
  /** "epoch\nversion\nrelease" as written, -1 when unversioned. */
  depEvr: Int32Array;
  /** Per string id: the packages providing it (CSR offsets and ids, ascending). */
  provOff: Int32Array;
  provIds: Int32Array;
  nameOff: Int32Array;
  nameIds: Int32Array;
  fileOff: Int32Array;
  fileIds: Int32Array;
}

const COLUMN_NAMES = [
  'name', 'arch', 'epoch', 'version', 'release', 'sourcerpm', 'location', 'locationBase', 'flags',
  'depStart', 'provFrom', 'depName', 'depFlags', 'depEvr', 'provOff', 'provIds', 'nameOff', 'nameIds', 'fileOff', 'fileIds',
] as const satisfies readonly (keyof RepoIndexColumns)[];

const MAGIC = 'CDSIDX02';
const INT32 = 1;
const UINT8 = 2;

export class RepoIndex {
  constructor(
    readonly strings: StringTable,
    readonly cols: RepoIndexColumns,
  ) {}

  get size(): number {
    return this.cols.name.length;
  }

  str(id: number): string {
    return this.strings.get(id);
  }

  /** Ids of the packages listing `key` (a string id) in the CSR `offsets`/`ids`, as a view. */
  static slice(offsets: Int32Array, ids: Int32Array, key: number): Int32Array {
    return ids.subarray(offsets[key]!, offsets[key + 1]!);
  }

  /** The whole index as one buffer: a header of section sizes, then 8-byte aligned sections. */
  serialize(): Buffer[] {
    const sections: (Int32Array | Uint8Array)[] = [this.strings.bytes, this.strings.offsets, this.strings.slots, ...COLUMN_NAMES.map((key) => this.cols[key])];
    const header = Buffer.alloc(align8(16 + sections.length * 8));
    header.write(MAGIC, 0, 'latin1');
    header.writeUInt32LE(sections.length, 8);
    const parts: Buffer[] = [header];
    sections.forEach((array, i) => {
      header.writeUInt32LE(array instanceof Int32Array ? INT32 : UINT8, 16 + i * 8);
      header.writeUInt32LE(array.length, 20 + i * 8);
      parts.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
      const pad = align8(array.byteLength) - array.byteLength;
      if (pad > 0) parts.push(Buffer.alloc(pad));
    });
    return parts;
  }

  /** Reads what `serialize` wrote; undefined when the buffer is not a complete index of this format. */
  static deserialize(data: Buffer): RepoIndex | undefined {
    if (data.length < 16 || data.toString('latin1', 0, 8) !== MAGIC) return undefined;
    const count = data.readUInt32LE(8);
    if (count !== COLUMN_NAMES.length + 3) return undefined;
    // Typed array views need aligned offsets; fs.readFile gives a fresh buffer, but be safe.
    const base = data.byteOffset % 8 === 0 ? data : Buffer.from(data);
    let at = align8(16 + count * 8);
    const arrays: (Int32Array | Uint8Array)[] = [];
    for (let i = 0; i < count; i++) {
      const kind = base.readUInt32LE(16 + i * 8);
      const length = base.readUInt32LE(20 + i * 8);
      const bytes = kind === INT32 ? length * 4 : length;
      if (at + bytes > base.length) return undefined;
      arrays.push(kind === INT32 ? new Int32Array(base.buffer, base.byteOffset + at, length) : new Uint8Array(base.buffer, base.byteOffset + at, length));
      at += align8(bytes);
    }
    const [bytes, offsets, slots, ...columns] = arrays;
    const cols = Object.fromEntries(COLUMN_NAMES.map((key, i) => [key, columns[i]])) as unknown as RepoIndexColumns;
    return new RepoIndex(new StringTable(bytes as Uint8Array, offsets as Int32Array, slots as Int32Array), cols);
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
