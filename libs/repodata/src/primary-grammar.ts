import { NameTable } from './name-table.js';
import type { DocumentGrammar } from './package-cursor.js';
import type { XmlScanner } from './xml-scanner.js';
import type { Dep, PrimaryPackage } from './types.js';

// Element ids are indexes into this list (local names: the `rpm:` prefix is dropped).
const ELEMENTS = [
  'metadata', 'package', 'name', 'arch', 'version', 'checksum', 'summary', 'time', 'size', 'location',
  'license', 'vendor', 'group', 'buildhost', 'sourcerpm', 'header-range', 'file',
  'provides', 'requires', 'conflicts', 'obsoletes', 'recommends', 'suggests', 'supplements', 'enhances', 'entry',
  'format',
] as const;
const E = Object.fromEntries(ELEMENTS.map((name, id) => [name, id])) as Record<(typeof ELEMENTS)[number], number>;
const ATTRIBUTES = ['epoch', 'ver', 'rel', 'type', 'file', 'build', 'package', 'installed', 'archive', 'href', 'xml:base', 'start', 'end', 'name', 'flags', 'pre'] as const;
const A = Object.fromEntries(ATTRIBUTES.map((name, id) => [name, id])) as Record<(typeof ATTRIBUTES)[number], number>;
const DEP_LISTS = ['provides', 'requires', 'conflicts', 'obsoletes', 'recommends', 'suggests', 'supplements', 'enhances'] as const;
const FIRST_DEP_LIST = E.provides;

/** primary.xml: `<metadata>` of `<package type="rpm">`. */
export const PRIMARY_GRAMMAR: DocumentGrammar<PrimaryPackage> = {
  root: 'metadata',
  elements: new NameTable(ELEMENTS),
  attributes: new NameTable(ATTRIBUTES),
  rootId: E.metadata,
  packageId: E.package,
  parse: parsePrimaryPackage,
};

function parsePrimaryPackage(sc: XmlScanner): PrimaryPackage {
  const pkg = createPackage();
  let deps: Dep[] | undefined;
  if (sc.selfClosing) return pkg;
  while (sc.nextTag()) {
    const id = sc.nameId;
    if (sc.closing) {
      if (id === E.package) break;
      if (id >= FIRST_DEP_LIST && id < E.entry) deps = undefined;
      continue;
    }
    switch (id) {
      case E.entry:
        if (deps) deps.push(readDep(sc));
        break;
      case E.name: pkg.name = sc.readText(); break;
      case E.arch: pkg.arch = sc.readText(); break;
      case E.version: readVersion(sc, pkg); break;
      case E.checksum: readChecksum(sc, pkg); break;
      case E.summary: pkg.summary = sc.readText(); break;
      case E.time: readNumbers(sc, pkg); break;
      case E.size: readNumbers(sc, pkg); break;
      case E.location: readLocation(sc, pkg); break;
      case E.license: pkg.license = sc.readText(); break;
      case E.vendor: pkg.vendor = sc.readText(); break;
      case E.group: pkg.group = sc.readText(); break;
      case E.buildhost: pkg.buildhost = sc.readText(); break;
      case E.sourcerpm: pkg.sourcerpm = sc.readText(); break;
      case E['header-range']: readNumbers(sc, pkg); break;
      case E.file: readFile(sc, pkg); break;
      case E.format: break;
      default:
        if (id >= FIRST_DEP_LIST && id < E.entry) {
          deps = pkg[DEP_LISTS[id - FIRST_DEP_LIST]!];
          if (sc.selfClosing) deps = undefined;
        } else {
          // description, packager, url and anything unknown: not needed, not decoded.
          sc.skipElement();
        }
    }
  }
  return pkg;
}

function createPackage(): PrimaryPackage {
  return {
    pkgid: '', name: '', arch: '', epoch: 0, version: '', release: '',
    checksum: { type: '', value: '' }, location: '', sourcerpm: '', summary: '',
    packageSize: 0, installedSize: 0, archiveSize: 0, buildTime: 0, fileTime: 0,
    license: '', vendor: '', group: '', buildhost: '', headerStart: 0, headerEnd: 0,
    requires: [], provides: [], conflicts: [], obsoletes: [], recommends: [], suggests: [], supplements: [], enhances: [],
    files: [],
  };
}

