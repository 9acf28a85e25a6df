import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { ChecksumManifest, ComposeManifest } from '@compose/contracts';
import { getComposeTreeDir } from '@compose/compose-info';
import { InputError } from '@compose/errors';
import { listImages, writeImages, type ImagesDocument } from '@compose/images';
import type { Logger } from '@compose/log';
import { writeFileAtomic } from '@compose/manifest';
import { formatBaseFilename, readChecksumSettings } from './checksum-config.js';
import { hashImages, listPlacementKeys } from './hash-images.js';
import { planChecksumFiles } from './plan-files.js';
import { readKnownDigests } from './digest-reuse.js';

export interface ChecksumRunOptions {
  composeDir: string;
  log: Logger;
  signal?: AbortSignal;
  /** The manifest of an earlier run: its checksum files that this run does not write are removed, its digests of unchanged files reused. */
  previous?: ChecksumManifest;
  /** Target dirs of earlier composes: digests of the same image files (hard links) are taken over. */
  oldComposes?: readonly string[];
}

export interface ChecksumRunResult {
  manifest: ChecksumManifest;
  /** images.json with every image's checksums filled in (also written into the compose). */
  document: ImagesDocument;
  /** Where images.json was written. */
  imagesJson: string;
}

/**
 * The image_checksum phase: hashes every image of images.json once with media_checksums,
 * writes the checksum files Pungi writes and the digests back into images.json. Everything is
 * computed before the first write, so bad input (a missing image, a bad template) leaves the
 * compose as it was; each file is replaced atomically.
 */
export async function runChecksumPhase(compose: ComposeManifest, document: ImagesDocument, options: ChecksumRunOptions): Promise<ChecksumRunResult> {
  const started = performance.now();
  const settings = readChecksumSettings(compose);
  checkSameCompose(compose, document);
  const topDir = getComposeTreeDir(options.composeDir);
  const placements = listImages(document);
  const baseFilenameOf = (variant: string, arch: string, dirname?: string): string => formatBaseFilename(settings, compose, variant, arch, dirname);
  // Expand the templates before the long hashing, so a typo fails in a second, not after an hour.
  for (const { variant, arch, image } of placements) baseFilenameOf(variant, arch, settings.oneFile ? path.posix.basename(path.posix.dirname(image.path)) : undefined);

  const known = await readKnownDigests(options.oldComposes ?? [], compose, options.composeDir, options.previous, options.log);
  const hashed = await hashImages(placements, { topDir, algorithms: settings.algorithms, known, log: options.log, signal: options.signal });
  const reused = [...hashed.values()].filter((image) => image.reusedFrom);
  if (reused.length) options.log.info(`checksum: digests of ${reused.length} of ${hashed.size} images taken over from ${[...new Set(reused.map((image) => image.reusedFrom))].join(', ')} (same files)`);
  const hashedAt = performance.now();
  const planned = planChecksumFiles(placements, hashed, settings, baseFilenameOf);
  for (const { image } of placements) {
    const digests = hashed.get(image.path)!.digests;
    image.checksums = Object.fromEntries(settings.algorithms.map((algorithm) => [algorithm, digests[algorithm]!]));
  }

  for (const { file, text } of planned) await writeFileAtomic(path.join(topDir, file), text);
  const written = new Set(planned.map(({ file }) => file));
  const removed = (options.previous?.files ?? []).filter((file) => !written.has(file) && isInsideTree(file));
  for (const file of removed) await rm(path.join(topDir, file), { force: true });
  const imagesJson = await writeImages(options.composeDir, document);
  const finished = performance.now();

  const keys = listPlacementKeys(placements);
  const manifest: ChecksumManifest = {
    compose_id: compose.compose_id,
    algorithms: settings.algorithms,
    one_file: settings.oneFile,
    base_filename: settings.baseFilename,
    images: [...hashed.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((image) => ({
      path: image.path,
      listed_under: keys.get(image.path) ?? [],
      size: image.size,
      checksums: Object.fromEntries(settings.algorithms.map((algorithm) => [algorithm, image.digests[algorithm]!])),
      duration_ms: image.durationMs,
      ...(image.fileId ? { file_id: image.fileId } : {}),
      reused_from: image.reusedFrom ?? null,
    })),
    files: [...written].sort(),
    removed_files: removed,
    timings_ms: {
      hash: Math.round(hashedAt - started),
      write: Math.round(finished - hashedAt),
      total: Math.round(finished - started),
    },
  };
  return { manifest, document, imagesJson };
}

function checkSameCompose(compose: ComposeManifest, document: ImagesDocument): void {
  const id = document.payload.compose?.id;
  if (id !== compose.compose_id) {
    throw new InputError('CHECKSUM_OTHER_COMPOSE', `images.json belongs to compose ${JSON.stringify(id)}, not to ${compose.compose_id}`, {
      hint: 'pass the images.json of this compose (compose/metadata/images.json, written by compose-createiso)',
    });
  }
}

// A manifest names files relative to compose/; never delete anything outside it.
function isInsideTree(file: string): boolean {
  const normalized = path.posix.normalize(file);
  return !path.posix.isAbsolute(normalized) && !normalized.startsWith('../') && normalized !== '..';
}
