import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '@compose/errors';
import type { WrittenRecord } from './record-writer.js';
import type { SecondaryCopyJob } from './write-filtered-repo.js';

const WORKER = new URL('./secondary-copy-worker.js', import.meta.url);

/**
 * Runs the filelists/other copy in a worker thread when the compiled worker module exists
 * (the built library); from TypeScript sources (tests) it runs on this thread instead.
 */
export async function copySecondaryRecords(job: SecondaryCopyJob, signal?: AbortSignal): Promise<(WrittenRecord | undefined)[]> {
  if (!existsSync(fileURLToPath(WORKER))) {
    const { copySecondaryRecordsInline } = await import('./write-filtered-repo.js');
    return copySecondaryRecordsInline(job, signal);
  }
  const worker = new Worker(WORKER, { workerData: job });
  const stop = (): void => void worker.terminate();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    return await new Promise<(WrittenRecord | undefined)[]>((resolve, reject) => {
      worker.once('message', (message: { ok: true; records: (WrittenRecord | undefined)[] } | { ok: false; error: { code?: string; message: string; hint?: string; file?: string } }) => {
        if (message.ok) resolve(message.records);
        else reject(new InputError(message.error.code ?? 'REPODATA_COPY_FAILED', message.error.message, { hint: message.error.hint, location: message.error.file ? { file: message.error.file } : undefined }));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`repodata copy worker exited with code ${code}`))));
    });
  } finally {
    signal?.removeEventListener('abort', stop);
    await worker.terminate();
  }
}
