// Layout of the shared ring between the reading thread and the digest workers. Both sides import
// it, so the worker module stays free of anything but node built-ins.

/** Bytes per ring slot: big enough that Atomics hand-offs cost nothing next to hashing. */
export const SLOT_BYTES = 4 * 1024 * 1024;
/** Slots in the ring: lets the reader run ahead while the slowest digest catches up. */
export const SLOT_COUNT = 8;

/** Int32 indexes of the control array. */
export const PUBLISHED = 0; // chunks made available so far (monotonic)
export const FINISHED = 1; // 1 once the reader has published the last chunk
/** Bumped on every publish and on finish; workers sleep on it so no wake-up is lost. */
export const SIGNAL = 2;
const LENGTHS = 3; // SLOT_COUNT entries: byte length of each slot's chunk
const PENDING = LENGTHS + SLOT_COUNT; // SLOT_COUNT entries: workers still hashing each slot

export const CONTROL_INTS = PENDING + SLOT_COUNT;

export function lengthIndex(slot: number): number {
  return LENGTHS + slot;
}

export function pendingIndex(slot: number): number {
  return PENDING + slot;
}

export interface RingBuffers {
  data: SharedArrayBuffer;
  control: SharedArrayBuffer;
}

export function createRing(): RingBuffers {
  return {
    data: new SharedArrayBuffer(SLOT_BYTES * SLOT_COUNT),
    control: new SharedArrayBuffer(CONTROL_INTS * Int32Array.BYTES_PER_ELEMENT),
  };
}

/** What a worker receives as workerData. */
export interface WorkerInput {
  algorithm: string;
  ring: RingBuffers;
}
