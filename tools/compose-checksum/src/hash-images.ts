import { stat } from 'node:fs/promises';
import path from 'node:path';
import { computeDigests, isWorkerBuilt, THREADED_MIN_BYTES, type ChecksumAlgorithm } from '@compose/checksum';
import { InputError, InterruptedError } from '@compose/errors';
import type { ImagePlacement } from '@compose/images';
import type { Logger } from '@compose/log';
import { runPool } from '@compose/pool';
import type { HashedImage } from './plan-files.js';
import { identifyFile, type KnownDigests } from './digest-reuse.js';

export interface HashImagesOptions {
  /** The compose/ directory image paths are relative to. */
  topDir: string;
  algorithms: readonly ChecksumAlgorithm[];
  /** Digests of files hashed before, by identifyFile(). */
  known?: ReadonlyMap<string, KnownDigests>;
  log: Logger;
  signal?: AbortSignal;
}

interface ImageFile {
  path: string;
  file: string;
  size: number;
  listedUnder: string[];
}

// Small images hash on the main thread; a few at once overlap their reads.
const SMALL_IMAGES_AT_ONCE = 4;

/**
 * Hashes every image file of images.json once (a source ISO listed under several arches is
 * read once). Every file is checked to exist before any is read, so a missing one stops the
 * phase before anything is written. Large images hash one at a time because each already
 * spreads its digests over the cores; small ones run a few at once.
 */
export async function hashImages(placements: readonly ImagePlacement[], options: HashImagesOptions): Promise<Map<string, HashedImage>> {
  const files = await locateImageFiles(placements, options.topDir);
  const usesAllCores = (image: ImageFile): boolean => image.size >= THREADED_MIN_BYTES && options.algorithms.length > 1 && isWorkerBuilt();
  const hashed = new Map<string, HashedImage>();
  let done = 0;
  const hashOne = async (image: ImageFile): Promise<void> => {
    if (options.signal?.aborted) throw new InterruptedError('abort');
    const started = performance.now();
    const fileId = await identifyFile(image.file);
    const known = options.known?.get(fileId);
    if (known && options.algorithms.every((algorithm) => known.checksums[algorithm])) {
      const digests = Object.fromEntries(options.algorithms.map((algorithm) => [algorithm, known.checksums[algorithm]!]));
      hashed.set(image.path, { path: image.path, size: image.size, digests, durationMs: Math.round(performance.now() - started), fileId, reusedFrom: known.composeDir });
      done++;
      options.log.debug(`[${done}/${files.length}] ${image.path}: digests of the same file taken from ${known.composeDir}`);
      return;
    }
    const result = await computeDigests(image.file, options.algorithms);
    const durationMs = Math.round(performance.now() - started);
    hashed.set(image.path, { path: image.path, size: result.size, digests: result.digests, durationMs, fileId });
    done++;
    options.log.info(`[${done}/${files.length}] ${image.path}: ${formatBytes(result.size)} in ${(durationMs / 1000).toFixed(2)} s (${options.algorithms.join(', ')})`);
  };
  await runPool(files.filter((image) => !usesAllCores(image)), SMALL_IMAGES_AT_ONCE, hashOne);
  await runPool(files.filter(usesAllCores), 1, hashOne);
  return hashed;
}

async function locateImageFiles(placements: readonly ImagePlacement[], topDir: string): Promise<ImageFile[]> {
  const byPath = new Map<string, ImageFile>();
  for (const { variant, arch, image } of placements) {
    const known = byPath.get(image.path);
    if (known) known.listedUnder.push(`${variant}.${arch}`);
    else byPath.set(image.path, { path: image.path, file: path.join(topDir, image.path), size: 0, listedUnder: [`${variant}.${arch}`] });
  }
  const problems: string[] = [];
  for (const image of byPath.values()) {
    try {
      const info = await stat(image.file);
      if (info.isFile()) image.size = info.size;
      else problems.push(`${image.file} (listed under ${image.listedUnder.join(', ')}) is not a regular file`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      problems.push(`${image.file} (listed under ${image.listedUnder.join(', ')}) does not exist`);
    }
  }
  if (problems.length > 0) {
    throw new InputError('CHECKSUM_MISSING_IMAGE', `images.json lists ${problems.length === 1 ? 'an image' : `${problems.length} images`} not in the compose: ${problems.join('; ')}`, {
      hint: 're-run compose-createiso so the images and images.json agree; nothing was written',
    });
  }
  return [...byPath.values()];
}

/** Every image file's `Variant.arch` keys, in images.json order. */
export function listPlacementKeys(placements: readonly ImagePlacement[]): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const { variant, arch, image } of placements) keys.set(image.path, [...(keys.get(image.path) ?? []), `${variant}.${arch}`]);
  return keys;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
