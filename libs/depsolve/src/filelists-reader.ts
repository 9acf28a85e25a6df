// Reads filelists.xml into a RepoIndexBuilder after primary.xml: only paths some package
// requires are kept (looked up in the string table, never interned), matched to packages by pkgid.
import { FLAG_AMP, type DocumentGrammar, type XmlScanner } from '@compose/repodata';
import { MAX_FILTERED_LENGTH, type RepoIndexBuilder, type WantedFiles } from './index-builder.js';
import { A, AMP, attributes, E, elements, LT, SLASH, type ReadState } from './metadata-names.js';
import { isRuntimeFile } from './multilib.js';
import { HAS_RUNTIME_FILES } from './repo-index.js';

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
function readFile(b: RepoIndexBuilder, sc: XmlScanner, owner: number, wanted: WantedFiles): void {
  const buf = sc.buf;
  const start = sc.pos;
  const end = sc.selfClosing ? -1 : buf.indexOf(LT, start);
  let id: number;
  let runtime: boolean;
  if (end >= 0 && end < sc.limit && buf[end + 1] === SLASH && !hasAmp(buf, start, end)) {
    id = wanted.lengths[Math.min(end - start, MAX_FILTERED_LENGTH)] ? b.strings.findBytes(buf, start, end) : -1;
    runtime = mayBeRuntime(buf, start) && isRuntimeFile(buf.toString('utf8', start, end));
    sc.pos = end;
    sc.nextTag();
  } else {
    const text = sc.selfClosing ? '' : sc.readText();
    id = b.strings.find(text);
    runtime = isRuntimeFile(text);
  }
  if (id >= 0 && id < wanted.ids.length && wanted.ids[id] === 1) b.addFile(owner, id);
  if (runtime) b.markFlag(owner, HAS_RUNTIME_FILES);
}

function hasAmp(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] === AMP) return true;
  return false;
}

export function filelistsGrammar(state: ReadState): DocumentGrammar<number> {
  const b = state.builder;
  const pkgids = state.pkgids!;
  const wanted = state.wantedFiles!;
  return {
    root: 'filelists',
    elements,
    attributes,
    rootId: E.filelists,
    packageId: E.package,
    parse(sc) {
      let owner = -1;
      for (let a = 0; a < sc.attrCount; a++) {
        if (sc.attrId[a] !== A.pkgid) continue;
        owner = sc.attrFlags[a]! & FLAG_AMP ? pkgids.takeText(sc.attrValue(a)) : pkgids.take(sc.buf, sc.attrStart[a]!, sc.attrEnd[a]!);
      }
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
