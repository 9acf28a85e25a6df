import path from 'node:path';
import { openMetadataStream } from './metadata-stream.js';
import { PackageCursor, type DocumentGrammar } from './package-cursor.js';
import { PRIMARY_GRAMMAR } from './primary-grammar.js';
import { FILE_SET_GRAMMAR, FILELISTS_GRAMMAR, OTHER_GRAMMAR } from './filelists-grammar.js';
import { readRepomd, requireRecord } from './repomd.js';
import type { FileSet, FilelistsPackage, OtherPackage, PrimaryPackage, RepoMd } from './types.js';

export interface StreamOptions {
  signal?: AbortSignal;
  /** Verify the compressed files' checksums from repomd.xml (default true). */
  verify?: boolean;
}

export interface StreamPrimaryOptions extends StreamOptions {
  /** Replace each package's `files` by the complete list from filelists.xml. */
  filelists?: boolean;
}

export interface StreamResult {
  packages: number;
  repomd: RepoMd;
}

/**
 * Calls `onPackage` for every package of the repository's primary.xml, in document order.
 * Nothing is kept after the callback returns, so memory follows what the caller keeps.
 * With `filelists`, filelists.xml is decompressed alongside (zlib works on the threadpool, so
 * both files inflate in parallel with the parse) and merged by pkgid. It is parsed on this
 * thread: a worker thread was measured slower on the benchmark repo (start-up, cloning every
 * path, a second heap) than the lean pkgid-and-paths parse it would take over.
 */
export async function streamPrimary(repoDir: string, onPackage: (pkg: PrimaryPackage) => void, options: StreamPrimaryOptions = {}): Promise<StreamResult> {
  const repomd = await readRepomd(repoDir);
  const primary = openCursor(repomd, 'primary', PRIMARY_GRAMMAR, options);
  const filelists = options.filelists ? new FilelistsMatcher(openCursor(repomd, 'filelists', FILE_SET_GRAMMAR, options)) : undefined;
  try {
    for (;;) {
      const pkg = primary.next();
      if (pkg === undefined) {
        options.signal?.throwIfAborted();
        if (await primary.fill()) continue;
        break;
      }
      if (filelists) {
        let entry = filelists.take(pkg.pkgid);
        while (entry === NEED_MORE) entry = (await filelists.fill()) ? filelists.take(pkg.pkgid) : undefined;
        if (entry) applyFiles(pkg, entry);
      }
      onPackage(pkg);
    }
    return { packages: primary.count, repomd };
  } finally {
    primary.close();
    filelists?.close();
  }
}

/** Calls `onPackage` for every package of filelists.xml. */
export async function streamFilelists(repoDir: string, onPackage: (pkg: FilelistsPackage) => void, options: StreamOptions = {}): Promise<StreamResult> {
  const repomd = await readRepomd(repoDir);
  const packages = await drain(openCursor(repomd, 'filelists', FILELISTS_GRAMMAR, options), onPackage, options.signal);
  return { packages, repomd };
}

/** Calls `onPackage` for every package of other.xml (identity only; changelogs are skipped). */
export async function streamOther(repoDir: string, onPackage: (pkg: OtherPackage) => void, options: StreamOptions = {}): Promise<StreamResult> {
  const repomd = await readRepomd(repoDir);
  const packages = await drain(openCursor(repomd, 'other', OTHER_GRAMMAR, options), onPackage, options.signal);
  return { packages, repomd };
}

/** Opens a cursor over the decompressed document of a repomd record. */
export function openCursor<T>(repomd: RepoMd, type: string, grammar: DocumentGrammar<T>, options: StreamOptions): PackageCursor<T> {
  const record = requireRecord(repomd, type);
  const stream = openMetadataStream(repomd.repoDir, record, { verify: options.verify, signal: options.signal });
  return new PackageCursor(stream, path.join(repomd.repoDir, record.location), grammar);
}

async function drain<T>(cursor: PackageCursor<T>, onPackage: (pkg: T) => void, signal: AbortSignal | undefined): Promise<number> {
  try {
    for (;;) {
      const item = cursor.next();
      if (item !== undefined) onPackage(item);
      else {
        signal?.throwIfAborted();
        if (!(await cursor.fill())) return cursor.count;
      }
    }
  } finally {
    cursor.close();
  }
}

const NEED_MORE = Symbol('need more');

/**
 * Pairs filelists entries with primary packages. createrepo_c writes both files in the same
 * order, so the next entry is nearly always the one wanted; entries met out of order wait in a
 * map instead of failing.
 */
class FilelistsMatcher {
  private readonly early = new Map<string, FileSet>();
  constructor(private readonly cursor: PackageCursor<FileSet>) {}

  take(pkgid: string): FileSet | undefined | typeof NEED_MORE {
    if (this.early.size > 0) {
      const found = this.early.get(pkgid);
      if (found) {
        this.early.delete(pkgid);
        return found;
      }
    }
    for (let entry = this.cursor.next(); entry !== undefined; entry = this.cursor.next()) {
      if (entry.pkgid === pkgid) return entry;
      this.early.set(entry.pkgid, entry);
    }
    return NEED_MORE;
  }

  fill(): Promise<boolean> {
    return this.cursor.fill();
  }

  close(): void {
    this.cursor.close();
  }
}

/** filelists.xml lists every file, primary.xml only a subset: the filelists entry wins. */
function applyFiles(pkg: PrimaryPackage, entry: FileSet): void {
  pkg.files = entry.files;
  if (entry.dirs) pkg.dirs = entry.dirs;
  else if (pkg.dirs) delete pkg.dirs;
  if (entry.ghosts) pkg.ghosts = entry.ghosts;
  else if (pkg.ghosts) delete pkg.ghosts;
}
