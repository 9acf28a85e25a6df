import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '@compose/errors';

export type SourceKind = 'rpm-md' | 'rpm-dir' | 'http';

/** One configured repo of pkgset_repos, with the tree arches it serves. */
export interface SourceSpec {
  id: string;
  kind: SourceKind;
  /** As configured, resolved: absolute path or URL. */
  location: string;
  arches: string[];
}

/**
 * pkgset_repos = {arch: [repo, ...], "*": [...]} -> one source per distinct repo. A repo named
 * for several arches (or under "*") is read once and serves each of them, as in Pungi where a
 * tree arch uses its own list plus the "*" list.
 */
export function listRepoSources(pkgsetRepos: unknown, configDir: string, treeArches: readonly string[], configFile: string): SourceSpec[] {
  if (!pkgsetRepos || typeof pkgsetRepos !== 'object' || Array.isArray(pkgsetRepos)) {
    throw new InputError('PKGSET_NO_REPOS', 'pkgset_source = "repos" needs pkgset_repos = {arch: [repo, ...]}', {
      location: { file: configFile },
      hint: 'e.g. pkgset_repos = {"*": ["repo"]}',
    });
  }
  const byLocation = new Map<string, SourceSpec>();
  const entries = pkgsetRepos as Record<string, unknown>;
  for (const arch of treeArches) {
    const repos = [...asList(entries[arch]), ...asList(entries['*'])];
    for (const repo of repos) {
      const location = resolveLocation(repo, configDir);
      let spec = byLocation.get(location);
      if (!spec) {
        spec = { id: `repo-${byLocation.size}`, kind: classifySource(location), location, arches: [] };
        byLocation.set(location, spec);
      }
      if (!spec.arches.includes(arch)) spec.arches.push(arch);
    }
  }
  if (byLocation.size === 0) {
    throw new InputError('PKGSET_NO_REPOS', `pkgset_repos names no repo for the tree arches ${treeArches.join(', ')}`, {
      location: { file: configFile },
      hint: 'add the arches (or "*") to pkgset_repos',
    });
  }
  return [...byLocation.values()];
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function resolveLocation(repo: string, configDir: string): string {
  if (/^https?:\/\//.test(repo)) return repo.endsWith('/') ? repo : `${repo}/`;
  if (repo.startsWith('file://')) return path.resolve(decodeURIComponent(new URL(repo).pathname));
  return path.resolve(configDir, repo);
}

/** rpm-md repo (has repodata/repomd.xml), a bare directory of RPMs, or a remote URL. */
export function classifySource(location: string): SourceKind {
  if (/^https?:\/\//.test(location)) return 'http';
  if (!existsSync(location)) {
    throw new InputError('PKGSET_REPO_MISSING', `package set repo ${location} does not exist`, {
      hint: 'check pkgset_repos in the config (relative paths are resolved against the config file directory)',
    });
  }
  if (!statSync(location).isDirectory()) {
    throw new InputError('PKGSET_REPO_NOT_DIR', `package set repo ${location} is not a directory`, {
      hint: 'pkgset_repos entries are rpm-md repos or directories of RPMs',
    });
  }
  return existsSync(path.join(location, 'repodata', 'repomd.xml')) ? 'rpm-md' : 'rpm-dir';
}
