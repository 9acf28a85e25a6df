import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { ChecksumAlgorithm, DigestOptions, DigestResult } from './algorithms.js';

const CHUNK_BYTES = 1024 * 1024;

/**
 * Hashes the file on the calling thread, one read feeding every hash. Used for small files,
 * where starting workers costs more than it saves, and when the worker module is not built.
 */
export async function hashInThread(file: string, algorithms: readonly ChecksumAlgorithm[], options: DigestOptions = {}): Promise<DigestResult> {
  const hashes = algorithms.map((algorithm): [ChecksumAlgorithm, Hash] => [algorithm, createHash(algorithm)]);
  const handle = await open(file, 'r');
  try {
    const totalBytes = (await handle.stat()).size;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, size);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      for (const [, hash] of hashes) hash.update(chunk);
      size += bytesRead;
      options.onProgress?.(size, totalBytes);
    }
    return { size, digests: Object.fromEntries(hashes.map(([algorithm, hash]) => [algorithm, hash.digest('hex')])) };
  } finally {
    await handle.close();
  }
}
