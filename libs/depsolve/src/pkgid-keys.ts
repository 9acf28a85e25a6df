// Matches filelists.xml packages to primary.xml packages by pkgid without keeping the pkgid
// strings: two 32-bit hashes per package (under 1 MiB for a distribution, against ~10 MiB of
// strings). Both files list packages in the same order in practice, so the next package in
// primary order is tried first and a hash map is built only for a repo that reorders them.

function hashPair(bytes: Uint8Array, start: number, end: number, out: Int32Array): void {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
  }
  out[0] = a;
  out[1] = b;
}

export class PkgidKeys {
  private keys = new Int32Array(1 << 14);
  private count = 0;
  private next = 0;
  private byKey?: Map<number, number[]>;
  private readonly pair = new Int32Array(2);

  /** Records the pkgid of the next package (ids are given in order: 0, 1, 2...). */
  push(bytes: Uint8Array, start: number, end: number): void {
    if (this.count * 2 + 2 > this.keys.length) {
      const bigger = new Int32Array(this.keys.length * 2);
      bigger.set(this.keys);
      this.keys = bigger;
    }
    hashPair(bytes, start, end, this.pair);
    this.keys[this.count * 2] = this.pair[0]!;
    this.keys[this.count * 2 + 1] = this.pair[1]!;
    this.count++;
  }

  pushText(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    this.push(bytes, 0, bytes.length);
  }

  /** The package with this pkgid not matched yet (filelists order), or -1. */
  take(bytes: Uint8Array, start: number, end: number): number {
    hashPair(bytes, start, end, this.pair);
    const [a, b] = this.pair as unknown as [number, number];
    if (!this.byKey && this.next < this.count && this.keys[this.next * 2] === a && this.keys[this.next * 2 + 1] === b) return this.next++;
    const byKey = (this.byKey ??= this.buildMap());
    const list = byKey.get(a);
    if (!list) return -1;
    const at = list.findIndex((pkg) => this.keys[pkg * 2 + 1] === b);
    return at < 0 ? -1 : list.splice(at, 1)[0]!;
  }

  takeText(text: string): number {
    const bytes = Buffer.from(text, 'utf8');
    return this.take(bytes, 0, bytes.length);
  }

  /** Packages not matched in order yet, by first hash (duplicated pkgids keep primary order). */
  private buildMap(): Map<number, number[]> {
    const map = new Map<number, number[]>();
    for (let pkg = this.next; pkg < this.count; pkg++) {
      const key = this.keys[pkg * 2]!;
      const list = map.get(key);
      if (list) list.push(pkg);
      else map.set(key, [pkg]);
    }
    return map;
  }
}
