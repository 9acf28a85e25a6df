// The byte-level half of the primary.xml reader (primary-scanner.ts): tag names and attributes
// read straight from the buffer, with no string per tag and no generic XML tokenizer.
import { FLAG_AMP, FLAG_HIGH } from '@compose/repodata';

const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const AMP = 0x26;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const QUESTION = 0x3f;
const HYPHEN = 0x2d;
const LBRACKET = 0x5b;

// Hot-loop constants and helpers stay module-local in both files: an imported binding is a
// live binding, loaded and checked on every use.
function isAt(buf: Uint8Array, at: number, end: number, word: Uint8Array): boolean {
  if (end - at !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[at + i] !== word[i]) return false;
  return true;
}

/** Tag and attribute reading over one buffer of complete packages; the subclass reads the fields. */
export class PrimaryTokenizer {
  protected buf: Buffer = Buffer.alloc(0);
  protected limit = 0;
  // The attribute just read by nextAttr (nameEnd also ends a tag name read by localName), and
  // where the tag ended.
  protected nameStart = 0;
  protected nameEnd = 0;
  protected valueStart = 0;
  protected valueEnd = 0;
  protected valueFlags = 0;
  protected tagEnd = 0;
  protected selfClosing = false;

  /** Reads a tag name from `at`; sets nameEnd and returns where the local part starts. */
  protected localName(at: number): number {
    const buf = this.buf;
    const limit = this.limit;
    let local = at;
    let i = at;
    for (; i < limit; i++) {
      const c = buf[i]!;
      if (c === COLON) local = i + 1;
      else if (c <= 0x20 || c === GT || c === SLASH) break;
    }
    this.nameEnd = i;
    return local;
  }

  /** Parses the next attribute from `at` into name/value fields; false at the tag's end (tagEnd, selfClosing set). */
  protected nextAttr(at: number): boolean {
    const buf = this.buf;
    const limit = this.limit;
    let i = at;
    for (;;) {
      if (i >= limit) {
        this.tagEnd = -1;
        return false;
      }
      const c = buf[i]!;
      if (c === GT) {
        this.tagEnd = i + 1;
        this.selfClosing = buf[i - 1] === SLASH;
        return false;
      }
      if (c > 0x20 && c !== SLASH) break;
      i++;
    }
    this.nameStart = i;
    while (i < limit && buf[i] !== EQUALS && buf[i]! > 0x20) i++;
    this.nameEnd = i;
    while (i < limit && buf[i] !== DQUOTE && buf[i] !== SQUOTE) i++;
    const quote = buf[i];
    const start = ++i;
    let flags = 0;
    for (; i < limit; i++) {
      const v = buf[i]!;
      if (v === quote) break;
      if (v === AMP) flags |= FLAG_AMP;
      else if (v > 0x7f) flags |= FLAG_HIGH;
    }
    this.valueStart = start;
    this.valueEnd = i;
    this.valueFlags = flags;
    this.tagEnd = i + 1;
    return true;
  }

  protected attrIs(word: Uint8Array): boolean {
    return isAt(this.buf, this.nameStart, this.nameEnd, word);
  }

  protected skipAttributes(at: number): number {
    let i = at;
    while (this.nextAttr(i)) i = this.tagEnd;
    return this.tagEnd;
  }

  /** Skips `<!-- -->`, `<![CDATA[ ]]>`, `<!DOCTYPE >` or `<? ?>` at `lt`; the offset after it, -1 past the buffer. */
  protected skipMarkup(lt: number): number {
    const buf = this.buf;
    let close = '>';
    if (buf[lt + 1] === QUESTION) close = '?>';
    else if (buf[lt + 2] === HYPHEN) close = '-->';
    else if (buf[lt + 2] === LBRACKET) close = ']]>';
    const at = buf.indexOf(close, lt + 2, 'latin1');
    return at < 0 || at + close.length > this.limit ? -1 : at + close.length;
  }
}
