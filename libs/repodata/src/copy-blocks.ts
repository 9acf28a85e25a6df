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
  // Copying needs only the block's end and its <location>: find both with indexOf instead of
  // tokenizing every dependency entry (this grammar runs over the whole of primary.xml).
  parse(sc) {
    const block: PrimaryBlock = { locationStart: -1, locationEnd: -1, href: '' };
    if (sc.selfClosing) return block;
    const end = sc.buf.indexOf(PACKAGE_END, sc.pos, 'latin1');
    if (end < 0 || end >= sc.limit) {
      sc.pos = sc.limit;
      return block;
    }
    const location = sc.buf.indexOf(LOCATION_START, sc.pos, 'latin1');
    if (location >= 0 && location < end) {
      const close = sc.buf.indexOf(TAG_END, location);
      const tag = sc.buf.toString('latin1', location, close + 1);
      block.locationStart = location;
      block.locationEnd = close + 1;
      block.href = decodeXmlAttribute(/\shref=(?:"([^"]*)"|'([^']*)')/.exec(tag), sc.buf, location);
    }
    // Leave the scanner as if it had just read </package>, which is what the cursor checks.
    sc.pos = end + PACKAGE_END.length;
    sc.tagStart = end;
    sc.closing = true;
    sc.nameId = 1;
    return block;
  },
};

const PACKAGE_END = '</package>';
const LOCATION_START = '<location';
const TAG_END = 0x3e;

/** The href of a <location> tag, decoded as UTF-8 with XML entities resolved. */
function decodeXmlAttribute(match: RegExpExecArray | null, buf: Buffer, tagStart: number): string {
  if (!match) return '';
  const raw = match[1] ?? match[2] ?? '';
  const start = tagStart + (match.index ?? 0) + match[0].indexOf(raw);
  const text = /[\x80-\xff]/.test(raw) ? buf.toString('utf8', start, start + raw.length) : raw;
  return text.includes('&') ? unescapeXml(text) : text;
}

function unescapeXml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) =>
    ref.startsWith('#x') ? String.fromCodePoint(parseInt(ref.slice(2), 16)) : ref.startsWith('#') ? String.fromCodePoint(parseInt(ref.slice(1), 10)) : (named[ref] ?? whole),
  );
}

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
