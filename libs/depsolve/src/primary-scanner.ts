// A primary.xml package reader working on the raw bytes: one native indexOf('<') per tag,
// the tag told by its local name's length and bytes, and attributes parsed only for the few
// tags the solver reads. Text and attribute values cannot hold a raw '<' in XML, so skipping
// a tag or a text is finding the next '<'; comments, CDATA and PIs are skipped whole.
import { decodeText, FLAG_AMP, FLAG_HIGH, type XmlScanner } from '@compose/repodata';
import { PrimaryTokenizer } from './primary-tokens.js';
import { REL_EQ, REL_GT, REL_LT } from './dep-match.js';
import type { RepoIndexBuilder } from './index-builder.js';
import { isRuntimeFile } from './multilib.js';
import type { PkgidKeys } from './pkgid-keys.js';
import { HAS_RUNTIME_FILES, NOSRC_LOCATION } from './repo-index.js';

const LT = 0x3c;
const SLASH = 0x2f;
const AMP = 0x26;
const BANG = 0x21;
const QUESTION = 0x3f;

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');
const N = {
  package: bytes('package'), entry: bytes('entry'), name: bytes('name'), arch: bytes('arch'), file: bytes('file'),
  version: bytes('version'), checksum: bytes('checksum'), location: bytes('location'), provides: bytes('provides'),
  requires: bytes('requires'), sourcerpm: bytes('sourcerpm'), epoch: bytes('epoch'), ver: bytes('ver'), rel: bytes('rel'),
  flags: bytes('flags'), href: bytes('href'), base: bytes('xml:base'),
};
/** Dependency lists the solver never reads, jumped over to their `rpm:`-prefixed end tag. */
const SKIPPED = ['conflicts', 'obsoletes', 'recommends', 'suggests', 'supplements', 'enhances'].map((name) => ({
  name: bytes(name),
  close: bytes(`</rpm:${name}>`),
}));
const NOSRC = bytes('.nosrc.rpm');
const RPM_PREFIX = bytes('rpm:');

function isAt(buf: Uint8Array, at: number, end: number, word: Uint8Array): boolean {
  if (end - at !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[at + i] !== word[i]) return false;
  return true;
}

/** Reads the fields the solver uses into a RepoIndexBuilder. */
export class PrimaryScanner extends PrimaryTokenizer {
  private readonly evr = Buffer.alloc(1 << 16);
  private readonly files: number[] = [];
  private pkgidSeen = false;
  private sc!: XmlScanner;

  /** `pkgids` collects each package's checksum for matching filelists.xml; without it, primary's `<file>`s are kept. */
  constructor(
    private readonly b: RepoIndexBuilder,
    private readonly pkgids: PkgidKeys | undefined,
  ) {
    super();
  }

  /** Reads one package; `sc` is just after its start tag and is left on its end tag. Returns its id. */
  readPackage(sc: XmlScanner): number {
    this.sc = sc;
    this.buf = sc.buf;
    this.limit = sc.limit;
    this.files.length = 0;
    this.pkgidSeen = false;
    if (!sc.selfClosing) {
      const end = this.readChildren(sc.pos);
      sc.reset(this.buf, end >= 0 ? end : this.limit, this.limit);
      if (end >= 0) sc.nextTag();
    }
    const b = this.b;
    const id = b.endPackage();
    // Every package gets a key, so filelists entries keep matching by position.
    if (this.pkgids && !this.pkgidSeen) this.pkgids.pushText('');
    for (const path of this.files) {
      b.addFile(id, path);
      if (isRuntimeFile(b.strings.text(path))) b.markFlag(id, HAS_RUNTIME_FILES);
    }
    return id;
  }

