import { getVariantArchValue } from '@compose/config';
import { getValidArches } from '@compose/rpm';
import type { ComposeManifest, PkgsetManifest, PkgsetSource } from '@compose/contracts';
import { InputError } from '@compose/errors';
import type { Logger } from '@compose/log';
import { addSourceArchRules, collectCandidates, readSignatures } from './collect.js';
import { describeSource } from './describe-sources.js';
import { computeInputsDigest } from './inputs-digest.js';
import { buildManifest, type ArchSubset } from './build-manifest.js';
import { listRepoSources, type SourceSpec } from './sources/list-sources.js';
import { readKojiCandidates, readKojiProfile } from './sources/koji-source.js';
import { selectArchSubset } from './select/arch-subset.js';
import type { Candidate } from './select/candidate.js';
import { checkSigkeys, findRequiredWithoutCopy, requiresSignatures } from './select/check-sigkeys.js';
import { keepLatest } from './select/keep-latest.js';
import { collectRequiredNames } from './required-names.js';
import { downloadRemotePackages } from './download.js';
import { findReusableSet, reuseSet } from './reuse.js';
import { writeArchRepos } from './write/arch-repos.js';

export interface PkgsetRunOptions {
  composeDir: string;
  /** Target dirs holding earlier composes whose package set may be reused. */
  oldComposes: readonly string[];
  /** Cache for remote repodata and packages. */
  cacheDir: string;
  /** Pin the Koji event (--koji-event). */
  kojiEvent?: number;
  log: Logger;
  signal?: AbortSignal;
  /** Filled with milliseconds per step (read, select, download, write_repos) for --json and benchmarks. */
  timings?: Record<string, number>;
}

/** The pkgset phase: the packages each tree arch may draw from, and a repo per arch for gather. */
export async function runPkgset(compose: ComposeManifest, options: PkgsetRunOptions): Promise<PkgsetManifest> {
  const { log } = options;
  const config = compose.config;
  const sigkeys = (config['sigkeys'] as (string | null)[] | undefined) ?? [null];
  const multilibArches = Object.fromEntries(compose.arches.map((arch) => [arch, getVariantArchValue(config, 'multilib', null, arch).length > 0]));
  const exclusiveNoarch = config['pkgset_exclusive_arch_considers_noarch'] !== false;
  const pkgsetSource = String(config['pkgset_source'] ?? 'repos');

  let specs: SourceSpec[] = [];
  let sources: PkgsetSource[] = [];
  let candidates: Candidate[] = [];
  let kojiInputs: unknown = null;
  const timings = options.timings ?? {};
  let mark = performance.now();
  const lap = (step: string): void => {
    const now = performance.now();
    timings[step] = Math.round(now - mark);
    mark = now;
  };
  if (pkgsetSource === 'repos') {
    specs = listRepoSources(config['pkgset_repos'], compose.config_dir, compose.arches, compose.config_file);
    for (const spec of specs) sources.push(await describeSource(spec, options));
    const digest = computeDigest();
    const reusable = await findReusableSet(options.oldComposes, compose, digest, log);
    if (reusable) return reuseSet(reusable, compose, options.composeDir, log);
    for (const [i, spec] of specs.entries()) {
      log.info(`${spec.id}: reading ${spec.location}`);
      candidates.push(...(await collectCandidates(spec, sources[i] as PkgsetSource, options)));
    }
  } else if (pkgsetSource === 'koji') {
    const profile = readKojiProfile(String(config['koji_profile'] ?? ''));
    const tags = ([] as unknown[]).concat(config['pkgset_koji_tag'] ?? []).map(String);
    const koji = await readKojiCandidates({
      profile,
      tags,
      event: options.kojiEvent,
      inherit: config['pkgset_koji_inherit'] !== false,
      extraBuilds: ((config['pkgset_koji_builds'] as string[] | undefined) ?? []).map(String),
      sigkeys,
      // Package arches, not tree arches: i386 trees take i686 RPMs, multilib trees their 32-bit twins.
      arches: [...new Set(compose.arches.flatMap((a) => [...getValidArches(a, { multilib: multilibArches[a] ?? false, addNoarch: true, addSrc: true }), 'nosrc']))],
      signal: options.signal,
    });
    candidates = koji.candidates;
    // As Pungi's Koji package set does, noarch packages take ExclusiveArch/ExcludeArch from the SRPM.
    await addSourceArchRules(candidates);
    kojiInputs = { hub: profile.server, tags, event: koji.sets[0]?.event.id ?? null, builds: config['pkgset_koji_builds'] ?? [] };
    specs = tags.map((tag) => ({ id: `koji:${tag}`, kind: 'rpm-md', location: tag, arches: [...compose.arches] }));
    sources = tags.map((tag) => ({ id: `koji:${tag}`, kind: 'koji', location: `${profile.server}#${tag}`, repo_dir: '', digest: String((kojiInputs as { event: unknown }).event) }));
    const missing = koji.sets.flatMap((s) => s.missing);
    for (const m of missing) log.warn(`${m.nvra}: ${m.reason}`);
  } else {
    throw new InputError('PKGSET_SOURCE_UNKNOWN', `pkgset_source = "${pkgsetSource}" is not supported`, { hint: 'use "repos" or "koji"' });
  }

  lap('read');
  const excluded: PkgsetManifest['excluded'] = [];
  candidates = dropDuplicateFiles(candidates, excluded);
  if (requiresSignatures(sigkeys) && pkgsetSource === 'repos') {
    candidates = await enforceSigkeys(candidates, sigkeys, compose, options, excluded);
  }
  const latest = keepLatest(candidates);
  for (const { candidate, newer } of latest.older) excluded.push({ file: candidate.file, reason: `older than ${newer.file}` });

  const subsets: ArchSubset[] = [];
  for (const arch of compose.arches) {
    const servingSources = new Set(specs.filter((s) => s.arches.includes(arch)).map((s) => s.id));
    const offered = latest.kept.filter((c) => servingSources.has(c.source));
    const subset = selectArchSubset(offered, arch, { multilib: multilibArches[arch] ?? false, exclusiveArchConsidersNoarch: exclusiveNoarch });
    for (const { candidate, reason } of subset.excluded) excluded.push({ file: candidate.file, reason });
    subsets.push({ arch, packages: subset.packages });
    log.info(`${arch}: ${subset.packages.length} packages`);
  }
  lap('select');
  await downloadRemotePackages(subsets, sources, options);
  lap('download');
  const archRepos = await writeArchRepos(subsets, sources, options);
  lap('write_repos');
  return buildManifest({ compose, sigkeys, pkgsetSource, digest: computeDigest(), sources, subsets, archRepos, excluded });

  function computeDigest(): string {
    return computeInputsDigest({
      pkgsetSource,
      sources,
      sourceArches: Object.fromEntries(specs.map((s) => [s.location, s.arches])),
      sigkeys,
      multilibArches,
      exclusiveArchConsidersNoarch: exclusiveNoarch,
      koji: kojiInputs,
    });
  }
}

