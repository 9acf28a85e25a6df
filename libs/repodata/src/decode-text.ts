/** The value contains `&`: entity references must be expanded. */
export const FLAG_AMP = 1;
/** The value contains bytes above 0x7f: it must be decoded as UTF-8, not Latin-1. */
export const FLAG_HIGH = 2;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g;

/**
 * Buffer's own slice methods: `toString(encoding, start, end)` ends in them after argument
 * checks and an encoding switch that cost more than the copy for the short values of rpm-md.
 */
interface BufferSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}
const HAS_SLICES = typeof (Buffer.prototype as unknown as Partial<BufferSlices>).latin1Slice === 'function';

// One-character values ("0" epochs and releases) are by far the most common: no allocation.
const ONE_CHAR = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));

/**
 * Turns `buf[start, end)` into a string. The scanner already knows whether the bytes are plain
 * ASCII and free of `&`, which is nearly always the case in rpm-md, so the common path is a
 * single Latin-1 copy.
 */
export function decodeText(buf: Buffer, start: number, end: number, flags: number): string {
  const length = end - start;
  if (length <= 0) return '';
  if (length === 1 && flags === 0) return ONE_CHAR[buf[start]!]!;
  let text: string;
  if (HAS_SLICES) {
    const slices = buf as unknown as BufferSlices;
    text = flags & FLAG_HIGH ? slices.utf8Slice(start, end) : slices.latin1Slice(start, end);
  } else {
    text = buf.toString(flags & FLAG_HIGH ? 'utf8' : 'latin1', start, end);
  }
  return flags & FLAG_AMP ? expandReferences(text) : text;
}

/** Expands the five predefined entities and numeric character references; others stay as written. */
export function expandReferences(text: string): string {
  return text.replace(REFERENCE, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 0x23) {
      const code = ref.charCodeAt(1) === 0x78 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** Escapes text for an XML attribute value or element content. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
