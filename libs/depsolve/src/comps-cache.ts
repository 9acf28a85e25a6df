// A repo's comps, cached next to its index as JSON: parsing comps XML costs more than
// reading a whole cached index, and the repomd.xml checksums pin the comps file too.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Comps } from '@compose/comps';
import { findRecord, parseRepomd } from '@compose/repodata';
import { readFile } from 'node:fs/promises';
import { cacheFileFor, readRepomdText, writeAtomically, type RepoIndexOptions } from './index-cache.js';

/** Bumped whenever the parsed Comps shape changes. */
const COMPS_FORMAT = 'depsolve-comps-1';

/** The repo's comps (undefined when repomd.xml lists no group file), from the cache when it holds them. */
export async function loadRepoComps(repoDir: string, options: RepoIndexOptions = {}): Promise<Comps | undefined> {
  const { file, bytes } = await readRepomdText(repoDir);
  const record = findRecord(parseRepomd(bytes.toString('utf8'), file, repoDir), 'group');
  if (!record) return undefined;
  const cacheFile = cacheFileFor(options.cacheDir, [COMPS_FORMAT, bytes], '.comps.json');
  if (cacheFile) {
    const cached = await readFile(cacheFile, 'utf8').then(parseCachedComps, () => undefined);
    if (cached) return cached;
  }
  const comps = await parseComps(path.join(repoDir, record.location));
  if (cacheFile) await writeAtomically(cacheFile, [Buffer.from(JSON.stringify(comps))]);
  return comps;
}

const WORKER = new URL('./comps-worker.js', import.meta.url);

/**
 * Parses comps on a worker thread when the built worker module exists: the XML parser behind
 * @compose/comps costs ~9 MiB to load plus the parse's garbage, all given back when the worker
 * exits, and the parse runs beside the index build instead of on its thread. A failure is
 * parsed again here, so the error carries its full details; so is a run from the sources (tests).
 */
async function parseComps(file: string): Promise<Comps> {
  if (existsSync(fileURLToPath(WORKER))) {
    const worker = new Worker(WORKER, { workerData: { file } });
    try {
      const message = await new Promise<{ ok: boolean; comps?: Comps }>((resolve) => {
        worker.once('message', resolve);
        worker.once('error', () => resolve({ ok: false }));
        worker.once('exit', () => resolve({ ok: false }));
      });
      if (message.ok && message.comps) return message.comps;
    } finally {
      await worker.terminate();
    }
  }
  const { parseCompsFile } = await import('@compose/comps');
  return parseCompsFile(file);
}

/** A truncated or foreign file is a miss, not an error: the comps are parsed again. */
function parseCachedComps(text: string): Comps | undefined {
  try {
    const value = JSON.parse(text) as Comps;
    return Array.isArray(value?.groups) && Array.isArray(value.langpacks) ? value : undefined;
  } catch {
    return undefined;
  }
}
