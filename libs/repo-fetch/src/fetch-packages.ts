import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@compose/errors';
import { hashBytes, normalizeChecksum, type Checksum } from './checksum.js';
import type { TransferOptions } from './http-transfer.js';
import { downloadObject, hasObject, linkObject, locateObject } from './object-cache.js';
import { createProgressTracker, type ProgressListener, type ProgressTracker } from './progress.js';
import { displayUrl, hashRepoUrl, isContainedPath, isLocalUrl, parseRepoUrl, resolveLocation, toLocalPath } from './repo-url.js';
import { runPool } from './run-pool.js';

/** A package as primary.xml describes it. */
export interface PackageRequest {
  /** `<location href>`: relative to the repo URL, or to `base` when set. */
  location: string;
  checksum: Checksum;
  size?: number;
  /** `<location xml:base>`, for repos whose packages live elsewhere. */
  base?: string;
}

export interface FetchPackagesOptions extends TransferOptions {
  cacheDir: string;
  /** Downloads at once (default 4). */
  concurrency?: number;
  onProgress?: ProgressListener;
}

interface PlannedPackage extends PackageRequest {
  url: URL;
}

/**
 * Makes each package available locally and returns location -> local path. Remote packages are
 * downloaded into the checksum-keyed cache (verified, skipped when already there) and linked into
 * `<cacheDir>/repos/<sha256(url)>/packages/<location>`, so the path keeps the package's file name.
 * Packages of a local repo are used in place.
 */
export async function fetchPackages(
  repoUrl: string,
  packages: readonly PackageRequest[],
  options: FetchPackagesOptions,
): Promise<Map<string, string>> {
  const repo = parseRepoUrl(repoUrl);
  const planned = planPackages(repo, packages);
  const totalBytes = planned.reduce((sum, pkg) => sum + (pkg.size ?? 0), 0);
  const progress = createProgressTracker('packages', { files: planned.length, bytes: totalBytes }, options.onProgress);
  const viewDir = path.join(options.cacheDir, 'repos', hashRepoUrl(repo), 'packages');
  const result = new Map<string, string>();
  await runPool(planned, options.concurrency ?? 4, options.signal, async (pkg, signal) => {
    progress.startFile(pkg.location);
    const local = isLocalUrl(pkg.url)
      ? await checkLocalPackage(pkg, progress)
      : await downloadPackage(repo, pkg, viewDir, { ...options, signal }, progress);
    result.set(pkg.location, local);
  });
  return new Map(planned.map((pkg) => [pkg.location, result.get(pkg.location) as string]));
}

function planPackages(repo: URL, packages: readonly PackageRequest[]): PlannedPackage[] {
  const byLocation = new Map<string, PlannedPackage>();
  for (const pkg of packages) {
    const checksum = normalizeChecksum(pkg.checksum, pkg.location);
    const known = byLocation.get(pkg.location);
    if (known !== undefined) {
      if (known.checksum.value !== checksum.value) {
        throw new InputError('PACKAGE_CONFLICT', `${pkg.location} is requested twice with different checksums`);
      }
      continue;
    }
    byLocation.set(pkg.location, { ...pkg, checksum, url: resolveLocation(repo, pkg.location, pkg.base) });
  }
  return [...byLocation.values()];
}

async function downloadPackage(
  repo: URL,
  pkg: PlannedPackage,
  viewDir: string,
  options: FetchPackagesOptions,
  progress: ProgressTracker,
): Promise<string> {
  let received = 0;
  if (await hasObject(options.cacheDir, pkg.checksum)) {
    progress.addBytes(pkg.size ?? 0);
  } else {
    const describeNotFound = (): InputError =>
      new InputError('PACKAGE_NOT_FOUND', `package ${pkg.location} not found at ${displayUrl(pkg.url)} (HTTP 404)`, {
        hint: 'the repo metadata is out of date with its packages, or the mirror is mid-sync',
      });
    const onBytes = (delta: number): void => {
      received += delta;
      progress.addBytes(delta);
    };
    const request = { url: pkg.url, repo, describeNotFound, checksum: pkg.checksum, what: pkg.location, onBytes };
    await downloadObject(options.cacheDir, pkg.size === undefined ? request : { ...request, size: pkg.size }, options);
  }
  const target = path.join(viewDir, locateInView(pkg));
  await linkObject(locateObject(options.cacheDir, pkg.checksum), target);
  progress.finishFile(pkg.location, pkg.size === undefined ? received : 0);
  return target;
}

/**
 * Where a package appears in the repo's package view. A location that climbs out of the repo
 * ("../x.rpm") or has an xml:base still needs a unique name, so it is filed under its URL's hash.
 */
function locateInView(pkg: PlannedPackage): string {
  if (pkg.base === undefined && isContainedPath(pkg.location)) return pkg.location;
  const name = path.posix.basename(pkg.url.pathname) || 'package.rpm';
  return path.join('.elsewhere', hashBytes('sha256', pkg.url.href).slice(0, 16), name);
}

/** Local packages are not copied or hashed (that would read every RPM); missing ones fail early. */
async function checkLocalPackage(pkg: PlannedPackage, progress: ProgressTracker): Promise<string> {
  const file = toLocalPath(pkg.url);
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (cause) {
    throw new InputError('PACKAGE_NOT_FOUND', `package ${pkg.location} not found at ${file}`, {
      hint: 'the repo metadata is out of date with its packages',
      cause,
    });
  }
  if (pkg.size !== undefined && pkg.size !== size) {
    throw new InputError('CHECKSUM_MISMATCH', `${file} failed verification: expected ${pkg.size} bytes, got ${size} bytes`, {
      hint: 'the repo metadata is out of date with its packages',
    });
  }
  progress.addBytes(size);
  progress.finishFile(pkg.location, pkg.size === undefined ? size : 0);
  return file;
}
