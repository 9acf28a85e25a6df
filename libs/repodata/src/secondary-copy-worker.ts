// Worker-thread entry: copies filelists.xml and other.xml for writeFilteredRepo.
import { parentPort, workerData } from 'node:worker_threads';
import type { ComposeError } from '@compose/errors';
import { copySecondaryRecordsInline, type SecondaryCopyJob } from './write-filtered-repo.js';

try {
  const records = await copySecondaryRecordsInline(workerData as SecondaryCopyJob);
  parentPort?.postMessage({ ok: true, records });
} catch (error) {
  const e = error as Partial<ComposeError> & Error;
  parentPort?.postMessage({ ok: false, error: { code: e.code, message: e.message, hint: e.hint, file: e.location?.file } });
}
