// The repositories a treefile's packages come from: the ostree config's `repo` (variant UIDs of
// this compose, URLs, dicts), the compose's package-set repos (as Pungi adds them) and, with
// keep_original_sources, the treefile's own repos from the .repo files beside it.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getRepositoryDir } from '@compose/compose-info';
import type { ComposeManifestVariant } from '@compose/contracts';
import { InputError } from '@compose/errors';

/** One [section] of a generated .repo file. */
export interface SourceRepo {
  id: string;
  /** Keys of the section: baseurl (or metalink/mirrorlist), exclude, gpgcheck... */
  options: Record<string, string>;
  /** Where it came from, for logs: 'config', 'pkgset' or 'treefile'. */
  origin: 'config' | 'pkgset' | 'treefile';
}

export interface RepoContext {
  composeDir: string;
  variants: readonly ComposeManifestVariant[];
  arch: string;
}

/** Pungi's _translate_url_to_repo_id: anything outside [A-Za-z0-9-_.:] becomes '_'. */
export function makeRepoId(url: string): string {
  return url.replace(/[^A-Za-z0-9\-_.:]/g, '_');
}

/** Turns one `repo` entry of the ostree config into a repo section. */
export function resolveConfigRepo(entry: unknown, context: RepoContext): SourceRepo {
  if (typeof entry === 'string') return { id: makeRepoId(resolveBaseurl(entry, context)), options: { baseurl: resolveBaseurl(entry, context) }, origin: 'config' };
  if (typeof entry === 'object' && entry !== null && typeof (entry as { baseurl?: unknown }).baseurl === 'string') {
    const dict = entry as { baseurl: string; name?: string; exclude?: string; gpgcheck?: boolean };
    const baseurl = resolveBaseurl(dict.baseurl, context);
    const options: Record<string, string> = { baseurl };
    if (dict.exclude) options['exclude'] = dict.exclude;
    if (dict.gpgcheck !== undefined) options['gpgcheck'] = dict.gpgcheck ? '1' : '0';
    return { id: dict.name ?? makeRepoId(baseurl), options, origin: 'config' };
  }
  throw new InputError('OSTREE_BAD_REPO', `ostree repo entry ${JSON.stringify(entry)} is neither a URL, a variant UID nor a dict with baseurl`);
}

/** URLs stay as they are; anything else names a variant of this compose and means its repository for the arch. */
function resolveBaseurl(value: string, context: RepoContext): string {
  if (value.includes('://')) return value;
  const variant = context.variants.find((candidate) => candidate.uid === value);
  if (!variant) {
    throw new InputError('OSTREE_NO_SUCH_VARIANT', `There is no variant ${value} to get repo from`, {
      hint: `ostree repo entries are URLs or variant UIDs of this compose (${context.variants.map((v) => v.uid).join(', ')})`,
    });
  }
  const ref = { id: variant.id, uid: variant.uid, type: variant.type, parent: variant.parent ?? undefined };
  return pathToFileURL(getRepositoryDir(context.composeDir, ref, context.arch)).href;
}

/** The per-arch package-set repos under work/<arch>/repo/ that have repodata. */
export async function listPkgsetRepos(composeDir: string, arch: string): Promise<SourceRepo[]> {
  const dir = path.join(composeDir, 'work', arch, 'repo');
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir)).filter((name) => existsSync(path.join(dir, name, 'repodata', 'repomd.xml'))).sort();
  return names.map((name) => ({ id: `pkgset-${name}`, options: { baseurl: pathToFileURL(path.join(dir, name)).href }, origin: 'pkgset' as const }));
}

/** The named repos from the .repo files next to the treefile (rpm-ostree's lookup). */
export async function readTreefileRepos(treefileDir: string, names: readonly string[]): Promise<SourceRepo[]> {
  if (!names.length) return [];
  const sections = new Map<string, Record<string, string>>();
  for (const file of (await readdir(treefileDir)).filter((name) => name.endsWith('.repo')).sort()) {
    for (const [id, options] of parseRepoFile(await readFile(path.join(treefileDir, file), 'utf8'))) sections.set(id, options);
  }
  return names.map((name) => {
    const options = sections.get(name);
    if (!options) throw new InputError('TREEFILE_REPO_MISSING', `treefile repo '${name}' is not defined in any .repo file in ${treefileDir}`);
    return { id: name, options, origin: 'treefile' as const };
  });
}

export function parseRepoFile(text: string): Map<string, Record<string, string>> {
  const sections = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = {};
      sections.set(header[1]!.trim(), current);
    } else if (current && line.includes('=')) {
      const at = line.indexOf('=');
      current[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return sections;
}

/** A .repo file for dnf's reposdir; gpgcheck is off unless a section asks for it. */
export function renderRepoFile(repos: readonly SourceRepo[]): string {
  return repos
    .map((repo) => {
      const options = { name: repo.id, gpgcheck: '0', ...repo.options, enabled: '1' };
      return [`[${repo.id}]`, ...Object.entries(options).map(([key, value]) => `${key}=${value}`)].join('\n');
    })
    .join('\n\n') + '\n';
}
