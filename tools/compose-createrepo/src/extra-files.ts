import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cp, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ComposeManifest, CreaterepoExtraFile } from '@compose/contracts';
import { formatProductmdJson, getMetadataPath, getOsTreeDir, getWorkDir } from '@compose/compose-info';
import { getVariantArchValue } from '@compose/config';
import { writeFileAtomic } from '@compose/manifest';
import type { RpmsMetadata } from './read-rpms.js';
import { fetchFromScm, type ScmContext, type ScmDict } from '@compose/scm';
import { toVariantRef } from './list-trees.js';

/**
 * Pungi's extra_files phase: for every variant tree (os trees and the source tree, arch key
 * "src"), export the configured scm_dicts into work/<arch>/<variant>/extra-files/<target>,
 * copy that into the tree and record size and media_checksums of each file in the tree's
 * extra_files.json and in compose/metadata/extra_files.json. Without extra_files nothing is written.
 */
export async function runExtraFiles(compose: ComposeManifest, composeDir: string, rpms: RpmsMetadata, context: Omit<ScmContext, 'findPackage'>): Promise<CreaterepoExtraFile[]> {
  const config = compose.config;
  const checksumTypes = Array.isArray(config['media_checksums']) ? (config['media_checksums'] as string[]) : ['md5', 'sha1', 'sha256'];
  const all: CreaterepoExtraFile[] = [];
  for (const variant of compose.variants) {
    if (variant.is_empty || variant.type === 'addon') continue;
    for (const arch of [...variant.arches, 'src']) {
      const sources = getVariantArchValue(config, 'extra_files', variant.uid, arch) as ScmDict[];
      if (!sources.length) continue;
      const stage = path.join(getWorkDir(composeDir, arch), variant.uid, 'extra-files');
      await rm(stage, { recursive: true, force: true });
      const staged: string[] = [];
      const scmContext: ScmContext = { ...context, findPackage: (name) => findComposePackage(rpms, composeDir, name, variant.uid, arch) };
      for (const source of sources) {
        const target = (source.target ?? '').replace(/^\/+/, '');
        const files = await fetchFromScm(source, path.join(stage, target), scmContext);
        staged.push(...files.map((file) => path.posix.join(target, file)));
      }
      const tree = getOsTreeDir(composeDir, toVariantRef(variant), arch);
      await mkdir(tree, { recursive: true });
      await cp(stage, tree, { recursive: true });
      const entries: CreaterepoExtraFile[] = [];
      for (const file of [...new Set(staged)].sort()) {
        const full = path.join(tree, file);
        entries.push({ variant: variant.uid, arch, file: path.relative(path.join(composeDir, 'compose'), full), size: (await stat(full)).size, checksums: await computeChecksums(full, checksumTypes) });
      }
      await writeFileAtomic(path.join(tree, 'extra_files.json'), renderTreeExtraFiles(entries, path.relative(path.join(composeDir, 'compose'), tree)));
      all.push(...entries);
    }
  }
  if (all.length) await writeFileAtomic(getMetadataPath(composeDir, 'extra_files.json'), renderComposeExtraFiles(compose, all));
  return all;
}

/** productmd's ExtraFiles.dump_for_tree(): paths relative to the tree, header version 1.0. */
export function renderTreeExtraFiles(entries: readonly CreaterepoExtraFile[], treePath: string): string {
  const data = entries.map((entry) => ({ file: path.posix.relative(treePath, entry.file), size: entry.size, checksums: entry.checksums }));
  return formatProductmdJson({ header: { version: '1.0' }, data });
}

/** compose/metadata/extra_files.json: productmd.extra_files 1.2, variant -> arch -> files. */
export function renderComposeExtraFiles(compose: ComposeManifest, entries: readonly CreaterepoExtraFile[]): string {
  const byVariant: Record<string, Record<string, { file: string; size: number; checksums: Record<string, string> }[]>> = {};
  for (const entry of entries) {
    ((byVariant[entry.variant] ??= {})[entry.arch] ??= []).push({ file: entry.file, size: entry.size, checksums: entry.checksums });
  }
  const payload = { compose: { date: compose.date, id: compose.compose_id, respin: compose.respin, type: compose.type }, extra_files: byVariant };
  return formatProductmdJson({ header: { type: 'productmd.extra_files', version: '1.2' }, payload });
}

async function computeChecksums(file: string, types: readonly string[]): Promise<Record<string, string>> {
  const hashes = types.map((type) => [type, createHash(type)] as const);
  for await (const chunk of createReadStream(file)) for (const [, hash] of hashes) hash.update(chunk as Buffer);
  return Object.fromEntries(hashes.map(([type, hash]) => [type, hash.digest('hex')]));
}

/**
 * `scm: rpm` with a package name: the package of that name in the tree being filled (binary,
 * or source for the source tree, so the arch matches), else the first one anywhere in the compose.
 */
function findComposePackage(rpms: RpmsMetadata, composeDir: string, name: string, variantUid: string, arch: string): string | undefined {
  const own = arch === 'src' ? undefined : rpms.rpms[variantUid]?.[arch];
  for (const byArch of [own ? { [arch]: own } : {}, ...Object.values(rpms.rpms)]) {
    for (const bySource of Object.values(byArch)) {
      const found = findByName(bySource, name, arch);
      if (found) return path.join(composeDir, 'compose', found);
    }
  }
  return undefined;
}

function findByName(bySource: Record<string, Record<string, { category: string; path: string }>>, name: string, arch: string): string | undefined {
  const candidates: { nevra: string; path: string }[] = [];
  for (const byNevra of Object.values(bySource)) {
    for (const [nevra, entry] of Object.entries(byNevra)) {
      if ((arch === 'src' ? entry.category === 'source' : entry.category === 'binary') && nevra.replace(/-(\d+:)?[^-]+-[^-]+$/, '') === name) candidates.push({ nevra, path: entry.path });
    }
  }
  // a multilib tree holds the name twice: take the tree arch's own build first
  return (candidates.find((c) => c.nevra.endsWith(`.${arch}`)) ?? candidates[0])?.path;
}
