// --old-composes: an image that is the very file an earlier run hashed (a reused ISO is a hard
// link to the old compose's, same inode, size and mtime) takes over that run's digests.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { getComposeIdPrefix, listOldComposes } from '@compose/compose-info';
import { CHECKSUM_MANIFEST, type ChecksumManifest, type ComposeManifest } from '@compose/contracts';
import type { Logger } from '@compose/log';
import { readManifest } from '@compose/manifest';

export interface KnownDigests {
  /** The compose whose run hashed the file (this compose's own for an earlier run of it). */
  composeDir: string;
  checksums: Record<string, string>;
}

/**
 * "<dev>:<inode>:<size>:<mtime ns>": equal for two names of one file, different once the file is
 * rewritten (new inode) or changed in place (new mtime).
 */
export async function identifyFile(file: string): Promise<string> {
  const info = await stat(file, { bigint: true });
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}`;
}

/** Digests by file id from this compose's previous run and the old composes' runs, newest first. */
export async function readKnownDigests(oldComposes: readonly string[], compose: ComposeManifest, composeDir: string, previous: ChecksumManifest | undefined, log: Logger): Promise<Map<string, KnownDigests>> {
  const known = new Map<string, KnownDigests>();
  const add = (manifest: ChecksumManifest, dir: string): void => {
    for (const image of manifest.images) if (image.file_id && !known.has(image.file_id)) known.set(image.file_id, { composeDir: dir, checksums: image.checksums });
  };
  if (previous) add(previous, composeDir);
  for (const old of await listOldComposes(oldComposes, getComposeIdPrefix(compose.release, compose.base_product ?? undefined), composeDir)) {
    const file = path.join(old.dir, 'work', 'global', 'checksum.json');
    if (!(await stat(file).catch(() => undefined))) continue;
    try {
      add(await readManifest<ChecksumManifest>(file, CHECKSUM_MANIFEST), old.dir);
    } catch (error) {
      log.warn(`${file}: ignored for reuse: ${(error as Error).message}`);
    }
  }
  return known;
}
