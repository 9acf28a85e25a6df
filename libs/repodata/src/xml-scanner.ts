import type { NameTable } from './name-table.js';
import { decodeText, FLAG_AMP, FLAG_HIGH } from './decode-text.js';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const AMP = 0x26;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const MAX_ATTRS = 64;

/**
 * A pull tokenizer over one Buffer holding complete rpm-md elements. It is not a general XML
 * parser: it knows no DTDs or namespaces (a name's prefix is dropped, rpm-md always binds `rpm:`
 * the same way), and it only decodes the values a caller asks for. It never reads past `limit`,
 * so a truncated document ends the tag stream instead of looping or reading garbage.
 */
export class XmlScanner {
  buf: Buffer = Buffer.alloc(0);
  pos = 0;
  limit = 0;
  /** Offset of the current tag's `<`. */
  tagStart = 0;
  closing = false;
  selfClosing = false;
  /** Id of the current tag's local name in the element table, -1 when unknown. */
  nameId = -1;
  attrCount = 0;
  readonly attrId = new Int32Array(MAX_ATTRS);
  readonly attrStart = new Int32Array(MAX_ATTRS);
  readonly attrEnd = new Int32Array(MAX_ATTRS);
  readonly attrFlags = new Uint8Array(MAX_ATTRS);

  constructor(
    private readonly elements: NameTable,
    private readonly attributes: NameTable,
  ) {}

  reset(buf: Buffer, start: number, limit: number): void {
    this.buf = buf;
    this.pos = start;
    this.limit = limit;
  }

  /** Moves to the next start or end tag, skipping text, comments, CDATA and PIs; false at the end. */
  nextTag(): boolean {
    const buf = this.buf;
    const limit = this.limit;
    let i = this.pos;
    for (;;) {
      i = buf.indexOf(LT, i);
      if (i < 0 || i + 1 >= limit) {
        this.pos = limit;
        return false;
      }
      const next = buf[i + 1];
      if (next === BANG || next === QUESTION) {
        i = this.skipMarkup(i);
        if (i < 0) return false;
        continue;
      }
      this.tagStart = i;
      this.closing = next === SLASH;
      return this.closing ? this.readEndTag(i + 2) : this.readStartTag(i + 1);
    }
  }

  /** Decoded value of attribute `index` of the current tag. */
  attrValue(index: number): string {
    return decodeText(this.buf, this.attrStart[index]!, this.attrEnd[index]!, this.attrFlags[index]!);
  }

  /** Value of attribute `index` as a non-negative integer, without building a string. */
  attrInt(index: number): number {
    const buf = this.buf;
    const end = this.attrEnd[index]!;
    let value = 0;
    for (let i = this.attrStart[index]!; i < end; i++) {
      const digit = buf[i]! - 0x30;
      if (digit < 0 || digit > 9) return Number(this.attrValue(index)) || 0;
      value = value * 10 + digit;
    }
    return value;
  }

  /** True when attribute `index` is exactly `expected` (ASCII). */
  attrIs(index: number, expected: string): boolean {
    const start = this.attrStart[index]!;
    if (this.attrEnd[index]! - start !== expected.length) return false;
    for (let i = 0; i < expected.length; i++) if (this.buf[start + i] !== expected.charCodeAt(i)) return false;
    return true;
  }

  /** Text content of the element whose start tag was just read; consumes its end tag. */
  readText(): string {
    if (this.selfClosing) return '';
    const buf = this.buf;
    const limit = this.limit;
    const start = this.pos;
    let flags = 0;
    let i = start;
    for (; i < limit; i++) {
      const c = buf[i]!;
      if (c === LT) break;
      if (c === AMP) flags |= FLAG_AMP;
      else if (c > 0x7f) flags |= FLAG_HIGH;
    }
    if (i < limit && buf[i + 1] === SLASH) {
      const text = decodeText(buf, start, i, flags);
      this.pos = i;
      this.nextTag();
      return text;
    }
    return this.readMixedText(start);
  }

  /** Skips the rest of the element whose start tag was just read, children included. */
  skipElement(): void {
    if (this.selfClosing) return;
    let depth = 1;
    while (depth > 0 && this.nextTag()) {
      if (this.closing) depth--;
      else if (!this.selfClosing) depth++;
    }
  }

