import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stat } from 'node:fs/promises';
import { InputError } from '@compose/errors';
import { CHECKSUM_ALGORITHMS, isChecksumAlgorithm, type ChecksumAlgorithm, type DigestOptions, type DigestResult } from './algorithms.js';
import { hashInThread } from './hash-in-thread.js';
import { hashInWorkers } from './hash-in-workers.js';

/** Below this size starting worker threads costs more than hashing on one core. */
export const THREADED_MIN_BYTES = 8 * 1024 * 1024;

const WORKER_URL = new URL('./digest-worker.js', import.meta.url);

/**
 * Computes several digests of a file while reading it once. Large files are hashed by one worker
 * thread per algorithm; small files, single algorithms and runs from TypeScript sources (where no
 * compiled worker module exists) hash on the calling thread.
 */
export async function computeDigests(file: string, algorithms: readonly ChecksumAlgorithm[], options: DigestOptions = {}): Promise<DigestResult> {
  const unique = validateAlgorithms(algorithms);
  const size = await statFile(file);
  if (size >= THREADED_MIN_BYTES && unique.length > 1 && isWorkerBuilt()) {
    return hashInWorkers(file, unique, WORKER_URL, options);
  }
  return hashInThread(file, unique, options);
}

/** True when the compiled worker module sits next to this one (false under vitest from sources). */
export function isWorkerBuilt(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

function validateAlgorithms(algorithms: readonly ChecksumAlgorithm[]): ChecksumAlgorithm[] {
  const unknown = algorithms.filter((algorithm) => !isChecksumAlgorithm(algorithm));
  if (unknown.length > 0) {
    throw new InputError('CHECKSUM_UNKNOWN_ALGORITHM', `unknown checksum algorithm ${unknown.join(', ')}`, {
      hint: `use one of ${CHECKSUM_ALGORITHMS.join(', ')}`,
    });
  }
  if (algorithms.length === 0) throw new InputError('CHECKSUM_NO_ALGORITHM', 'no checksum algorithm given');
  return [...new Set(algorithms)];
}

async function statFile(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InputError('CHECKSUM_NOT_A_FILE', `${file} is not a regular file`);
    return info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError('CHECKSUM_MISSING_FILE', `${file} does not exist`);
    throw error;
  }
}
