// Reads primary.xml straight into a RepoIndexBuilder, then filelists.xml (filelists-reader.ts):
// only what the solver uses is looked at, and names and versions are interned from the XML bytes.
import { FLAG_AMP, openCursor, type DocumentGrammar, type PackageCursor, type RepoMd, type XmlScanner } from '@compose/repodata';
import { REL_EQ, REL_GT, REL_LT } from './dep-match.js';
import { filelistsGrammar } from './filelists-reader.js';
import type { RepoIndexBuilder } from './index-builder.js';
import { A, AMP, attributes, E, ELEMENTS, elements, LT, SLASH, type ReadState } from './metadata-names.js';
import { isRuntimeFile } from './multilib.js';
import { HAS_RUNTIME_FILES, NOSRC_LOCATION } from './repo-index.js';

const NOSRC = Buffer.from('.nosrc.rpm', 'latin1');
/** Dependency lists the solver never reads: skipped to their end tag in one search. */
const SKIPPED_LISTS = new Map([E.conflicts, E.obsoletes, E.recommends, E.suggests, E.supplements, E.enhances].map((id) => [id, Buffer.from(`</rpm:${ELEMENTS[id]}>`, 'latin1')]));
const scratch = Buffer.alloc(1 << 16);

/** Interns the value of attribute `a`, decoding entities only when there are any. */
function internAttr(b: RepoIndexBuilder, sc: XmlScanner, a: number): number {
  const flags = sc.attrFlags[a]!;
  if (flags & FLAG_AMP) return b.strings.intern(sc.attrValue(a));
  return b.strings.internBytes(sc.buf, sc.attrStart[a]!, sc.attrEnd[a]!);
}

/** Interns the text of the element just opened and consumes its end tag. */
function internText(b: RepoIndexBuilder, sc: XmlScanner): number {
  if (sc.selfClosing) return b.strings.intern('');
  const buf = sc.buf;
  const start = sc.pos;
  const end = buf.indexOf(LT, start);
  if (end < 0 || end >= sc.limit || buf[end + 1] !== SLASH) return b.strings.intern(sc.readText());
  for (let i = start; i < end; i++) if (buf[i] === AMP) return b.strings.intern(sc.readText());
  const id = b.strings.internBytes(buf, start, end);
  sc.pos = end;
  sc.nextTag();
  return id;
}

function relationBits(sc: XmlScanner, a: number): number {
  const start = sc.attrStart[a]!;
  if (sc.attrEnd[a]! - start !== 2) return 0;
  const first = sc.buf[start];
  const second = sc.buf[start + 1];
  if (first === 0x45 && second === 0x51) return REL_EQ;
  if (first === 0x47) return second === 0x45 ? REL_GT | REL_EQ : second === 0x54 ? REL_GT : 0;
  if (first === 0x4c) return second === 0x45 ? REL_LT | REL_EQ : second === 0x54 ? REL_LT : 0;
  return 0;
}

/** One `<rpm:entry>`: the EVR is interned as "epoch\nversion\nrelease". */
function readEntry(b: RepoIndexBuilder, sc: XmlScanner, provide: boolean): void {
  let name = -1;
  let flags = 0;
  let epoch = -1;
  let ver = -1;
  let rel = -1;
  for (let a = 0; a < sc.attrCount; a++) {
    switch (sc.attrId[a]) {
      case A.name: name = internAttr(b, sc, a); break;
      case A.flags: flags = relationBits(sc, a); break;
      case A.epoch: epoch = a; break;
      case A.ver: ver = a; break;
      case A.rel: rel = a; break;
    }
  }
  let evr = -1;
  if (flags !== 0) {
    let at = 0;
    let entities = false;
    for (const [index, sep] of [[epoch, true], [ver, true], [rel, false]] as const) {
      if (index >= 0) {
        const start = sc.attrStart[index]!;
        const end = sc.attrEnd[index]!;
        if (sc.attrFlags[index]! & FLAG_AMP || at + end - start > scratch.length - 2) entities = true;
        else for (let i = start; i < end; i++) scratch[at++] = sc.buf[i]!;
      }
      if (sep) scratch[at++] = 0x0a;
    }
    evr = entities
      ? b.strings.intern([epoch, ver, rel].map((i) => (i >= 0 ? sc.attrValue(i) : '')).join('\n'))
      : b.strings.internBytes(scratch, 0, at);
  }
  if (name < 0) return;
  if (provide) b.addProvide(name, flags, evr);
  else b.addRequire(name, flags, evr);
}

