// Typed arrays that grow while an index is built, on resizable ArrayBuffers: growing happens in
// place, so it leaves no dead copy behind (a dead ArrayBuffer waits for a full GC, and doubling
// a distribution's columns would leave tens of MiB of them at the build's peak), and `take`
// hands out an exact plain copy while giving the pages back at once.

type TypedArray = Int32Array | Uint8Array;
interface ResizableBuffer extends ArrayBuffer {
  resize(byteLength: number): void;
}
type ResizableConstructor = new (byteLength: number, options: { maxByteLength: number }) => ResizableBuffer;

const RESIZABLE = typeof (ArrayBuffer.prototype as Partial<ResizableBuffer>).resize === 'function';
/** Address space reserved per array (not memory): far above any repo's needs. */
const MAX_BYTES = 1 << 30;

/** A resizable buffer, or undefined where the address space cannot be reserved (plain arrays then). */
function resizableBuffer(byteLength: number): ResizableBuffer | undefined {
  try {
    return new (ArrayBuffer as unknown as ResizableConstructor)(byteLength, { maxByteLength: MAX_BYTES });
  } catch {
    return undefined;
  }
}

export class GrowableArray<T extends TypedArray> {
  /** Elements in use; `data` may be longer. */
  length = 0;
  /** The storage, valid until the next push or reserve (a plain array is replaced when it grows). */
  data: T;
  private readonly buffer: ResizableBuffer | undefined;
  private readonly bytesPer: number;

  constructor(
    private readonly kind: { new (length: number): T; new (buffer: ArrayBuffer): T; readonly BYTES_PER_ELEMENT: number },
    initial: number,
  ) {
    this.bytesPer = kind.BYTES_PER_ELEMENT;
    this.buffer = RESIZABLE ? resizableBuffer(initial * this.bytesPer) : undefined;
    // A length-tracking view on a resizable buffer follows every resize.
    this.data = this.buffer ? new kind(this.buffer) : new kind(initial);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Room for at least `needed` elements (doubling). */
  reserve(needed: number): void {
    if (needed <= this.data.length) return;
    let size = Math.max(this.data.length * 2, 1024);
    while (size < needed) size *= 2;
    if (this.buffer) {
      if (size * this.bytesPer > MAX_BYTES) size = Math.max(needed, Math.floor(MAX_BYTES / this.bytesPer));
      this.buffer.resize(size * this.bytesPer);
      return;
    }
    const bigger = new this.kind(size);
    bigger.set(this.data);
    this.data = bigger;
  }

  /** Drops the elements and gives the storage back now rather than at the next full GC. */
  release(): void {
    this.length = 0;
    if (this.buffer) this.buffer.resize(0);
    else this.data = new this.kind(0);
  }

  /** The elements as an exact plain array; the storage is released and the array left empty. */
  take(): T {
    const out = new this.kind(this.length);
    out.set(this.data.subarray(0, this.length));
    this.release();
    return out;
  }
}
