/** One dependency entry of rpm-md metadata (<rpm:entry>). */
export interface Dep {
  name: string;
  /** EQ, LT, LE, GT, GE; absent for an unversioned dependency. */
  flags?: 'EQ' | 'LT' | 'LE' | 'GT' | 'GE';
  epoch?: string;
  version?: string;
  release?: string;
  /** Requires(pre)/(post) etc.: `pre="1"` in primary.xml. */
  pre?: boolean;
}

export interface Checksum {
  type: string;
  value: string;
}

/** A package as primary.xml describes it (plus filelists when requested). */
export interface PrimaryPackage {
  /** The repo-local package id: the package checksum (pkgid). */
  pkgid: string;
  name: string;
  arch: string;
  epoch: number;
  version: string;
  release: string;
  checksum: Checksum;
  /** location href, relative to the repo's base (or xml:base when given). */
  location: string;
  /** xml:base of <location>, when the repo points elsewhere for its packages. */
  locationBase?: string;
  /** e.g. "dummy-bash-4.2.37-6.src.rpm"; empty for source packages. */
  sourcerpm: string;
  summary: string;
  packageSize: number;
  installedSize: number;
  archiveSize: number;
  buildTime: number;
  fileTime: number;
  license: string;
  vendor: string;
  group: string;
  buildhost: string;
  headerStart: number;
  headerEnd: number;
  requires: Dep[];
  provides: Dep[];
  conflicts: Dep[];
  obsoletes: Dep[];
  recommends: Dep[];
  suggests: Dep[];
  supplements: Dep[];
  enhances: Dep[];
  /** Files listed in primary.xml (a subset); with filelists loaded, every file. */
  files: string[];
  /** Those of `files` that are directories (type="dir"), when there are any. */
  dirs?: string[];
  /** Those of `files` that are ghosts (type="ghost"), when there are any. */
  ghosts?: string[];
}

/** One `<data>` record of repomd.xml. */
export interface RepoMdRecord {
  type: string;
  /** location href, relative to the repository root (e.g. "repodata/…-primary.xml.gz"). */
  location: string;
  checksum: Checksum;
  openChecksum?: Checksum;
  size?: number;
  openSize?: number;
  timestamp?: number;
  databaseVersion?: number;
}

export interface RepoMd {
  /** The repository directory the record locations are relative to. */
  repoDir: string;
  revision: string;
  records: RepoMdRecord[];
}

/** A file of filelists.xml; `type` is absent for plain files. */
export interface FileEntry {
  path: string;
  type?: 'dir' | 'ghost';
}

/** One package of filelists.xml. */
export interface FilelistsPackage {
  pkgid: string;
  name: string;
  arch: string;
  epoch: number;
  version: string;
  release: string;
  files: FileEntry[];
}

/** One package of other.xml; changelogs are not read. */
export interface OtherPackage {
  pkgid: string;
  name: string;
  arch: string;
  epoch: number;
  version: string;
  release: string;
}

/** A package's files as streamPrimary merges them from filelists.xml. */
export interface FileSet {
  pkgid: string;
  files: string[];
  dirs?: string[];
  ghosts?: string[];
}