  /** Walks the package's children; returns the offset of its `</package>`, -1 when the buffer ends first. */
  private readChildren(from: number): number {
    const buf = this.buf;
    const limit = this.limit;
    let list = 0; // 1 provides, 2 requires
    let i = from;
    for (;;) {
      const lt = buf.indexOf(LT, i);
      if (lt < 0 || lt + 1 >= limit) return -1;
      const first = buf[lt + 1]!;
      if (first === SLASH) {
        const local = this.localName(lt + 2);
        if (isAt(buf, local, this.nameEnd, N.package)) return lt;
        if (list !== 0 && !isAt(buf, local, this.nameEnd, N.entry)) list = 0;
        i = this.nameEnd;
        continue;
      }
      if (first === BANG || first === QUESTION) {
        i = this.skipMarkup(lt);
        if (i < 0) return -1;
        continue;
      }
      const local = this.localName(lt + 1);
      const end = this.nameEnd;
      i = end;
      switch (end - local) {
        case 5:
          if (list !== 0 && isAt(buf, local, end, N.entry)) i = this.readEntry(end, list === 1);
          break;
        case 4:
          if (isAt(buf, local, end, N.name)) i = this.readText(end, 0);
          else if (isAt(buf, local, end, N.arch)) i = this.readText(end, 1);
          else if (isAt(buf, local, end, N.file) && !this.pkgids) i = this.readText(end, 3);
          break;
        case 7:
          if (isAt(buf, local, end, N.version)) i = this.readVersion(end);
          break;
        case 8:
          if (isAt(buf, local, end, N.provides) || isAt(buf, local, end, N.requires)) {
            i = this.skipAttributes(end);
            if (!this.selfClosing) list = buf[local] === 0x70 ? 1 : 2;
          } else if (isAt(buf, local, end, N.location)) i = this.readLocation(end);
          else if (isAt(buf, local, end, N.checksum) && this.pkgids) i = this.readChecksum(end);
          else i = this.skipList(lt, local, end);
          break;
        case 9:
          if (isAt(buf, local, end, N.sourcerpm)) i = this.readText(end, 2);
          else i = this.skipList(lt, local, end);
          break;
        case 10:
        case 11:
          i = this.skipList(lt, local, end);
          break;
      }
      if (i < 0) return -1;
    }
  }

  private internValue(): number {
    const strings = this.b.strings;
    if (this.valueFlags & FLAG_AMP) return strings.intern(decodeText(this.buf, this.valueStart, this.valueEnd, this.valueFlags));
    return strings.internBytes(this.buf, this.valueStart, this.valueEnd);
  }

  /** `<rpm:entry name= flags= epoch= ver= rel=/>`: the EVR is interned as "epoch\nversion\nrelease". */
  private readEntry(at: number, provide: boolean): number {
    const buf = this.buf;
    let name = -1;
    let flags = 0;
    let epoch = -1;
    let epochEnd = 0;
    let ver = -1;
    let verEnd = 0;
    let rel = -1;
    let relEnd = 0;
    let entities = false;
    let i = at;
    while (this.nextAttr(i)) {
      i = this.tagEnd;
      const n = this.nameStart;
      const len = this.nameEnd - n;
      const c = buf[n];
      if (len === 4 && c === 0x6e && this.attrIs(N.name)) name = this.internValue();
      else if (len === 5 && c === 0x66 && this.attrIs(N.flags)) flags = this.relationBits();
      else if (len === 5 && c === 0x65 && this.attrIs(N.epoch)) {
        epoch = this.valueStart;
        epochEnd = this.valueEnd;
      } else if (len === 3 && c === 0x76 && this.attrIs(N.ver)) {
        ver = this.valueStart;
        verEnd = this.valueEnd;
      } else if (len === 3 && c === 0x72 && this.attrIs(N.rel)) {
        rel = this.valueStart;
        relEnd = this.valueEnd;
      } else continue;
      if (this.valueFlags & FLAG_AMP) entities = true;
    }
    if (name < 0) return this.tagEnd;
    let evr = -1;
    if (flags !== 0) {
      const strings = this.b.strings;
      const length = (epoch < 0 ? 0 : epochEnd - epoch) + (ver < 0 ? 0 : verEnd - ver) + (rel < 0 ? 0 : relEnd - rel) + 2;
      if (entities || length > this.evr.length) {
        const text = (start: number, end: number): string => (start < 0 ? '' : decodeText(buf, start, end, FLAG_AMP | FLAG_HIGH));
        evr = strings.intern(`${text(epoch, epochEnd)}\n${text(ver, verEnd)}\n${text(rel, relEnd)}`);
      } else {
        const out = this.evr;
        let o = 0;
        if (epoch >= 0) for (let k = epoch; k < epochEnd; k++) out[o++] = buf[k]!;
        out[o++] = 0x0a;
        if (ver >= 0) for (let k = ver; k < verEnd; k++) out[o++] = buf[k]!;
        out[o++] = 0x0a;
        if (rel >= 0) for (let k = rel; k < relEnd; k++) out[o++] = buf[k]!;
        evr = strings.internBytes(out, 0, o);
      }
    }
    if (provide) this.b.addProvide(name, flags, evr);
    else this.b.addRequire(name, flags, evr);
    return this.tagEnd;
  }

