import type { PkgsetSource } from '@compose/contracts';
import { fetchRepodata } from '@compose/repo-fetch';
import type { Logger } from '@compose/log';
import path from 'node:path';
import type { SourceSpec } from './sources/list-sources.js';
import { digestRepomd } from './sources/read-rpm-md.js';
import { listRpmDir } from './sources/read-rpm-dir.js';

/**
 * The cheap first look at each source: where its metadata is and the digest of its content.
 * Enough to decide reuse before reading any package metadata.
 */
export async function describeSource(spec: SourceSpec, options: { composeDir: string; cacheDir: string; log: Logger; signal?: AbortSignal }): Promise<PkgsetSource> {
  if (spec.kind === 'http') {
    options.log.info(`${spec.id}: fetching repodata from ${spec.location}`);
    const fetched = await fetchRepodata(spec.location, {
      cacheDir: options.cacheDir,
      signal: options.signal,
      onProgress: (p) => options.log.progress(p.doneFiles, p.totalFiles, `${spec.id}: repodata`),
    });
    return { id: spec.id, kind: 'http', location: spec.location, repo_dir: fetched.dir, digest: fetched.repomdChecksum };
  }
  if (spec.kind === 'rpm-dir') {
    const listing = await listRpmDir(spec.location);
    return { id: spec.id, kind: 'rpm-dir', location: spec.location, repo_dir: path.join(options.composeDir, 'work', 'global', 'repo', spec.id), digest: listing.digest };
  }
  return { id: spec.id, kind: 'rpm-md', location: spec.location, repo_dir: spec.location, digest: await digestRepomd(spec.location) };
}