/** The same RPM file offered by several repos is taken from the first (as Pungi links the first seen). */
function dropDuplicateFiles(candidates: readonly Candidate[], excluded: PkgsetManifest['excluded']): Candidate[] {
  const seen = new Set<string>();
  const result: Candidate[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.file)) {
      excluded.push({ file: candidate.file, reason: `duplicate of the copy in an earlier repo (${candidate.source} skipped)` });
      continue;
    }
    seen.add(candidate.file);
    result.push(candidate);
  }
  return result;
}

async function enforceSigkeys(
  candidates: Candidate[],
  sigkeys: (string | null)[],
  compose: ComposeManifest,
  options: PkgsetRunOptions,
  excluded: PkgsetManifest['excluded'],
): Promise<Candidate[]> {
  const unreadable = new Set(await readSignatures(candidates));
  const checkable = candidates.filter((c) => !unreadable.has(c));
  const verdict = checkSigkeys(checkable, sigkeys);
  for (const candidate of unreadable) verdict.rejected.push({ candidate, reason: 'no package file to check the signature of' });
  for (const { candidate, reason } of verdict.rejected) {
    options.log.warn(`${candidate.file} (${candidate.source}) left out: ${reason}`);
    excluded.push({ file: candidate.file, reason });
  }
  const lost = findRequiredWithoutCopy(await collectRequiredNames(compose, options.composeDir), verdict);
  if (lost.length > 0) {
    throw new InputError('PKGSET_UNSIGNED_REQUIRED', `no copy signed with ${sigkeys.map((k) => k ?? 'None').join(', ')} of required package(s): ${lost.join(', ')}`, {
      hint: 'sign those packages with an accepted key, or add the key (or None for unsigned) to sigkeys',
    });
  }
  return verdict.accepted;
}
