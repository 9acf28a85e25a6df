// Interned strings as one UTF-8 byte block plus offsets and an open-addressing hash table,
// so a repo index can be written to disk and mapped back without building a JS string per entry.

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

/** Grows while a repo is read; `finish` trims it into a StringTable. */
export class StringTableBuilder {
  private bytes = new Uint8Array(1 << 20);
  private used = 0;
  private offsets = new Int32Array(1 << 16);
  private count = 0;
  // Sized for a distribution-scale repo up front: every doubling rehashes all strings.
  private slots = new Int32Array(slotCountFor(1 << 19));

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
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return id;
  }

  get size(): number {
    return this.count;
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
    return this.offsets[id + 1]! > this.offsets[id]! ? this.bytes[this.offsets[id]!]! : -1;
  }

  /** Decodes an interned string (rarely needed while building). */
  text(id: number): string {
    return Buffer.from(this.bytes.buffer, 0, this.used).toString('utf8', this.offsets[id]!, this.offsets[id + 1]!);
  }

  finish(): StringTable {
    return new StringTable(this.bytes.slice(0, this.used), this.offsets.slice(0, this.count + 1), this.slots);
  }

  private append(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (this.used + length > this.bytes.length) this.bytes = grow(this.bytes, this.used + length);
    const own = this.bytes;
    let at = this.used;
    // Strings are short: a loop beats set() on a fresh subarray.
    for (let i = start; i < end; i++) own[at++] = bytes[i]!;
    this.used = at;
    if (this.count + 2 > this.offsets.length) this.offsets = grow(this.offsets, this.count + 2);
    const id = this.count++;
    this.offsets[id + 1] = this.used;
    return id;
  }

  private equals(id: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.offsets[id]!;
    if (this.offsets[id + 1]! - from !== end - start) return false;
    const own = this.bytes;
    for (let i = 0; i < end - start; i++) if (own[from + i] !== bytes[start + i]) return false;
    return true;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = hashBytes(this.bytes, this.offsets[id]!, this.offsets[id + 1]!) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/** A copy of `array` with room for at least `needed` elements (doubling). */
export function grow<T extends Uint8Array | Int32Array>(array: T, needed: number): T {
  let size = array.length * 2;
  while (size < needed) size *= 2;
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}
