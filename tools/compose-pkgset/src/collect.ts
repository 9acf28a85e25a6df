import { existsSync } from 'node:fs';
import type { PkgsetSource } from '@compose/contracts';
import { readRpmHeader } from '@compose/rpm-header';
import { fetchPackages } from '@compose/repo-fetch';
import type { Candidate } from './select/candidate.js';
import type { SourceSpec } from './sources/list-sources.js';
import { readRpmMdCandidates } from './sources/read-rpm-md.js';
import { createRepodataForDir, listRpmDir, readRpmDirCandidates } from './sources/read-rpm-dir.js';
import { mapLimit } from './sources/map-limit.js';

/**
 * The packages a described source offers. A bare RPM directory has its headers read directly
 * (NEVRA, signature, ExclusiveArch) and gets rpm-md metadata from createrepo_c for gather.
 */
export async function collectCandidates(spec: SourceSpec, source: PkgsetSource, options: { cacheDir: string; signal?: AbortSignal }): Promise<Candidate[]> {
  const { signal } = options;
  if (source.kind === 'http') {
    const candidates = await readRpmMdCandidates(source.repo_dir, spec.id, { packageBaseUrl: spec.location, signal });
    await fetchSourcesOfNoarch(candidates, spec.location, options);
    await addSourceArchRules(candidates);
    return candidates;
  }
  if (source.kind === 'rpm-dir') {
    const listing = await listRpmDir(spec.location);
    const candidates = await readRpmDirCandidates(spec.location, listing.files, spec.id);
    await createRepodataForDir(spec.location, source.repo_dir, signal);
    return candidates;
  }
  const candidates = await readRpmMdCandidates(source.repo_dir, spec.id, { signal });
  await addSourceArchRules(candidates);
  return candidates;
}

/**
 * Noarch packages take ExclusiveArch/ExcludeArch from their source RPM's header; for a remote
 * repo those SRPMs are downloaded (into the cache) before the arch subsets are chosen.
 */
async function fetchSourcesOfNoarch(candidates: Candidate[], repoUrl: string, options: { cacheDir: string; signal?: AbortSignal }): Promise<void> {
  const wanted = new Set(candidates.filter((c) => c.arch === 'noarch').map((c) => c.sourcerpm));
  const sources = candidates.filter((c) => (c.arch === 'src' || c.arch === 'nosrc') && wanted.has(c.file) && c.url && c.checksum);
  if (sources.length === 0) return;
  const requests = sources.map((c) => ({ location: (c.url as string).slice(repoUrl.length), checksum: c.checksum as { type: string; value: string } }));
  const paths = await fetchPackages(repoUrl, requests, { cacheDir: options.cacheDir, signal: options.signal });
  sources.forEach((c, i) => {
    c.path = paths.get(requests[i]?.location ?? '') ?? null;
  });
}

/**
 * ExclusiveArch/ExcludeArch are not in rpm-md metadata; Pungi takes them from the source RPM's
 * header. Read them from SRPMs present on disk (metadata-only repos have none to read).
 */
export async function addSourceArchRules(candidates: Candidate[]): Promise<void> {
  const sources = candidates.filter((c) => (c.arch === 'src' || c.arch === 'nosrc') && c.path && existsSync(c.path));
  await mapLimit(sources, 16, async (candidate) => {
    const header = await readRpmHeader(candidate.path as string);
    candidate.exclusiveArch = header.exclusiveArch;
    candidate.excludeArch = header.excludeArch;
  });
}

/** Reads the signing key of every candidate with a local file; returns those without one. */
export async function readSignatures(candidates: readonly Candidate[]): Promise<Candidate[]> {
  const unreadable: Candidate[] = [];
  await mapLimit(candidates, 16, async (candidate) => {
    if (!candidate.path || !existsSync(candidate.path)) {
      unreadable.push(candidate);
      return;
    }
    candidate.sigkey = (await readRpmHeader(candidate.path)).sigKeyShortId;
  });
  return unreadable;
}