function readLocation(b: RepoIndexBuilder, sc: XmlScanner): void {
  for (let a = 0; a < sc.attrCount; a++) {
    if (sc.attrId[a] === A.href) {
      b.current.location = internAttr(b, sc, a);
      const end = sc.attrEnd[a]!;
      if (end - sc.attrStart[a]! >= NOSRC.length && sc.buf.compare(NOSRC, 0, NOSRC.length, end - NOSRC.length, end) === 0) b.current.flags |= NOSRC_LOCATION;
    } else if (sc.attrId[a] === A['xml:base']) b.current.locationBase = internAttr(b, sc, a);
  }
  sc.skipElement();
}

/** Jumps over a dependency list the solver does not use; falls back to tag-by-tag for odd prefixes. */
function skipList(sc: XmlScanner, id: number): void {
  if (sc.selfClosing) return;
  const close = SKIPPED_LISTS.get(id)!;
  const buf = sc.buf;
  if (buf[sc.tagStart + 1] === 0x72 && buf[sc.tagStart + 4] === 0x3a) {
    const at = buf.indexOf(close, sc.pos);
    if (at >= 0 && at < sc.limit) {
      sc.pos = at + close.length;
      return;
    }
  }
  sc.skipElement();
}

function primaryGrammar(state: ReadState): DocumentGrammar<number> {
  const b = state.builder;
  const primaryFiles: number[] = [];
  return {
    root: 'metadata',
    elements,
    attributes,
    rootId: E.metadata,
    packageId: E.package,
    parse(sc) {
      let list = 0; // 1 provides, 2 requires
      let pkgid = '';
      primaryFiles.length = 0;
      const empty = sc.selfClosing;
      while (!empty && sc.nextTag()) {
        const id = sc.nameId;
        if (sc.closing) {
          if (id === E.package) break;
          if (id === E.provides || id === E.requires) list = 0;
          continue;
        }
        switch (id) {
          case E.entry: if (list) readEntry(b, sc, list === 1); break;
          case E.name: b.current.name = internText(b, sc); break;
          case E.arch: b.current.arch = internText(b, sc); break;
          case E.version:
            for (let a = 0; a < sc.attrCount; a++) {
              if (sc.attrId[a] === A.epoch) b.current.epoch = sc.attrInt(a);
              else if (sc.attrId[a] === A.ver) b.current.version = internAttr(b, sc, a);
              else if (sc.attrId[a] === A.rel) b.current.release = internAttr(b, sc, a);
            }
            sc.skipElement();
            break;
          case E.checksum: if (state.pkgids) pkgid = sc.readText(); else sc.skipElement(); break;
          case E.location: readLocation(b, sc); break;
          case E.sourcerpm: b.current.sourcerpm = internText(b, sc); break;
          case E.provides: list = sc.selfClosing ? 0 : 1; break;
          case E.requires: list = sc.selfClosing ? 0 : 2; break;
          case E.format: break;
          case E.file:
            if (state.pkgids) sc.skipElement();
            else primaryFiles.push(internText(b, sc));
            break;
          default:
            if (SKIPPED_LISTS.has(id)) skipList(sc, id);
            else sc.skipElement();
        }
      }
      const pkg = b.endPackage();
      state.pkgids?.push(pkgid);
      for (const path of primaryFiles) {
        b.addFile(pkg, path);
        if (isRuntimeFile(b.strings.text(path))) b.markFlag(pkg, HAS_RUNTIME_FILES);
      }
      return pkg;
    },
  };
}


async function drain(cursor: PackageCursor<number>, signal: AbortSignal | undefined): Promise<void> {
  try {
    for (;;) {
      if (cursor.next() !== undefined) continue;
      signal?.throwIfAborted();
      if (!(await cursor.fill())) return;
    }
  } finally {
    cursor.close();
  }
}

export interface ReadOptions {
  /** File paths to keep besides those this repo requires (other repos require them). */
  extraPaths?: readonly string[];
  verify?: boolean;
  signal?: AbortSignal;
}

/** Fills `builder` from a repo's primary.xml and, when the repo has one, its filelists.xml. */
export async function readRepoMetadata(repomd: RepoMd, builder: RepoIndexBuilder, options: ReadOptions): Promise<void> {
  const hasFilelists = repomd.records.some((r) => r.type === 'filelists');
  const state: ReadState = { builder, ...(hasFilelists ? { pkgids: [] } : {}) };
  await drain(openCursor(repomd, 'primary', primaryGrammar(state), options), options.signal);
  if (!hasFilelists) return;
  state.wantedFiles = builder.wantedFiles(options.extraPaths ?? []);
  await drain(openCursor(repomd, 'filelists', filelistsGrammar(state), options), options.signal);
}
