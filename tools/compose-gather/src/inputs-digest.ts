// Everything that decides gather's result, hashed, so an old compose's result can be reused when
// nothing changed (Pungi's gather_allow_reuse, but compared on content, never on trust).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getVariantArchValue } from '@compose/config';
import type { ComposeManifest, PkgsetManifest } from '@compose/contracts';

/** Bump when gather's own rules change, so results of an older compose-gather are not reused. */
const DIGEST_VERSION = 1;

/** Config options that decide gather's result besides every `gather_*` and `multilib*` option. */
const GATHER_OPTIONS = new Set([
  'greedy_method', 'additional_packages', 'filter_packages', 'filter_system_release_packages', 'fulltree_excludes',
  'hashed_directories', 'link_type', 'variant_as_lookaside', 'require_all_comps_packages', 'check_deps',
]);
/** gather_* options that change nothing in the result. */
const IGNORED_OPTIONS = new Set(['gather_allow_reuse', 'gather_profiler']);

export interface GatherDigest {
  digest: string;
  /** Part name -> sha256 of that part, to say what changed when a compose is not reused. */
  parts: Record<string, string>;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

async function hashFile(file: string): Promise<string> {
  return existsSync(file) ? sha256(await readFile(file)) : 'missing';
}

/** The option names that matter, sorted; values keep their order (gather_method's regex order decides). */
export function selectGatherOptions(config: Record<string, unknown>): Record<string, unknown> {
  const names = Object.keys(config).filter((k) => !IGNORED_OPTIONS.has(k) && (GATHER_OPTIONS.has(k) || k.startsWith('gather_') || k.startsWith('multilib')));
  return Object.fromEntries(names.sort().map((k) => [k, config[k]]));
}

/** The package set by content: per package its file, checksum, size, signature, source and arches (not its path). */
function describePackageSet(pkgset: PkgsetManifest): string {
  const rows = pkgset.packages.map((p) => [p.file, p.checksum ? `${p.checksum.type}:${p.checksum.value}` : '', p.size ?? '', p.sigkey ?? '', p.sourcerpm, [...p.tree_arches].sort().join(',')].join(' '));
  return JSON.stringify({ inputs_digest: pkgset.inputs_digest, arches: pkgset.arches, arch_repos: pkgset.arch_repos, packages: rows.sort() });
}

/** Content of the files the config names: gather_source_mapping, gather_prepopulate, local lookaside repos' repomd.xml. */
async function describeInputFiles(compose: ComposeManifest): Promise<string> {
  const config = compose.config;
  const files: Record<string, string> = {};
  const mapping = config['gather_source_mapping'];
  if (typeof mapping === 'string' && mapping !== '') files['gather_source_mapping'] = await hashFile(path.resolve(compose.config_dir, mapping));
  const prepopulate = config['gather_prepopulate'];
  const prepopulateName = typeof prepopulate === 'string' ? prepopulate : (prepopulate as { file?: unknown } | undefined)?.file;
  if (typeof prepopulateName === 'string') files['gather_prepopulate'] = await hashFile(path.join(compose.config_dir, path.basename(prepopulateName)));
  for (const variant of compose.variants) {
    for (const arch of variant.arches) {
      for (const entry of getVariantArchValue(config, 'gather_lookaside_repos', variant.uid, arch)) {
        const location = typeof entry === 'string' ? entry.replaceAll('$basearch', arch) : entry;
        if (typeof location !== 'string' || files[`lookaside ${location}`]) continue;
        files[`lookaside ${location}`] = /^https?:\/\//.test(location)
          ? 'remote'
          : await hashFile(path.join(path.resolve(compose.config_dir, location.replace(/^file:\/\//, '')), 'repodata', 'repomd.xml'));
      }
    }
  }
  return JSON.stringify(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

/** The variant.arch comps files init wrote, by content. */
async function describeComps(compose: ComposeManifest, composeDir: string): Promise<string> {
  const entries = Object.entries(compose.comps.variant_arch).sort(([a], [b]) => a.localeCompare(b));
  const hashed: [string, string][] = [];
  for (const [key, relative] of entries) hashed.push([key, await hashFile(path.join(composeDir, relative))]);
  return JSON.stringify(hashed);
}

export async function computeGatherDigest(compose: ComposeManifest, pkgset: PkgsetManifest, composeDir: string): Promise<GatherDigest> {
  const parts: Record<string, string> = {
    package_set: sha256(describePackageSet(pkgset)),
    config: sha256(JSON.stringify(selectGatherOptions(compose.config))),
    variants: sha256(JSON.stringify(compose.variants)),
    comps: sha256(await describeComps(compose, composeDir)),
    input_files: sha256(await describeInputFiles(compose)),
  };
  const digest = sha256(JSON.stringify({ version: DIGEST_VERSION, ...parts }));
  return { digest, parts };
}
