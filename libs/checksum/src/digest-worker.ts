// Worker-thread side of computeDigests: hashes every chunk the reader publishes in the shared
// ring with one algorithm, then posts the hex digest. Blocking Atomics.wait is fine here, the
// worker has nothing else to do.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { FINISHED, PUBLISHED, SIGNAL, SLOT_BYTES, SLOT_COUNT, lengthIndex, pendingIndex, type WorkerInput } from './ring-layout.js';

function hashPublishedChunks(input: WorkerInput): string {
  const hash = createHash(input.algorithm);
  const data = new Uint8Array(input.ring.data);
  const control = new Int32Array(input.ring.control);
  for (let sequence = 0; ; sequence++) {
    if (!waitForChunk(control, sequence)) break;
    const slot = sequence % SLOT_COUNT;
    const start = slot * SLOT_BYTES;
    hash.update(data.subarray(start, start + Atomics.load(control, lengthIndex(slot))));
    // Release the slot; the reader waits for the count to reach zero before refilling it.
    if (Atomics.sub(control, pendingIndex(slot), 1) === 1) Atomics.notify(control, pendingIndex(slot));
  }
  return hash.digest('hex');
}

/** Blocks until chunk `sequence` is published; false when the reader finished before it. */
function waitForChunk(control: Int32Array, sequence: number): boolean {
  for (;;) {
    // Read the signal first: a publish after this load changes it, so the wait cannot miss it.
    const signal = Atomics.load(control, SIGNAL);
    if (Atomics.load(control, PUBLISHED) > sequence) return true;
    if (Atomics.load(control, FINISHED) === 1) return false;
    Atomics.wait(control, SIGNAL, signal);
  }
}

parentPort?.postMessage(hashPublishedChunks(workerData as WorkerInput));
