import { NameTable } from './name-table.js';
import type { DocumentGrammar } from './package-cursor.js';
import type { XmlScanner } from './xml-scanner.js';
import type { FileEntry, FileSet, FilelistsPackage, OtherPackage } from './types.js';

const ELEMENTS = ['filelists', 'otherdata', 'package', 'version', 'file'] as const;
const E = Object.fromEntries(ELEMENTS.map((name, id) => [name, id])) as Record<(typeof ELEMENTS)[number], number>;
const ATTRIBUTES = ['pkgid', 'name', 'arch', 'epoch', 'ver', 'rel', 'type'] as const;
const A = Object.fromEntries(ATTRIBUTES.map((name, id) => [name, id])) as Record<(typeof ATTRIBUTES)[number], number>;
const elements = new NameTable(ELEMENTS);
const attributes = new NameTable(ATTRIBUTES);

/** filelists.xml: `<package pkgid name arch>` with `<version>` and `<file [type]>` children. */
export const FILELISTS_GRAMMAR: DocumentGrammar<FilelistsPackage> = {
  root: 'filelists',
  elements,
  attributes,
  rootId: E.filelists,
  packageId: E.package,
  parse(sc) {
    const pkg: FilelistsPackage = { pkgid: '', name: '', arch: '', epoch: 0, version: '', release: '', files: [] };
    readPackageHeader(sc, pkg);
    readChildren(sc, pkg, pkg.files);
    return pkg;
  },
};

/** other.xml: like filelists, with changelogs instead of files (skipped). */
export const OTHER_GRAMMAR: DocumentGrammar<OtherPackage> = {
  root: 'otherdata',
  elements,
  attributes,
  rootId: E.otherdata,
  packageId: E.package,
  parse(sc) {
    const pkg: OtherPackage = { pkgid: '', name: '', arch: '', epoch: 0, version: '', release: '' };
    readPackageHeader(sc, pkg);
    readChildren(sc, pkg, undefined);
    return pkg;
  },
};

/** filelists.xml read only for what streamPrimary merges: pkgid and files, no identity. */
export const FILE_SET_GRAMMAR: DocumentGrammar<FileSet> = {
  root: 'filelists',
  elements,
  attributes,
  rootId: E.filelists,
  packageId: E.package,
  parse(sc) {
    let pkgid = '';
    for (let a = 0; a < sc.attrCount; a++) if (sc.attrId[a] === A.pkgid) pkgid = sc.attrValue(a);
    const set: FileSet = { pkgid, files: [] };
    if (sc.selfClosing) return set;
    while (sc.nextTag()) {
      if (sc.closing) {
        if (sc.nameId === E.package) break;
        continue;
      }
      if (sc.nameId !== E.file) {
        sc.skipElement();
        continue;
      }
      let type = 0;
      for (let a = 0; a < sc.attrCount; a++) if (sc.attrId[a] === A.type) type = sc.attrIs(a, 'dir') ? 1 : sc.attrIs(a, 'ghost') ? 2 : 0;
      const path = sc.readText();
      set.files.push(path);
      if (type === 1) (set.dirs ??= []).push(path);
      else if (type === 2) (set.ghosts ??= []).push(path);
    }
    return set;
  },
};

/** Only the pkgid of a package: for copying blocks without parsing them. */
export function readPackageId(sc: XmlScanner): string {
  let pkgid = '';
  for (let a = 0; a < sc.attrCount; a++) if (sc.attrId[a] === A.pkgid) pkgid = sc.attrValue(a);
  sc.skipElement();
  return pkgid;
}

function readPackageHeader(sc: XmlScanner, pkg: OtherPackage): void {
  for (let a = 0; a < sc.attrCount; a++) {
    switch (sc.attrId[a]) {
      case A.pkgid: pkg.pkgid = sc.attrValue(a); break;
      case A.name: pkg.name = sc.attrValue(a); break;
      case A.arch: pkg.arch = sc.attrValue(a); break;
    }
  }
}

function readChildren(sc: XmlScanner, pkg: OtherPackage, files: FileEntry[] | undefined): void {
  if (sc.selfClosing) return;
  while (sc.nextTag()) {
    const id = sc.nameId;
    if (sc.closing) {
      if (id === E.package) return;
      continue;
    }
    if (id === E.version) readVersion(sc, pkg);
    else if (id === E.file && files) files.push(readFileEntry(sc));
    else sc.skipElement();
  }
}

function readVersion(sc: XmlScanner, pkg: OtherPackage): void {
  for (let a = 0; a < sc.attrCount; a++) {
    switch (sc.attrId[a]) {
      case A.epoch: pkg.epoch = sc.attrInt(a); break;
      case A.ver: pkg.version = sc.attrValue(a); break;
      case A.rel: pkg.release = sc.attrValue(a); break;
    }
  }
  sc.skipElement();
}

function readFileEntry(sc: XmlScanner): FileEntry {
  let type: FileEntry['type'];
  for (let a = 0; a < sc.attrCount; a++) {
    if (sc.attrId[a] === A.type) type = sc.attrIs(a, 'dir') ? 'dir' : sc.attrIs(a, 'ghost') ? 'ghost' : undefined;
  }
  const path = sc.readText();
  return type ? { path, type } : { path };
}
