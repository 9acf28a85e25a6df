import { escapeXml } from './decode-text.js';
import { NameTable } from './name-table.js';
import { FILELISTS_GRAMMAR, OTHER_GRAMMAR, readPackageId } from './filelists-grammar.js';
import type { DocumentGrammar, PackageCursor } from './package-cursor.js';
import type { GzipRecordWriter } from './record-writer.js';

/** Where `<location>` sits inside a primary package block, to point it at a new base URL. */
export interface PrimaryBlock {
  locationStart: number;
  locationEnd: number;
  href: string;
}

const PRIMARY_ELEMENTS = new NameTable(['metadata', 'package', 'location']);
const PRIMARY_ATTRIBUTES = new NameTable(['href']);

/** primary.xml read only as far as copying blocks needs: package boundaries and `<location>`. */
export const PRIMARY_BLOCKS: DocumentGrammar<PrimaryBlock> = {
  root: 'metadata',
  elements: PRIMARY_ELEMENTS,
  attributes: PRIMARY_ATTRIBUTES,
  rootId: 0,
  packageId: 1,
  parse(sc) {
    const block: PrimaryBlock = { locationStart: -1, locationEnd: -1, href: '' };
    if (sc.selfClosing) return block;
    while (sc.nextTag()) {
      if (sc.closing) {
        if (sc.nameId === 1) break;
        continue;
      }
      if (sc.nameId === 2) {
        block.locationStart = sc.tagStart;
        for (let a = 0; a < sc.attrCount; a++) if (sc.attrId[a] === 0) block.href = sc.attrValue(a);
        sc.skipElement();
        block.locationEnd = sc.pos;
      }
    }
    return block;
  },
};

/** filelists.xml and other.xml read only for each block's pkgid. */
export const FILELISTS_BLOCKS: DocumentGrammar<string> = { ...FILELISTS_GRAMMAR, parse: readPackageId };
export const OTHER_BLOCKS: DocumentGrammar<string> = { ...OTHER_GRAMMAR, parse: readPackageId };

export interface CopyPlan<T> {
  /** XML declaration and root start tag for `count` packages. */
  header(count: number): string;
  footer: string;
  isKept(item: T, index: number): boolean;
  /** Rewrites a kept block; default: the source bytes unchanged. */
  rewrite?(block: Buffer, item: T, blockStart: number): Buffer[];
}

/**
 * Streams the kept package blocks of a document into `writer`, byte for byte, one write per
 * source chunk. Returns how many blocks were kept.
 */
export async function copyKeptBlocks<T>(cursor: PackageCursor<T>, writer: GzipRecordWriter, plan: CopyPlan<T>, count: number): Promise<number> {
  await writer.write(plan.header(count));
  let kept = 0;
  let parts: Buffer[] = [];
  try {
    for (;;) {
      const item = cursor.next();
      if (item === undefined) {
        if (parts.length > 0) await writer.write(Buffer.concat(parts));
        parts = [];
        if (!(await cursor.fill())) break;
        continue;
      }
      if (!plan.isKept(item, cursor.count - 1)) continue;
      const block = cursor.buffer.subarray(cursor.blockStart, cursor.blockEnd);
      if (plan.rewrite) parts.push(...plan.rewrite(block, item, cursor.blockStart));
      else parts.push(block);
      parts.push(NEWLINE);
      kept++;
    }
  } finally {
    cursor.close();
  }
  await writer.write(plan.footer);
  return kept;
}

const NEWLINE = Buffer.from('\n');

/** Replaces a block's `<location>` by one carrying `xml:base`, as createrepo_c --baseurl writes it. */
export function relocateBlock(baseUrl: string): (block: Buffer, item: PrimaryBlock, blockStart: number) => Buffer[] {
  return (block, item, blockStart) => {
    if (item.locationStart < 0) return [block];
    const tag = Buffer.from(`<location xml:base="${escapeXml(baseUrl)}" href="${escapeXml(item.href)}"/>`, 'utf8');
    return [block.subarray(0, item.locationStart - blockStart), tag, block.subarray(item.locationEnd - blockStart)];
  };
}
