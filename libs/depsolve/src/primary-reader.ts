// Reads primary.xml straight into a RepoIndexBuilder (primary-scanner.ts), then filelists.xml
// (filelists-reader.ts): only what the solver uses is looked at, interned from the XML bytes.
import { openCursor, type DocumentGrammar, type PackageCursor, type RepoMd } from '@compose/repodata';
import { filelistsGrammar } from './filelists-reader.js';
import type { RepoIndexBuilder } from './index-builder.js';
import { A, attributes, E, elements, type ReadState } from './metadata-names.js';
import { PkgidKeys } from './pkgid-keys.js';
import { PrimaryScanner } from './primary-scanner.js';

function primaryGrammar(state: ReadState): DocumentGrammar<number> {
  const scanner = new PrimaryScanner(state.builder, state.pkgids);
  return {
    root: 'metadata',
    elements,
    attributes,
    rootId: E.metadata,
    packageId: E.package,
    parse: (sc) => scanner.readPackage(sc),
    open(sc) {
      for (let a = 0; a < sc.attrCount; a++) {
        if (sc.attrId[a] !== A.packages) continue;
        const count = sc.attrInt(a);
        // A bogus count must not allocate gigabytes: beyond that, columns grow as they fill.
        if (count > 0 && count < 1 << 24) state.builder.reservePackages(count);
      }
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
  const state: ReadState = { builder, ...(hasFilelists ? { pkgids: new PkgidKeys() } : {}) };
  await drain(openCursor(repomd, 'primary', primaryGrammar(state), options), options.signal);
  if (!hasFilelists) return;
  state.wantedFiles = builder.wantedFiles(options.extraPaths ?? []);
  await drain(openCursor(repomd, 'filelists', filelistsGrammar(state), options), options.signal);
}
