// Worker-thread entry: parses one comps file for loadRepoComps (see comps-cache.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { parseCompsFile } from '@compose/comps';

try {
  parentPort?.postMessage({ ok: true, comps: await parseCompsFile((workerData as { file: string }).file) });
} catch {
  // The caller parses again on its own thread, which throws the error with all its details.
  parentPort?.postMessage({ ok: false });
}
