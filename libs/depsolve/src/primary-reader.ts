// Reads primary.xml (and filelists.xml) straight into a RepoIndexBuilder: only what the solver
// uses is looked at, and names and versions are interned from the XML bytes without a JS string.
import { decodeText, FLAG_AMP, NameTable, openCursor, type DocumentGrammar, type PackageCursor, type RepoMd, type XmlScanner } from '@compose/repodata';
import { REL_EQ, REL_GT, REL_LT } from './dep-match.js';
import type { RepoIndexBuilder } from './index-builder.js';
import { isRuntimeFile } from './multilib.js';
import { HAS_RUNTIME_FILES, NOSRC_LOCATION } from './repo-index.js';

const ELEMENTS = [
  'metadata', 'package', 'name', 'arch', 'version', 'checksum', 'location', 'sourcerpm', 'provides', 'requires',
  'entry', 'file', 'format', 'conflicts', 'obsoletes', 'recommends', 'suggests', 'supplements', 'enhances', 'filelists',
] as const;
const E = Object.fromEntries(ELEMENTS.map((name, id) => [name, id])) as Record<(typeof ELEMENTS)[number], number>;
const ATTRIBUTES = ['epoch', 'ver', 'rel', 'href', 'xml:base', 'name', 'flags', 'pkgid'] as const;
const A = Object.fromEntries(ATTRIBUTES.map((name, id) => [name, id])) as Record<(typeof ATTRIBUTES)[number], number>;
const elements = new NameTable(ELEMENTS);
const attributes = new NameTable(ATTRIBUTES);
const LT = 0x3c;
const SLASH = 0x2f;
const AMP = 0x26;
const NOSRC = Buffer.from('.nosrc.rpm', 'latin1');
/** Dependency lists the solver never reads: skipped to their end tag in one search. */
const SKIPPED_LISTS = new Map([E.conflicts, E.obsoletes, E.recommends, E.suggests, E.supplements, E.enhances].map((id) => [id, Buffer.from(`</rpm:${ELEMENTS[id]}>`, 'latin1')]));
const scratch = Buffer.alloc(1 << 16);

export interface ReadState {
  builder: RepoIndexBuilder;
  /** pkgid per package id, kept only while filelists.xml still has to be matched. */
  pkgids?: string[];
  /** Per string id, whether filelists.xml entries for it are kept (see wantedFiles). */
  wantedFiles?: Uint8Array;
}

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

function mayBeRuntime(buf: Uint8Array, start: number): boolean {
  // "/lib", "/usr/lib", "/etc/l": the prefixes of every multilib runtime rule.
  if (buf[start] !== SLASH) return false;
  const c = buf[start + 1];
  return (c === 0x6c && buf[start + 2] === 0x69) || (c === 0x75 && buf[start + 5] === 0x6c) || (c === 0x65 && buf[start + 5] === 0x6c);
}

/**
 * One filelists `<file>`: kept only when `wanted` marks it (so only looked up, never interned),
 * while every path still counts for the multilib runtime flag.
 */
function readFile(b: RepoIndexBuilder, sc: XmlScanner, owner: number, wanted: Uint8Array): void {
  const buf = sc.buf;
  const start = sc.pos;
  const end = sc.selfClosing ? -1 : buf.indexOf(LT, start);
  let id: number;
  let runtime: boolean;
  if (end >= 0 && end < sc.limit && buf[end + 1] === SLASH && !hasAmp(buf, start, end)) {
    id = b.strings.findBytes(buf, start, end);
    runtime = mayBeRuntime(buf, start) && isRuntimeFile(buf.toString('utf8', start, end));
    sc.pos = end;
    sc.nextTag();
  } else {
    const text = sc.selfClosing ? '' : sc.readText();
    id = b.strings.find(text);
    runtime = isRuntimeFile(text);
  }
  if (id >= 0 && id < wanted.length && wanted[id] === 1) b.addFile(owner, id);
  if (runtime) b.markFlag(owner, HAS_RUNTIME_FILES);
}

function hasAmp(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] === AMP) return true;
  return false;
}

function filelistsGrammar(state: ReadState): DocumentGrammar<number> {
  const b = state.builder;
  const pkgids = state.pkgids!;
  const wanted = state.wantedFiles!;
  let next = 0;
  let byPkgid: Map<string, number[]> | undefined;
  const ownerOf = (pkgid: string): number => {
    if (!byPkgid && pkgids[next] === pkgid) return next++;
    if (!byPkgid) {
      byPkgid = new Map();
      pkgids.forEach((id, pkg) => byPkgid!.set(id, [...(byPkgid!.get(id) ?? []), pkg]));
    }
    return byPkgid.get(pkgid)?.shift() ?? -1;
  };
  return {
    root: 'filelists',
    elements,
    attributes,
    rootId: E.filelists,
    packageId: E.package,
    parse(sc) {
      let pkgid = '';
      for (let a = 0; a < sc.attrCount; a++) if (sc.attrId[a] === A.pkgid) pkgid = sc.attrValue(a);
      const owner = ownerOf(pkgid);
      const empty = sc.selfClosing;
      while (!empty && sc.nextTag()) {
        if (sc.closing) {
          if (sc.nameId === E.package) break;
          continue;
        }
        if (sc.nameId !== E.file || owner < 0) {
          sc.skipElement();
          continue;
        }
        readFile(b, sc, owner, wanted);
      }
      return owner;
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
