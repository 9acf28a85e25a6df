// What each package file in the trees is, by content, without reading the packages: gather's
// manifests say which package-set file a tree path links to, and the package set knows its checksum.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@compose/log';
import { readTreePackageChecksums } from '@compose/phase-io';

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
  const checksums = await readTreePackageChecksums(composeDir, log);
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

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
