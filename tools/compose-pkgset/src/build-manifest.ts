import type { ComposeManifest, PkgsetManifest, PkgsetPackage, PkgsetSource } from '@compose/contracts';
import { isSourceArch, type Candidate } from './select/candidate.js';

export interface ArchSubset {
  arch: string;
  packages: Candidate[];
}

export interface ManifestParts {
  compose: ComposeManifest;
  sigkeys: (string | null)[];
  pkgsetSource: string;
  digest: string;
  sources: PkgsetSource[];
  subsets: ArchSubset[];
  archRepos: Record<string, string[]>;
  excluded: PkgsetManifest['excluded'];
}

/** One entry per package, with every tree arch whose set holds it; sorted by file name. */
export function buildManifest(parts: ManifestParts): PkgsetManifest {
  const byFile = new Map<string, PkgsetPackage>();
  for (const subset of parts.subsets) {
    for (const candidate of subset.packages) {
      let entry = byFile.get(candidate.file);
      if (!entry) {
        entry = toPackage(candidate);
        byFile.set(candidate.file, entry);
      }
      if (!entry.tree_arches.includes(subset.arch)) entry.tree_arches.push(subset.arch);
    }
  }
  for (const entry of byFile.values()) {
    entry.tree_arches.sort();
    if (isSourceArch(entry.arch)) entry.tree_arches.push('src');
  }
  const packages = [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    compose_id: parts.compose.compose_id,
    pkgset_source: parts.pkgsetSource === 'koji' ? 'koji' : 'repos',
    sigkeys: parts.sigkeys,
    inputs_digest: parts.digest,
    reused_from: null,
    sources: parts.sources,
    arches: parts.subsets.map((s) => s.arch).sort(),
    arch_repos: parts.archRepos,
    packages,
    excluded: dedupeExcluded(parts.excluded),
  };
}

function toPackage(candidate: Candidate): PkgsetPackage {
  return {
    name: candidate.name,
    epoch: candidate.epoch,
    version: candidate.version,
    release: candidate.release,
    arch: candidate.arch,
    file: candidate.file,
    path: candidate.path,
    source: candidate.source,
    checksum: candidate.checksum,
    size: candidate.size,
    sigkey: candidate.sigkey,
    sourcerpm: candidate.sourcerpm,
    tree_arches: [],
  };
}

function dedupeExcluded(excluded: PkgsetManifest['excluded']): PkgsetManifest['excluded'] {
  const seen = new Set<string>();
  return excluded.filter((e) => {
    const key = `${e.file}\0${e.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
