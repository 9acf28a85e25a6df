// Builds a repo's RepoIndex, or reads it from an on-disk cache keyed by the repo's repomd.xml,
// whose checksums pin every metadata file: a changed repo gets a new key, never a stale index.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '@compose/errors';
import { parseRepomd, repomdPath } from '@compose/repodata';
import { RepoIndexBuilder } from './index-builder.js';
import { readRepoMetadata } from './primary-reader.js';
import { RepoIndex } from './repo-index.js';

/** Bumped whenever what the index holds or how it is laid out changes. */
const INDEX_FORMAT = 'depsolve-index-3';

export interface RepoIndexOptions {
  /** Where indexes are cached; null turns the cache off. Default: defaultCacheDir(). */
  cacheDir?: string | null;
  /** Verify metadata checksums while building (default true). */
  verify?: boolean;
  signal?: AbortSignal;
  /**
   * File paths to index besides those the repo's own packages require: what other loaded
   * repos require (loadRepos fills it in). Part of the cache key.
   */
  extraPaths?: readonly string[];
}

/** `$XDG_CACHE_HOME/compose/depsolve`, or `~/.cache/compose/depsolve`. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'compose', 'depsolve');
}

export async function readRepomdText(repoDir: string): Promise<{ file: string; bytes: Buffer }> {
  const file = repomdPath(repoDir);
  try {
    return { file, bytes: await readFile(file) };
  } catch (cause) {
    throw new InputError('REPODATA_NO_REPOMD', `cannot read ${file}: ${(cause as Error).message}`, {
      hint: 'the repo path must be an rpm-md repository (createrepo_c output with repodata/repomd.xml)',
      location: { file },
      cause,
    });
  }
}

/** Where a cache entry for `repomd` lives; null when caching is off. */
export function cacheFileFor(cacheDir: string | null | undefined, parts: readonly (string | Buffer)[], suffix: string): string | undefined {
  const dir = cacheDir === undefined ? defaultCacheDir() : cacheDir;
  if (!dir) return undefined;
  const hash = createHash('sha256');
  parts.forEach((part, i) => (i > 0 ? hash.update('\0') : hash).update(part));
  return path.join(dir, `${hash.digest('hex')}${suffix}`);
}

/** Loads one repository's index: from the cache when it holds this exact repomd.xml, else by reading the metadata. */
export async function loadRepoIndex(repoDir: string, options: RepoIndexOptions = {}): Promise<RepoIndex> {
  const { file, bytes } = await readRepomdText(repoDir);
  const cacheFile = cacheFileFor(options.cacheDir, [INDEX_FORMAT, bytes, ...(options.extraPaths ?? [])], '.idx');
  if (cacheFile) {
    const cached = await readFile(cacheFile).then(RepoIndex.deserialize, () => undefined);
    if (cached) return cached;
  }
  const builder = new RepoIndexBuilder();
  await readRepoMetadata(parseRepomd(bytes.toString('utf8'), file, repoDir), builder, options);
  const index = builder.finish();
  if (cacheFile) await writeAtomically(cacheFile, index.serialize());
  return index;
}

/**
 * Writes to a temporary file and renames it into place, so a reader sees either no file or a
 * whole one. A cache that cannot be written only costs speed, so failures are swallowed.
 */
export async function writeAtomically(file: string, parts: Buffer[]): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(temp, 'w');
    try {
      await handle.writev(parts);
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true });
  }
}
