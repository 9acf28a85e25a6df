// A map keyed by three small non-negative integers (string ids, relation bits), kept in typed
// arrays: a JS Map would need a composite key, and one above 2^31 is a boxed heap number per
// lookup, which at distribution scale is millions of short-lived allocations.

export class TripleMap<T> {
  /** Per slot: a, b + 1 (0 marks an empty slot), c. */
  private keys = new Int32Array(3 << 12);
  private values: (T | undefined)[] = new Array<T | undefined>(1 << 12);
  private count = 0;

  get(a: number, b: number, c: number): T | undefined {
    const mask = this.values.length - 1;
    const keys = this.keys;
    for (let slot = hash(a, b, c) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      if (keys[at + 1] === 0) return undefined;
      if (keys[at] === a && keys[at + 1] === b + 1 && keys[at + 2] === c) return this.values[slot];
    }
  }

  set(a: number, b: number, c: number, value: T): void {
    if ((this.count + 1) * 2 > this.values.length) this.grow();
    const mask = this.values.length - 1;
    const keys = this.keys;
    for (let slot = hash(a, b, c) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      if (keys[at + 1] === 0) {
        keys[at] = a;
        keys[at + 1] = b + 1;
        keys[at + 2] = c;
        this.values[slot] = value;
        this.count++;
        return;
      }
      if (keys[at] === a && keys[at + 1] === b + 1 && keys[at + 2] === c) {
        this.values[slot] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Array<T | undefined>(values.length * 2);
    this.count = 0;
    for (let slot = 0; slot < values.length; slot++) {
      if (keys[slot * 3 + 1] !== 0) this.set(keys[slot * 3]!, keys[slot * 3 + 1]! - 1, keys[slot * 3 + 2]!, values[slot] as T);
    }
  }
}

function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}
