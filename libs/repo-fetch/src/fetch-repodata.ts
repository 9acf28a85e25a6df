import { readFile, mkdir, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { InputError } from '@compose/errors';
import { hashBytes } from './checksum.js';
import { transferBody, type TransferOptions } from './http-transfer.js';
import { downloadObject, hasObject, isExistingFile, linkObject, locateObject, storeObject } from './object-cache.js';
import { createProgressTracker, type ProgressListener } from './progress.js';
import { readRepomdRecords, type RepomdRecord } from './repomd-records.js';
import { displayUrl, hashRepoUrl, isLocalUrl, parseRepoUrl, resolveLocation, toLocalPath } from './repo-url.js';
import { runPool } from './run-pool.js';

export interface FetchRepodataOptions extends TransferOptions {
  cacheDir: string;
  /** Metadata files downloaded at once (default 4). */
  concurrency?: number;
  onProgress?: ProgressListener;
}

export interface FetchedRepodata {
  /** A local repo directory (contains repodata/repomd.xml) any rpm-md reader can open. */
  dir: string;
  /** sha256 of repomd.xml: identifies this exact state of the repo. */
  repomdChecksum: string;
}

const REPOMD = 'repodata/repomd.xml';
// repomd.xml is a few KiB; a server that keeps sending is not serving one.
const MAX_REPOMD_BYTES = 16 * 1024 * 1024;

/**
 * Mirrors a repo's metadata into the cache and returns a local directory for it. Local repos
 * (file:// or a path) are used in place. For remote ones repomd.xml is fetched every time (it is
 * how we learn the repo changed); the files it lists come from the checksum-keyed cache when
 * present and are downloaded and verified otherwise.
 */
export async function fetchRepodata(url: string, options: FetchRepodataOptions): Promise<FetchedRepodata> {
  const repo = parseRepoUrl(url);
  if (isLocalUrl(repo)) return openLocalRepodata(repo);
  const repomd = await downloadRepomd(repo, options);
  const repomdChecksum = hashBytes('sha256', repomd);
  const records = readRepomdRecords(repomd.toString('utf8'), displayUrl(new URL(REPOMD, repo)));
  const repoDir = path.join(options.cacheDir, 'repos', hashRepoUrl(repo), repomdChecksum);
  if (await isCompleteView(repoDir, records)) return { dir: repoDir, repomdChecksum };
  await downloadRecords(repo, records, options);
  await storeObject(options.cacheDir, { type: 'sha256', value: repomdChecksum }, repomd);
  await publishView(options.cacheDir, repoDir, repomdChecksum, records);
  return { dir: repoDir, repomdChecksum };
}

async function openLocalRepodata(repo: URL): Promise<FetchedRepodata> {
  const dir = toLocalPath(repo).replace(/\/+$/, '') || '/';
  let repomd: Buffer;
  try {
    repomd = await readFile(path.join(dir, REPOMD));
  } catch (cause) {
    throw describeMissingRepo(repo, cause);
  }
  const records = readRepomdRecords(repomd.toString('utf8'), path.join(dir, REPOMD));
  for (const record of records) {
    const file = resolveLocation(repo, record.href, record.base);
    if (!isLocalUrl(file) || !(await isExistingFile(toLocalPath(file)))) {
      throw new InputError('REPO_FILE_MISSING', `${path.join(dir, REPOMD)} lists ${record.href}, which is not a local file`, {
        hint: 'regenerate the repo metadata (createrepo_c) or fix the repo path',
      });
    }
  }
  return { dir, repomdChecksum: hashBytes('sha256', repomd) };
}

async function downloadRepomd(repo: URL, options: TransferOptions): Promise<Buffer> {
  const request = { url: new URL(REPOMD, repo), repo, describeNotFound: () => describeMissingRepo(repo) };
  return transferBody(request, options, async (chunks) => {
    const parts: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of chunks) {
      total += chunk.byteLength;
      if (total > MAX_REPOMD_BYTES) {
        throw new InputError('REPOMD_INVALID', `${displayUrl(request.url)} is larger than ${MAX_REPOMD_BYTES} bytes; not a repomd.xml`);
      }
      parts.push(chunk);
    }
    return Buffer.concat(parts);
  });
}

async function downloadRecords(repo: URL, records: RepomdRecord[], options: FetchRepodataOptions): Promise<void> {
  const plannedBytes = records.reduce((sum, record) => sum + (record.size ?? 0), 0);
  const progress = createProgressTracker('repodata', { files: records.length, bytes: plannedBytes }, options.onProgress);
  await runPool(records, options.concurrency ?? 4, options.signal, async (record, signal) => {
    progress.startFile(record.href);
    let received = 0;
    if (await hasObject(options.cacheDir, record.checksum)) {
      progress.addBytes(record.size ?? 0);
    } else {
      const url = resolveLocation(repo, record.href, record.base);
      const onBytes = (delta: number): void => {
        received += delta;
        progress.addBytes(delta);
      };
      const describeNotFound = (): InputError =>
        new InputError('REPO_FILE_MISSING', `${displayUrl(url)} is listed in repomd.xml but not found (HTTP 404)`, {
          hint: 'the mirror may be mid-sync; retry later or use another mirror',
        });
      const request = { url, repo, describeNotFound, checksum: record.checksum, what: record.href, onBytes, ...sizeOf(record) };
      await downloadObject(options.cacheDir, request, { ...options, signal });
    }
    progress.finishFile(record.href, record.size === undefined ? received : 0);
  });
}

function sizeOf(record: RepomdRecord): { size?: number } {
  return record.size === undefined ? {} : { size: record.size };
}

/** A view made by publishView is complete by construction; only pruned objects can break it. */
async function isCompleteView(repoDir: string, records: RepomdRecord[]): Promise<boolean> {
  const files = [REPOMD, ...records.map((record) => record.href)];
  for (const file of files) if (!(await isExistingFile(path.join(repoDir, file)))) return false;
  return true;
}

/**
 * Builds the repo view in a temp directory and renames it into place, so a concurrent reader
 * (or a second fetch of the same repo) never sees a view with files missing.
 */
async function publishView(cacheDir: string, repoDir: string, repomdChecksum: string, records: RepomdRecord[]): Promise<void> {
  const temp = `${repoDir}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(temp, { recursive: true });
    await linkObject(locateObject(cacheDir, { type: 'sha256', value: repomdChecksum }), path.join(temp, REPOMD));
    for (const record of records) await linkObject(locateObject(cacheDir, record.checksum), path.join(temp, record.href));
    await rm(repoDir, { recursive: true, force: true });
    try {
      await rename(temp, repoDir);
    } catch (error) {
      // Another fetch of the same repo state published first; its view is as good as ours.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function describeMissingRepo(repo: URL, cause?: unknown): InputError {
  return new InputError('REPO_NOT_FOUND', `repo at ${displayUrl(repo)} has no repodata/repomd.xml`, {
    hint: 'point the URL at the directory that contains repodata/',
    cause,
  });
}