  private relationBits(): number {
    const buf = this.buf;
    const start = this.valueStart;
    if (this.valueEnd - start !== 2) return 0;
    const first = buf[start];
    const second = buf[start + 1];
    if (first === 0x45 && second === 0x51) return REL_EQ;
    if (first === 0x47) return second === 0x45 ? REL_GT | REL_EQ : second === 0x54 ? REL_GT : 0;
    if (first === 0x4c) return second === 0x45 ? REL_LT | REL_EQ : second === 0x54 ? REL_LT : 0;
    return 0;
  }

  /** Element text into field 0 name, 1 arch, 2 sourcerpm, 3 a `<file>`; returns the offset after it. */
  private readText(at: number, field: number): number {
    const start = this.skipAttributes(at);
    if (start < 0) return -1;
    const buf = this.buf;
    const strings = this.b.strings;
    let id: number;
    let next: number;
    if (this.selfClosing) {
      id = strings.intern('');
      next = start;
    } else {
      const end = buf.indexOf(LT, start);
      if (end < 0 || end >= this.limit) return -1;
      if (buf[end + 1] !== SLASH) return this.readMixedText(start, field);
      let amp = false;
      for (let k = start; k < end; k++) if (buf[k] === AMP) amp = true;
      id = amp ? strings.intern(decodeText(buf, start, end, FLAG_AMP | FLAG_HIGH)) : strings.internBytes(buf, start, end);
      next = end;
    }
    this.store(field, id);
    return next;
  }

  /** Text with CDATA, comments or child elements in it: the generic scanner reads it. */
  private readMixedText(start: number, field: number): number {
    const sc = this.sc;
    sc.reset(this.buf, start, this.limit);
    sc.selfClosing = false;
    this.store(field, this.b.strings.intern(sc.readText()));
    return sc.pos;
  }

  private store(field: number, id: number): void {
    const c = this.b.current;
    if (field === 0) c.name = id;
    else if (field === 1) c.arch = id;
    else if (field === 2) c.sourcerpm = id;
    else this.files.push(id);
  }

  private readVersion(at: number): number {
    const c = this.b.current;
    let i = at;
    while (this.nextAttr(i)) {
      i = this.tagEnd;
      if (this.attrIs(N.epoch)) c.epoch = this.intValue();
      else if (this.attrIs(N.ver)) c.version = this.internValue();
      else if (this.attrIs(N.rel)) c.release = this.internValue();
    }
    return this.tagEnd;
  }

  private intValue(): number {
    const buf = this.buf;
    let value = 0;
    for (let k = this.valueStart; k < this.valueEnd; k++) {
      const digit = buf[k]! - 0x30;
      if (digit < 0 || digit > 9) return Number(decodeText(buf, this.valueStart, this.valueEnd, this.valueFlags)) || 0;
      value = value * 10 + digit;
    }
    return value;
  }

  private readLocation(at: number): number {
    const c = this.b.current;
    let i = at;
    while (this.nextAttr(i)) {
      i = this.tagEnd;
      if (this.attrIs(N.href)) {
        c.location = this.internValue();
        const end = this.valueEnd;
        if (end - this.valueStart >= NOSRC.length && this.buf.compare(NOSRC, 0, NOSRC.length, end - NOSRC.length, end) === 0) c.flags |= NOSRC_LOCATION;
      } else if (this.attrIs(N.base)) c.locationBase = this.internValue();
    }
    return this.tagEnd;
  }

  private readChecksum(at: number): number {
    const start = this.skipAttributes(at);
    if (start < 0 || this.selfClosing) return start;
    const buf = this.buf;
    const end = buf.indexOf(LT, start);
    if (end < 0 || end >= this.limit) return -1;
    if (buf[end + 1] !== SLASH) return start;
    let amp = false;
    for (let k = start; k < end; k++) if (buf[k] === AMP) amp = true;
    if (amp) this.pkgids!.pushText(decodeText(buf, start, end, FLAG_AMP | FLAG_HIGH));
    else this.pkgids!.push(buf, start, end);
    this.pkgidSeen = true;
    return end;
  }

  /** Jumps to the end tag of a list the solver ignores (other elements of that length just go on). */
  private skipList(lt: number, local: number, end: number): number {
    const buf = this.buf;
    if (local !== lt + 5 || !isAt(buf, lt + 1, local, RPM_PREFIX)) return end;
    for (const list of SKIPPED) {
      if (!isAt(buf, local, end, list.name)) continue;
      const tagEnd = this.skipAttributes(end);
      if (tagEnd < 0 || this.selfClosing) return tagEnd;
      const at = buf.indexOf(list.close, tagEnd);
      return at >= 0 && at < this.limit ? at + list.close.length : tagEnd;
    }
    return end;
  }

}