function readDep(sc: XmlScanner): Dep {
  let name = '';
  let flags: string | undefined;
  let epoch: string | undefined;
  let version: string | undefined;
  let release: string | undefined;
  let pre = false;
  for (let a = 0; a < sc.attrCount; a++) {
    switch (sc.attrId[a]) {
      case A.name: name = sc.attrValue(a); break;
      case A.flags: flags = readFlags(sc, a); break;
      case A.epoch: epoch = sc.attrValue(a); break;
      case A.ver: version = sc.attrValue(a); break;
      case A.rel: release = sc.attrValue(a); break;
      case A.pre: pre = sc.attrIs(a, '1') || sc.attrIs(a, 'true'); break;
    }
  }
  // Same key order for every versioned dep, so V8 keeps few object shapes.
  const dep: Dep = flags === undefined ? { name } : { name, flags: flags as Dep['flags'], epoch, version, release };
  if (flags !== undefined) {
    if (epoch === undefined) delete dep.epoch;
    if (version === undefined) delete dep.version;
    if (release === undefined) delete dep.release;
  }
  if (pre) dep.pre = true;
  return dep;
}

/** The five comparison flags as shared constants, decoded from their two bytes. */
function readFlags(sc: XmlScanner, index: number): string {
  const start = sc.attrStart[index]!;
  if (sc.attrEnd[index]! - start === 2) {
    const first = sc.buf[start];
    const second = sc.buf[start + 1];
    if (first === 0x45 && second === 0x51) return 'EQ';
    if (first === 0x47) return second === 0x45 ? 'GE' : second === 0x54 ? 'GT' : sc.attrValue(index);
    if (first === 0x4c) return second === 0x45 ? 'LE' : second === 0x54 ? 'LT' : sc.attrValue(index);
  }
  return sc.attrValue(index);
}

function readVersion(sc: XmlScanner, pkg: PrimaryPackage): void {
  for (let a = 0; a < sc.attrCount; a++) {
    switch (sc.attrId[a]) {
      case A.epoch: pkg.epoch = sc.attrInt(a); break;
      case A.ver: pkg.version = sc.attrValue(a); break;
      case A.rel: pkg.release = sc.attrValue(a); break;
    }
  }
}

function readChecksum(sc: XmlScanner, pkg: PrimaryPackage): void {
  let type = '';
  for (let a = 0; a < sc.attrCount; a++) if (sc.attrId[a] === A.type) type = sc.attrValue(a);
  const value = sc.readText();
  pkg.checksum = { type, value };
  pkg.pkgid = value;
}

/** `<time>`, `<size>` and `<rpm:header-range>`: their attribute names do not overlap. */
function readNumbers(sc: XmlScanner, pkg: PrimaryPackage): void {
  for (let a = 0; a < sc.attrCount; a++) {
    switch (sc.attrId[a]) {
      case A.file: pkg.fileTime = sc.attrInt(a); break;
      case A.build: pkg.buildTime = sc.attrInt(a); break;
      case A.package: pkg.packageSize = sc.attrInt(a); break;
      case A.installed: pkg.installedSize = sc.attrInt(a); break;
      case A.archive: pkg.archiveSize = sc.attrInt(a); break;
      case A.start: pkg.headerStart = sc.attrInt(a); break;
      case A.end: pkg.headerEnd = sc.attrInt(a); break;
    }
  }
}

function readLocation(sc: XmlScanner, pkg: PrimaryPackage): void {
  for (let a = 0; a < sc.attrCount; a++) {
    if (sc.attrId[a] === A.href) pkg.location = sc.attrValue(a);
    else if (sc.attrId[a] === A['xml:base']) pkg.locationBase = sc.attrValue(a);
  }
  sc.skipElement();
}

function readFile(sc: XmlScanner, pkg: PrimaryPackage): void {
  let type = -1;
  for (let a = 0; a < sc.attrCount; a++) {
    if (sc.attrId[a] === A.type) type = sc.attrIs(a, 'dir') ? 1 : sc.attrIs(a, 'ghost') ? 2 : 0;
  }
  const path = sc.readText();
  pkg.files.push(path);
  if (type === 1) (pkg.dirs ??= []).push(path);
  else if (type === 2) (pkg.ghosts ??= []).push(path);
}
