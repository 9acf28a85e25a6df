// --old-composes: the result of an older finished compose whose gather inputs digest equals this
// compose's is taken over instead of solving again; the trees are linked anew per link_type.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProductmdJson, getMetadataPath } from '@compose/compose-info';
import { GATHER_MANIFEST, GATHER_RUN_MANIFEST, type ComposeManifest, type GatherManifest, type GatherRunManifest } from '@compose/contracts';
import type { Logger } from '@compose/log';
import { parseManifest, writeFileAtomic } from '@compose/manifest';
import type { GatherDigest } from './inputs-digest.js';
import { requireLocalFile } from './link-packages.js';
import type { PackageSet } from './package-set.js';

export interface ReusableGather {
  composeDir: string;
  run: GatherRunManifest;
}

// A phase writes its manifest last and atomically, so the manifest being there means the phase
// finished, even in a compose stopped (TERMINATED) or failed (DOOMED) in a later phase: a rerun
// after Ctrl-C takes over what was done. A STARTED compose may still be running and is skipped.
const REUSABLE_STATUSES = new Set(['FINISHED', 'FINISHED_INCOMPLETE', 'TERMINATED', 'DOOMED']);

/** Compose dirs among `oldComposes` (target dirs, or compose dirs themselves) of the same release, newest first. */
async function listCandidates(oldComposes: readonly string[], compose: ComposeManifest, composeDir: string): Promise<string[]> {
  const prefix = `${compose.release.short}-${compose.release.version}-`;
  const candidates = new Set<string>();
  for (const dir of oldComposes) {
    if (existsSync(path.join(dir, 'COMPOSE_ID'))) candidates.add(path.resolve(dir));
    else if (existsSync(dir)) for (const entry of await readdir(dir)) candidates.add(path.resolve(dir, entry));
  }
  candidates.delete(path.resolve(composeDir));
  return [...candidates].filter((d) => path.basename(d).startsWith(prefix)).sort().reverse();
}

/** The newest FINISHED(_INCOMPLETE) compose whose gather ran on identical inputs. */
export async function findReusableGather(oldComposes: readonly string[], compose: ComposeManifest, composeDir: string, digest: GatherDigest, log: Logger): Promise<ReusableGather | undefined> {
  for (const dir of await listCandidates(oldComposes, compose, composeDir)) {
    const status = (await readFile(path.join(dir, 'STATUS'), 'utf8').catch(() => '')).trim();
    if (!REUSABLE_STATUSES.has(status)) {
      log.debug(`${dir}: status ${status || 'unknown'}, not reused`);
      continue;
    }
    const file = path.join(dir, 'work', 'global', 'gather.json');
    if (!existsSync(file)) continue;
    try {
      const run = parseManifest<GatherRunManifest>(await readFile(file, 'utf8'), file, GATHER_RUN_MANIFEST);
      if (run.inputs_digest === digest.digest) return { composeDir: dir, run };
      const changed = Object.keys(digest.parts).filter((k) => run.inputs[k] !== digest.parts[k]);
      log.info(`not reusing gather of ${dir}: changed ${changed.length > 0 ? changed.join(', ') : 'digest rules'}`);
    } catch (error) {
      log.warn(`${file}: ignored for reuse: ${(error as Error).message}`);
    }
  }
  return undefined;
}

/** The old compose's gather manifests for this compose: its compose id and this package set's files. */
export async function retargetManifests(reusable: ReusableGather, compose: ComposeManifest, composeDir: string, pkgset: PackageSet): Promise<{ file: string; manifest: GatherManifest }[]> {
  const result: { file: string; manifest: GatherManifest }[] = [];
  for (const relative of reusable.run.manifests) {
    const old = path.join(reusable.composeDir, relative);
    const manifest = parseManifest<GatherManifest>(await readFile(old, 'utf8'), old, GATHER_MANIFEST);
    const packages = pkgset.packagesOf(manifest.arch);
    result.push({
      file: path.join(composeDir, relative),
      manifest: {
        ...manifest,
        compose_id: compose.compose_id,
        packages: manifest.packages.map((p) => ({ ...p, source_path: requireLocalFile(packages.get(p.file), p.file) })),
      },
    });
  }
  return result;
}

/** The old rpms.json with this compose's `compose` block (id, date, respin, type). */
export async function copyRpmsMetadata(reusable: ReusableGather, compose: ComposeManifest, composeDir: string): Promise<string> {
  const data = JSON.parse(await readFile(path.join(reusable.composeDir, reusable.run.rpms_json), 'utf8')) as { payload: { compose: unknown } };
  data.payload.compose = { date: compose.date, id: compose.compose_id, respin: compose.respin, type: compose.type };
  const file = getMetadataPath(composeDir, 'rpms.json');
  await writeFileAtomic(file, formatProductmdJson(data, 4));
  return file;
}
