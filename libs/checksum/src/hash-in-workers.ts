import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { ChecksumAlgorithm, DigestOptions, DigestResult } from './algorithms.js';
import { FINISHED, PUBLISHED, SIGNAL, SLOT_BYTES, SLOT_COUNT, createRing, lengthIndex, pendingIndex, type WorkerInput } from './ring-layout.js';

/**
 * Reads the file once into a SharedArrayBuffer ring and lets one worker per algorithm hash each
 * chunk in place, so the digests run on all cores without copying the data per algorithm.
 */
export async function hashInWorkers(file: string, algorithms: readonly ChecksumAlgorithm[], workerUrl: URL, options: DigestOptions = {}): Promise<DigestResult> {
  const handle = await open(file, 'r');
  const ring = createRing();
  const workers = algorithms.map((algorithm) => startDigestWorker(workerUrl, { algorithm, ring }));
  try {
    const totalBytes = (await handle.stat()).size;
    const control = new Int32Array(ring.control);
    const data = new Uint8Array(ring.data);
    // A crashed worker never releases its slot; racing against it turns a hang into an error.
    const failure = Promise.race(workers.map((worker) => worker.digest.then(() => new Promise<never>(() => undefined))));
    failure.catch(() => undefined);
    let size = 0;
    for (let sequence = 0; ; sequence++) {
      const slot = sequence % SLOT_COUNT;
      await Promise.race([waitForFreeSlot(control, slot), failure]);
      const start = slot * SLOT_BYTES;
      const { bytesRead } = await handle.read(data, start, SLOT_BYTES, size);
      if (bytesRead === 0) break;
      Atomics.store(control, lengthIndex(slot), bytesRead);
      Atomics.store(control, pendingIndex(slot), workers.length);
      Atomics.add(control, PUBLISHED, 1);
      signalWorkers(control);
      size += bytesRead;
      options.onProgress?.(size, totalBytes);
    }
    Atomics.store(control, FINISHED, 1);
    signalWorkers(control);
    const hexes = await Promise.all(workers.map((worker) => worker.digest));
    return { size, digests: Object.fromEntries(algorithms.map((algorithm, index) => [algorithm, hexes[index]])) };
  } finally {
    // On a read error the workers are still waiting for chunks; they hold no resources worth a goodbye.
    for (const worker of workers) void worker.thread.terminate();
    await handle.close();
  }
}

interface DigestWorker {
  thread: Worker;
  digest: Promise<string>;
}

function startDigestWorker(workerUrl: URL, input: WorkerInput): DigestWorker {
  const thread = new Worker(workerUrl, { workerData: input });
  const digest = new Promise<string>((resolve, reject) => {
    thread.once('message', (hex: string) => resolve(hex));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`${input.algorithm} digest worker exited with code ${code} before answering`)));
  });
  // Reading may fail before the digest is awaited; keep that rejection from going unhandled.
  digest.catch(() => undefined);
  return { thread, digest };
}

// Atomics.waitAsync is in Node 16+ but only in TypeScript's ES2024 lib.
interface AtomicsWithWaitAsync {
  waitAsync(array: Int32Array, index: number, value: number): { value: Promise<string> | string };
}

function signalWorkers(control: Int32Array): void {
  Atomics.add(control, SIGNAL, 1);
  Atomics.notify(control, SIGNAL);
}

/** Resolves once every worker has released `slot`, without blocking the event loop. */
async function waitForFreeSlot(control: Int32Array, slot: number): Promise<void> {
  const index = pendingIndex(slot);
  for (;;) {
    const pending = Atomics.load(control, index);
    if (pending === 0) return;
    await (Atomics as unknown as AtomicsWithWaitAsync).waitAsync(control, index, pending).value;
  }
}
