/**
 * Maps the element and attribute names an rpm-md parser cares about to small integer ids,
 * straight from the bytes: the scanner meets millions of tags and allocating a string for
 * each name just to compare it would dominate the parse.
 */
export class NameTable {
  /** Indexed by length and first byte: the candidate's id, or -1. */
  private readonly firstCandidate: Int16Array;
  /** Names sharing a length and first byte with an earlier one (rare), by id. */
  private readonly collisions = new Map<number, number[]>();
  private readonly names: Uint8Array[];

  /** `names[i]` gets id `i`; names are at most 31 bytes. */
  constructor(names: readonly string[]) {
    this.names = names.map((name) => Buffer.from(name, 'latin1'));
    this.firstCandidate = new Int16Array(32 * 256).fill(-1);
    this.names.forEach((bytes, id) => {
      if (bytes.length >= 32 || bytes.length === 0) throw new Error(`name too long for NameTable: ${names[id]}`);
      const slot = (bytes.length << 8) | bytes[0]!;
      const first = this.firstCandidate[slot]!;
      if (first < 0) this.firstCandidate[slot] = id;
      else this.collisions.set(slot, [...(this.collisions.get(slot) ?? [first]), id]);
    });
  }

  /** The id of the name in `buf[start, end)`, or -1 when it is not in the table. */
  lookup(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (len >= 32 || len <= 0) return -1;
    const slot = (len << 8) | buf[start]!;
    const id = this.firstCandidate[slot]!;
    if (id < 0) return -1;
    if (this.matches(id, buf, start)) return id;
    for (const other of this.collisions.get(slot) ?? []) if (other !== id && this.matches(other, buf, start)) return other;
    return -1;
  }

  private matches(id: number, buf: Uint8Array, start: number): boolean {
    const bytes = this.names[id]!;
    for (let i = 1; i < bytes.length; i++) if (bytes[i] !== buf[start + i]) return false;
    return true;
  }
}