  /** Text interrupted by CDATA sections, comments or (unexpected) child elements. */
  private readMixedText(start: number): string {
    const buf = this.buf;
    let text = '';
    let i = start;
    for (;;) {
      const lt = buf.indexOf(LT, i);
      if (lt < 0 || lt >= this.limit) {
        this.pos = this.limit;
        return text;
      }
      text += decodeText(buf, i, lt, FLAG_AMP | FLAG_HIGH);
      if (buf.toString('latin1', lt, lt + 9) === '<![CDATA[') {
        const close = buf.indexOf(']]>', lt + 9, 'latin1');
        const end = close < 0 || close > this.limit ? this.limit : close;
        text += buf.toString('utf8', lt + 9, end);
        i = end + 3;
        continue;
      }
      this.pos = lt;
      if (buf[lt + 1] === BANG || buf[lt + 1] === QUESTION) {
        i = this.skipMarkup(lt);
        if (i < 0) return text;
        continue;
      }
      if (!this.nextTag() || this.closing) return text;
      this.skipElement();
      i = this.pos;
    }
  }

  /** Skips `<!-- -->`, `<![CDATA[ ]]>`, `<!DOCTYPE >` or `<? ?>` at `lt`; the offset after it, -1 at the end. */
  private skipMarkup(lt: number): number {
    const buf = this.buf;
    let end: number;
    if (buf[lt + 1] === QUESTION) end = indexAfter(buf, '?>', lt + 2);
    else if (buf[lt + 2] === 0x2d) end = indexAfter(buf, '-->', lt + 4);
    else if (buf[lt + 2] === 0x5b) end = indexAfter(buf, ']]>', lt + 9);
    else end = indexAfter(buf, '>', lt + 2);
    if (end < 0 || end > this.limit) {
      this.pos = this.limit;
      return -1;
    }
    this.pos = end;
    return end;
  }

  private readEndTag(nameStart: number): boolean {
    const buf = this.buf;
    let i = nameStart;
    let local = nameStart;
    for (let c = buf[i]; c !== GT && c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && i < this.limit; c = buf[++i]) {
      if (c === COLON) local = i + 1;
    }
    this.nameId = this.elements.lookup(buf, local, i);
    this.selfClosing = false;
    this.attrCount = 0;
    const gt = buf.indexOf(GT, i);
    this.pos = gt < 0 || gt >= this.limit ? this.limit : gt + 1;
    return gt >= 0 && gt < this.limit;
  }

  private readStartTag(nameStart: number): boolean {
    const buf = this.buf;
    const limit = this.limit;
    let i = nameStart;
    let local = nameStart;
    for (let c = buf[i]; c !== GT && c !== SLASH && c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && i < limit; c = buf[++i]) {
      if (c === COLON) local = i + 1;
    }
    this.nameId = this.elements.lookup(buf, local, i);
    this.selfClosing = false;
    let count = 0;
    while (i < limit) {
      const c = buf[i]!;
      if (c === GT) {
        this.attrCount = count;
        this.pos = i + 1;
        return true;
      }
      if (c === SLASH) {
        this.selfClosing = true;
        i++;
        continue;
      }
      if (c <= 0x20) {
        i++;
        continue;
      }
      // An attribute: name, optional blanks, '=', optional blanks, quoted value.
      const attrNameStart = i;
      while (i < limit && buf[i] !== EQUALS && buf[i]! > 0x20) i++;
      const attrNameEnd = i;
      while (i < limit && buf[i] !== DQUOTE && buf[i] !== SQUOTE) i++;
      const quote = buf[i];
      const valueStart = ++i;
      let flags = 0;
      for (; i < limit; i++) {
        const v = buf[i]!;
        if (v === quote) break;
        if (v === AMP) flags |= FLAG_AMP;
        else if (v > 0x7f) flags |= FLAG_HIGH;
      }
      if (count < MAX_ATTRS) {
        this.attrId[count] = this.attributes.lookup(buf, attrNameStart, attrNameEnd);
        this.attrStart[count] = valueStart;
        this.attrEnd[count] = Math.min(i, limit);
        this.attrFlags[count] = flags;
        count++;
      }
      i++;
    }
    this.attrCount = count;
    this.pos = limit;
    return false;
  }
}

function indexAfter(buf: Buffer, needle: string, from: number): number {
  const at = buf.indexOf(needle, from, 'latin1');
  return at < 0 ? -1 : at + needle.length;
}
