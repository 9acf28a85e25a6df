import type { PkgsetSource } from '@compose/contracts';
import { fetchPackages } from '@compose/repo-fetch';
import type { Logger } from '@compose/log';
import type { ArchSubset } from './build-manifest.js';
import type { Candidate } from './select/candidate.js';

/**
 * Packages of remote repos that made it into the set are downloaded into the checksum-keyed
 * cache, so later phases can link them into the trees like local ones.
 */
export async function downloadRemotePackages(
  subsets: readonly ArchSubset[],
  sources: readonly PkgsetSource[],
  options: { cacheDir: string; log: Logger; signal?: AbortSignal },
): Promise<void> {
  const wanted = new Map<string, Candidate>();
  for (const subset of subsets) for (const c of subset.packages) if (c.url && !c.path) wanted.set(c.url, c);
  if (wanted.size === 0) return;
  for (const source of sources.filter((s) => s.kind === 'http')) {
    const remote = [...wanted.values()].filter((c) => c.source === source.id);
    if (remote.length === 0) continue;
    options.log.info(`${source.id}: downloading ${remote.length} packages`);
    const requests = remote.map((c) => ({ location: relativeLocation(c.url as string, source.location), checksum: c.checksum ?? { type: 'sha256', value: '' } }));
    const paths = await fetchPackages(source.location, requests, {
      cacheDir: options.cacheDir,
      signal: options.signal,
      onProgress: (p) => options.log.progress(p.doneFiles, p.totalFiles, `${source.id}: packages`),
    });
    remote.forEach((c, i) => {
      c.path = paths.get(requests[i]?.location ?? '') ?? null;
    });
  }
}

function relativeLocation(url: string, base: string): string {
  return url.startsWith(base) ? url.slice(base.length) : url;
}
