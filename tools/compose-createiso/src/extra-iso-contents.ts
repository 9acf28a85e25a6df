import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ComposeManifest } from '@compose/contracts';
import { getPackagesDir, getRepositoryDir, getWorkDir } from '@compose/compose-info';
import { collectGraftPoints, formatGraftPoints, type GraftPoints } from '@compose/iso';
import { fetchFromScm, type ScmDict } from '@compose/scm';
import { parseTreeinfo, renderTreeinfo, type TreeVariant } from '@compose/treeinfo';
import type { IsoJob } from './plan-isos.js';
import { toVariantRef } from './plan-isos.js';

/**
 * What goes on an extra ISO (Pungi's get_iso_contents): the boot files, then for the variant and
 * each included variant its packages and repodata under <uid>/ (and its extra files with
 * inherit_extra_files), then the ISO's own files: extra_files, media.repo, .discinfo and a
 * .treeinfo describing every variant on the disc. Returns the graft points file.
 */
export async function prepareExtraIso(job: IsoJob, compose: ComposeManifest, composeDir: string, extraFiles: unknown, signal?: AbortSignal): Promise<string> {
  const extra = job.extra!;
  await rm(extra.extraFilesDir, { recursive: true, force: true });
  await mkdir(extra.extraFilesDir, { recursive: true });
  for (const source of toSources(extraFiles)) {
    const target = path.join(extra.extraFilesDir, (source.target ?? '').replace(/^\/+/, ''));
    await fetchFromScm(source, target, { configDir: compose.config_dir, signal });
  }
  for (const name of ['media.repo', '.discinfo']) {
    await copyIfPresent(path.join(job.treeDir, name), path.join(extra.extraFilesDir, name));
  }
  await writeUnifiedTreeinfo(job, compose, path.join(extra.extraFilesDir, '.treeinfo'));
  const points: GraftPoints = new Map();
  if (job.bootTree) await collectGraftPoints([job.bootTree], points);
  for (const uid of [job.variant.uid, ...extra.includeVariants]) {
    const variant = compose.variants.find((v) => v.uid === uid)!;
    const ref = toVariantRef(variant);
    await graftUnder(points, uid, 'Packages', getPackagesDir(composeDir, ref, job.arch));
    await graftUnder(points, uid, 'repodata', path.join(getRepositoryDir(composeDir, ref, job.arch), 'repodata'));
    if (extra.inheritExtraFiles) await graftUnder(points, uid, '', path.join(getWorkDir(composeDir, job.arch), uid, 'extra-files'));
  }
  await collectGraftPoints([extra.extraFilesDir], points);
  const graftFile = `${extra.extraFilesDir}-graft-points`;
  await writeFile(graftFile, formatGraftPoints(points));
  return graftFile;
}

async function graftUnder(points: GraftPoints, uid: string, sub: string, dir: string): Promise<void> {
  const found = await collectGraftPoints([dir]);
  for (const [relative, file] of found) points.set(path.posix.join(uid, sub, relative), file);
}

/** Pungi's tweak_treeinfo: the variant's .treeinfo with every variant on the disc, paths under <uid>/. */
async function writeUnifiedTreeinfo(job: IsoJob, compose: ComposeManifest, target: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(path.join(job.treeDir, '.treeinfo'), 'utf8');
  } catch {
    return;
  }
  const data = parseTreeinfo(text, path.join(job.treeDir, '.treeinfo'));
  data.media = { discnum: 1, totaldiscs: 1 };
  for (const uid of job.extra!.includeVariants) {
    const variant = compose.variants.find((v) => v.uid === uid)!;
    if (data.variants.some((v) => v.uid === uid)) continue;
    const type = variant.type === 'optional' || variant.type === 'addon' ? variant.type : 'variant';
    data.variants.push({ id: variant.id, uid: variant.uid, name: variant.name, type, paths: {} });
  }
  for (const variant of data.variants) setPaths(variant);
  await writeFile(target, renderTreeinfo(data));
}

function setPaths(variant: TreeVariant): void {
  variant.paths = { ...variant.paths, packages: `${variant.uid}/Packages`, repository: variant.uid };
  delete variant.addons;
}

function toSources(value: unknown): ScmDict[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as ScmDict[];
}

async function copyIfPresent(from: string, to: string): Promise<void> {
  try {
    await copyFile(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
