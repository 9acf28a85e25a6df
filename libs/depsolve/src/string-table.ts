// Interned strings as one UTF-8 byte block plus offsets and an open-addressing hash table,
// so a repo index can be written to disk and mapped back without building a JS string per entry.

import { GrowableArray } from './growable-array.js';

const SCRATCH = Buffer.alloc(1 << 16);

/** FNV-1a over bytes; for ASCII text it equals the hash of its char codes. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

function slotCountFor(count: number): number {
  let size = 1024;
  while (size < count * 2) size *= 2;
  return size;
}

/** A frozen table: `get` decodes lazily (and remembers), `find` looks a text up without interning it. */
export class StringTable {
  private readonly text: Buffer;
  private readonly decoded: (string | undefined)[];

  constructor(
    readonly bytes: Uint8Array,
    readonly offsets: Int32Array,
    readonly slots: Int32Array,
  ) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.decoded = new Array<string | undefined>(offsets.length - 1);
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  /** The first byte of string `id`, -1 when it is empty. */
  firstByte(id: number): number {
    return this.offsets[id + 1]! > this.offsets[id]! ? this.bytes[this.offsets[id]!]! : -1;
  }

  get(id: number): string {
    let value = this.decoded[id];
    if (value === undefined) {
      value = this.text.toString('utf8', this.offsets[id]!, this.offsets[id + 1]!);
      this.decoded[id] = value;
    }
    return value;
  }

  /** The id of `text`, or -1 when no package mentions it. */
  find(text: string): number {
    const length = Buffer.byteLength(text);
    const scratch = length <= SCRATCH.length ? SCRATCH : Buffer.alloc(length);
    scratch.write(text, 0, 'utf8');
    return this.findBytes(scratch, 0, length);
  }

  findBytes(bytes: Uint8Array, start: number, end: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hashBytes(bytes, start, end) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      if (this.equals(entry - 1, bytes, start, end)) return entry - 1;
    }
  }

  private equals(id: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.offsets[id]!;
    if (this.offsets[id + 1]! - from !== end - start) return false;
    const own = this.bytes;
    for (let i = 0; i < end - start; i++) if (own[from + i] !== bytes[start + i]) return false;
    return true;
  }
}

/** Grows while a repo is read; `finish` turns it into a StringTable. */
export class StringTableBuilder {
  private readonly bytes = new GrowableArray(Uint8Array, 1 << 20);
  /** offsets.data[id] is where string id starts; offsets.length is count + 1. */
  private readonly offsets = new GrowableArray(Int32Array, 1 << 16);
  // Sized for a distribution-scale repo up front: every doubling rehashes all strings.
  private slots = new Int32Array(slotCountFor(1 << 19));

  constructor() {
    this.offsets.push(0);
  }

  intern(text: string): number {
    const length = Buffer.byteLength(text);
    const scratch = length <= SCRATCH.length ? SCRATCH : Buffer.alloc(length);
    scratch.write(text, 0, 'utf8');
    return this.internBytes(scratch, 0, length);
  }

  /** The id of `bytes[start, end)`, adding it when new. */
  internBytes(bytes: Uint8Array, start: number, end: number): number {
    const mask = this.slots.length - 1;
    let slot = hashBytes(bytes, start, end) & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.equals(entry - 1, bytes, start, end)) return entry - 1;
    }
    const id = this.append(bytes, start, end);
    this.slots[slot] = id + 1;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return id;
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  /** The id of `bytes[start, end)`, or -1 when it was never interned. */
  findBytes(bytes: Uint8Array, start: number, end: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hashBytes(bytes, start, end) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      if (this.equals(entry - 1, bytes, start, end)) return entry - 1;
    }
  }

  find(text: string): number {
    const length = Buffer.byteLength(text);
    const scratch = length <= SCRATCH.length ? SCRATCH : Buffer.alloc(length);
    scratch.write(text, 0, 'utf8');
    return this.findBytes(scratch, 0, length);
  }

  /** The first byte of string `id`, -1 when it is empty. */
  firstByte(id: number): number {
    const offsets = this.offsets.data;
    return offsets[id + 1]! > offsets[id]! ? this.bytes.data[offsets[id]!]! : -1;
  }

  /** Decodes an interned string (rarely needed while building). */
  text(id: number): string {
    const offsets = this.offsets.data;
    return Buffer.from(this.bytes.data.subarray(offsets[id]!, offsets[id + 1]!)).toString('utf8');
  }

  /** The frozen table; this builder is left empty. */
  finish(): StringTable {
    return new StringTable(this.bytes.take(), this.offsets.take(), this.slots);
  }

  private append(bytes: Uint8Array, start: number, end: number): number {
    const used = this.bytes.length;
    this.bytes.reserve(used + end - start);
    const own = this.bytes.data;
    let at = used;
    // Strings are short: a loop beats set() on a fresh subarray.
    for (let i = start; i < end; i++) own[at++] = bytes[i]!;
    this.bytes.length = at;
    const id = this.size;
    this.offsets.push(at);
    return id;
  }

  private equals(id: number, bytes: Uint8Array, start: number, end: number): boolean {
    const offsets = this.offsets.data;
    const from = offsets[id]!;
    if (offsets[id + 1]! - from !== end - start) return false;
    const own = this.bytes.data;
    for (let i = 0; i < end - start; i++) if (own[from + i] !== bytes[start + i]) return false;
    return true;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    const offsets = this.offsets.data;
    const own = this.bytes.data;
    for (let id = 0; id < this.size; id++) {
      let slot = hashBytes(own, offsets[id]!, offsets[id + 1]!) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}
