// What each package file in the trees is, by content, without reading the packages: gather's
// manifests say which package-set file a tree path links to, and the package set knows its checksum.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { GATHER_MANIFEST, GATHER_RUN_MANIFEST, PKGSET_MANIFEST, type GatherManifest, type GatherRunManifest, type PkgsetManifest } from '@compose/contracts';
import type { Logger } from '@compose/log';
import { readManifest } from '@compose/manifest';

export interface PackageIdentities {
  /** "<size> <mtime s> <checksum type>:<value>" of a package file given relative to compose/. */
  describe(relativePath: string): Promise<string>;
}

/**
 * Maps tree paths (relative to compose/) to the package set's checksums. A package the
 * manifests do not cover (a tree filled by hand, a package set without checksums) is hashed,
 * which is slow but never wrong. Size and mtime go in too: createrepo_c records both.
 */
export async function loadPackageIdentities(composeDir: string, log: Logger): Promise<PackageIdentities> {
  const checksums = await readTreeChecksums(composeDir, log);
  const treeDir = path.join(composeDir, 'compose');
  return {
    async describe(relativePath: string): Promise<string> {
      const file = path.join(treeDir, relativePath);
      const info = await stat(file);
      const checksum = checksums.get(relativePath) ?? `sha256:${await hashFile(file)}`;
      return `${info.size} ${Math.trunc(info.mtimeMs / 1000)} ${checksum}`;
    },
  };
}

async function readTreeChecksums(composeDir: string, log: Logger): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  let run: GatherRunManifest;
  let pkgset: PkgsetManifest;
  try {
    run = await readManifest<GatherRunManifest>(path.join(composeDir, 'work', 'global', 'gather.json'), GATHER_RUN_MANIFEST);
    pkgset = await readManifest<PkgsetManifest>(path.join(composeDir, 'work', 'global', 'pkgset.json'), PKGSET_MANIFEST);
  } catch (error) {
    log.debug(`package checksums from the package set unavailable (${(error as Error).message}); packages will be hashed for reuse decisions`);
    return result;
  }
  const bySource = new Map<string, string>();
  for (const p of pkgset.packages) if (p.path && p.checksum) bySource.set(p.path, `${p.checksum.type}:${p.checksum.value}`);
  for (const relative of run.manifests) {
    const manifest = await readManifest<GatherManifest>(path.join(composeDir, relative), GATHER_MANIFEST);
    for (const p of manifest.packages) {
      const checksum = p.source_path ? bySource.get(p.source_path) : undefined;
      if (checksum) result.set(p.path, checksum);
    }
  }
  return result;
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
