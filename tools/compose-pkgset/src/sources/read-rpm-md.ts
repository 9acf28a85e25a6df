import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { streamPrimary, type PrimaryPackage } from '@compose/repodata';
import type { Candidate } from '../select/candidate.js';

/** Candidates of an rpm-md repo; `packageBase` is where its location hrefs point (dir or URL). */
export async function readRpmMdCandidates(
  repoDir: string,
  sourceId: string,
  options: { packageBaseUrl?: string; signal?: AbortSignal },
): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  await streamPrimary(repoDir, (pkg) => candidates.push(toCandidate(pkg, repoDir, sourceId, options.packageBaseUrl)), { signal: options.signal });
  return candidates;
}

function toCandidate(pkg: PrimaryPackage, repoDir: string, sourceId: string, packageBaseUrl: string | undefined): Candidate {
  const base = pkg.locationBase ?? packageBaseUrl;
  const isRemote = base !== undefined && /^https?:\/\//.test(base);
  const localBase = base?.startsWith('file://') ? decodeURIComponent(new URL(base).pathname) : base && !isRemote ? base : repoDir;
  return {
    name: pkg.name,
    epoch: pkg.epoch,
    version: pkg.version,
    release: pkg.release,
    // createrepo_c writes "src" for nosrc packages too; the file name keeps the difference.
    arch: pkg.arch === 'src' && pkg.location.endsWith('.nosrc.rpm') ? 'nosrc' : pkg.arch,
    file: path.posix.basename(pkg.location),
    path: isRemote ? null : path.resolve(localBase, pkg.location),
    url: isRemote ? new URL(pkg.location, base.endsWith('/') ? base : `${base}/`).toString() : null,
    source: sourceId,
    checksum: { type: pkg.checksum.type, value: pkg.checksum.value },
    size: pkg.packageSize,
    sourcerpm: pkg.sourcerpm,
    sigkey: null,
    href: pkg.location,
    pkgid: pkg.pkgid,
  };
}

/** What identifies the repo's content: the sha256 of its repomd.xml. */
export async function digestRepomd(repoDir: string): Promise<string> {
  return createHash('sha256').update(await readFile(path.join(repoDir, 'repodata', 'repomd.xml'))).digest('hex');
}
