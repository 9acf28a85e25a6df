import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FailedError } from '@compose/errors';
import { formatProductmdJson } from '@compose/compose-info';
import { writeFileAtomic } from '@compose/manifest';
import { mergeMetadataDocument, type ProductmdDocument } from './merge-metadata.js';

export interface MergeMetadataOptions {
  /** compose/metadata of the final compose. */
  metadataDir: string;
  /** The final compose's own composeinfo (identity, no variants): the start of composeinfo.json. */
  baseComposeInfo: ProductmdDocument;
  /** compose/metadata dirs of the parts, in the order their content is merged (later wins). */
  sources: readonly string[];
}

/**
 * Writes the merged metadata files of the final compose from scratch: rebuilding from all
 * finished parts (rather than patching) keeps the result right when a part is re-run.
 * pungi-orchestrate writes these with an indent of 2. Returns the file names written.
 */
export async function writeMergedMetadata(options: MergeMetadataOptions): Promise<string[]> {
  const compose = (options.baseComposeInfo.payload['compose'] ?? {}) as Record<string, unknown>;
  const merged = new Map<string, ProductmdDocument>([['composeinfo.json', options.baseComposeInfo]]);
  for (const dir of options.sources) {
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
      const source = await readMetadataFile(path.join(dir, name));
      merged.set(name, mergeMetadataDocument(merged.get(name), source, compose));
    }
  }
  for (const [name, document] of merged) await writeFileAtomic(path.join(options.metadataDir, name), formatProductmdJson(document, 2));
  return [...merged.keys()].sort();
}

async function readMetadataFile(file: string): Promise<ProductmdDocument> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ProductmdDocument;
  } catch (error) {
    throw new FailedError('PART_METADATA_UNREADABLE', `cannot read part metadata ${file}: ${(error as Error).message}`, {
      hint: 're-run that part (parts restart --part NAME)',
    });
  }
}
