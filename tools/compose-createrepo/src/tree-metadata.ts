import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { ComposeManifest, ComposeManifestVariant } from '@compose/contracts';
import { getOsTreeDir } from '@compose/compose-info';
import { writeFileAtomic } from '@compose/manifest';
import { describeMedia, describeVariantTree, formatDiscinfoTimestamp, renderDiscinfo, renderMediaRepo, renderTreeinfo, type SourceVariant } from '@compose/treeinfo';
import { toVariantRef } from './list-trees.js';

/**
 * Writes .treeinfo, .discinfo and media.repo into every os tree and source tree, as Pungi's
 * write_tree_info/write_discinfo/write_media_repo do (addons are described in their parent's
 * tree, empty variants have none). One timestamp for the whole compose, so a .discinfo and its
 * media.repo agree. Returns the written files relative to compose/.
 */
export async function writeTreeMetadata(compose: ComposeManifest, composeDir: string, timestamp: number): Promise<string[]> {
  const written: string[] = [];
  const writes: Promise<void>[] = [];
  const stamp = formatDiscinfoTimestamp(timestamp);
  const release = { name: compose.release.name, short: compose.release.short, version: compose.release.version };
  const baseProduct = compose.base_product ? { name: compose.base_product.name, short: compose.base_product.short, version: compose.base_product.version } : undefined;
  const template = typeof compose.config['release_discinfo_description'] === 'string' ? (compose.config['release_discinfo_description'] as string) : undefined;
  for (const variant of compose.variants) {
    if (variant.is_empty || variant.type === 'addon') continue;
    const source = toSourceVariant(compose, variant);
    const parentVariant = compose.variants.find((v) => v.uid === variant.parent);
    const parent = parentVariant ? toSourceVariant(compose, parentVariant) : undefined;
    for (const arch of [...variant.arches, 'src']) {
      const dir = getOsTreeDir(composeDir, toVariantRef(variant), arch);
      await mkdir(dir, { recursive: true });
      const treeinfo = describeVariantTree({ release, baseProduct, variant: source, parent, arch, buildTimestamp: Math.trunc(timestamp) });
      const description = describeMedia({ release, baseProduct, variant: source, arch, template });
      const files: [string, string][] = [
        ['.treeinfo', renderTreeinfo(treeinfo)],
        ['.discinfo', renderDiscinfo({ timestamp: stamp, description, arch })],
        ['media.repo', renderMediaRepo({ name: description, mediaId: stamp })],
      ];
      for (const [name, text] of files) {
        // each atomic write waits for its fsync: all at once, they wait together
        writes.push(writeFileAtomic(path.join(dir, name), text));
        written.push(path.relative(path.join(composeDir, 'compose'), path.join(dir, name)));
      }
    }
  }
  await Promise.all(writes);
  return written;
}

function toSourceVariant(compose: ComposeManifest, variant: ComposeManifestVariant): SourceVariant {
  const children = compose.variants.filter((child) => child.parent === variant.uid).map((child) => toSourceVariant(compose, child));
  const result: SourceVariant = { id: variant.id, uid: variant.uid, name: variant.name, type: variant.type, arches: variant.arches, children };
  if (variant.release) result.release = { ...variant.release };
  return result;
}
