import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PKGSET_MANIFEST, type ComposeManifest, type PkgsetManifest } from '@compose/contracts';
import type { Logger } from '@compose/log';
import { parseManifest } from '@compose/manifest';

export interface ReusableSet {
  composeDir: string;
  manifest: PkgsetManifest;
}

// A phase writes its manifest last and atomically, so the manifest being there means the phase
// finished, even in a compose stopped (TERMINATED) or failed (DOOMED) in a later phase: a rerun
// after Ctrl-C takes over what was done. A STARTED compose may still be running and is skipped.
const REUSABLE_STATUSES = new Set(['FINISHED', 'FINISHED_INCOMPLETE', 'TERMINATED', 'DOOMED']);

/**
 * The newest finished compose of the same release among `oldComposes` (target dirs, or compose
 * dirs themselves) whose package set was made from identical inputs (same inputs_digest).
 */
export async function findReusableSet(oldComposes: readonly string[], compose: ComposeManifest, digest: string, log: Logger): Promise<ReusableSet | undefined> {
  const prefix = `${compose.release.short}-${compose.release.version}`;
  const candidates: string[] = [];
  for (const dir of oldComposes) {
    if (existsSync(path.join(dir, 'COMPOSE_ID'))) candidates.push(path.resolve(dir));
    else if (existsSync(dir)) for (const entry of await readdir(dir)) candidates.push(path.resolve(dir, entry));
  }
  const sorted = candidates.filter((d) => path.basename(d).startsWith(`${prefix}-`)).sort().reverse();
  for (const dir of sorted) {
    const status = await readFile(path.join(dir, 'STATUS'), 'utf8').catch(() => '');
    if (!REUSABLE_STATUSES.has(status.trim())) continue;
    const file = path.join(dir, 'work', 'global', 'pkgset.json');
    if (!existsSync(file)) continue;
    try {
      const manifest = parseManifest<PkgsetManifest>(await readFile(file, 'utf8'), file, PKGSET_MANIFEST);
      if (manifest.inputs_digest === digest) return { composeDir: dir, manifest };
      log.debug(`${dir}: package set inputs differ, not reused`);
    } catch (error) {
      log.warn(`${file}: ignored for reuse: ${(error as Error).message}`);
    }
  }
  return undefined;
}

/** Hard-links the old compose's package-set repos into this compose and retargets the manifest. */
export async function reuseSet(reusable: ReusableSet, compose: ComposeManifest, composeDir: string, log: Logger): Promise<PkgsetManifest> {
  const old = reusable.composeDir;
  const dirs = new Set(Object.values(reusable.manifest.arch_repos).flat());
  for (const source of reusable.manifest.sources) if (source.repo_dir.startsWith(`${old}/`)) dirs.add(path.relative(old, source.repo_dir));
  for (const dir of dirs) await linkTree(path.join(old, dir), path.join(composeDir, dir));
  log.info(`package set reused from ${old} (inputs unchanged)`);
  return {
    ...reusable.manifest,
    compose_id: compose.compose_id,
    reused_from: old,
    sources: reusable.manifest.sources.map((s) => ({ ...s, repo_dir: s.repo_dir.startsWith(`${old}/`) ? path.join(composeDir, path.relative(old, s.repo_dir)) : s.repo_dir })),
  };
}

async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (!existsSync(target)) await link(source, target);
  }
}
