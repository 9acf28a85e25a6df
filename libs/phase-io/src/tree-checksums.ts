// The checksum of each package file in the trees, without reading the packages: gather's
// manifests say which package-set file a tree path links to, and the package set knows its
// checksum. Reuse decisions of createrepo and createiso both need it.
import path from 'node:path';
import { GATHER_MANIFEST, GATHER_RUN_MANIFEST, PKGSET_MANIFEST, type GatherManifest, type GatherRunManifest, type PkgsetManifest } from '@compose/contracts';
import type { Logger } from '@compose/log';
import { readManifest } from '@compose/manifest';

/** Tree path relative to compose/ -> "<type>:<value>"; empty when the compose has no gather/pkgset manifests. */
export async function readTreePackageChecksums(composeDir: string, log: Logger): Promise<Map<string, string>> {
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
