// Bringing finished parts into the final compose: their trees hard-linked under compose/, their
// metadata merged into compose/metadata/.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { getComposeTreeDir } from '@compose/compose-info';
import { linkTree, writeMergedMetadata, type LinkTreeResult } from '@compose/compose-merge';
import type { FinalCompose } from './final-compose.js';
import { isPartFinished, type PartsRecord } from './part-status.js';

/**
 * Everything under a part's compose/ except metadata/: one directory per variant (children such
 * as Server-optional included, which pungi-orchestrate's top-level variant walk leaves out).
 */
export async function listPartTrees(partDir: string): Promise<string[]> {
  try {
    const entries = await readdir(getComposeTreeDir(partDir), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && e.name !== 'metadata').map((e) => e.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function linkPartTrees(finalDir: string, partDir: string): Promise<LinkTreeResult & { trees: string[] }> {
  const trees = await listPartTrees(partDir);
  const total: LinkTreeResult = { files: 0, unchanged: 0 };
  for (const tree of trees) {
    const result = await linkTree(path.join(getComposeTreeDir(partDir), tree), path.join(getComposeTreeDir(finalDir), tree));
    total.files += result.files;
    total.unchanged += result.unchanged;
  }
  return { ...total, trees };
}

/** Drops what an earlier run of a part linked into the final compose, before the part runs again. */
export async function unlinkPartTrees(finalDir: string, partDir: string): Promise<string[]> {
  const trees = await listPartTrees(partDir);
  for (const tree of trees) await rm(path.join(getComposeTreeDir(finalDir), tree), { recursive: true, force: true });
  return trees;
}

/** Rebuilds compose/metadata from every finished part, in the parts file's order. */
export async function mergePartsMetadata(final: FinalCompose, order: readonly string[], record: Readonly<PartsRecord>): Promise<string[]> {
  const sources = order
    .filter((name) => isPartFinished(record[name]!.status) && record[name]!.path)
    .map((name) => path.join(getComposeTreeDir(record[name]!.path!), 'metadata'));
  return writeMergedMetadata({ metadataDir: path.join(getComposeTreeDir(final.composeDir), 'metadata'), baseComposeInfo: final.baseComposeInfo, sources });
}
