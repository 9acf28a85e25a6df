// The element and attribute names primary.xml and filelists.xml readers match by id,
// and the state both readers share while filling one RepoIndexBuilder.
import { NameTable } from '@compose/repodata';
import type { RepoIndexBuilder, WantedFiles } from './index-builder.js';
import type { PkgidKeys } from './pkgid-keys.js';

export const ELEMENTS = [
  'metadata', 'package', 'name', 'arch', 'version', 'checksum', 'location', 'sourcerpm', 'provides', 'requires',
  'entry', 'file', 'format', 'conflicts', 'obsoletes', 'recommends', 'suggests', 'supplements', 'enhances', 'filelists',
] as const;
export const E = Object.fromEntries(ELEMENTS.map((name, id) => [name, id])) as Record<(typeof ELEMENTS)[number], number>;
const ATTRIBUTES = ['epoch', 'ver', 'rel', 'href', 'xml:base', 'name', 'flags', 'pkgid', 'packages'] as const;
export const A = Object.fromEntries(ATTRIBUTES.map((name, id) => [name, id])) as Record<(typeof ATTRIBUTES)[number], number>;
export const elements = new NameTable(ELEMENTS);
export const attributes = new NameTable(ATTRIBUTES);
export const LT = 0x3c;
export const SLASH = 0x2f;
export const AMP = 0x26;

export interface ReadState {
  builder: RepoIndexBuilder;
  /** pkgid keys per package id, kept only while filelists.xml still has to be matched. */
  pkgids?: PkgidKeys;
  /** Which filelists.xml entries are kept (see RepoIndexBuilder.wantedFiles). */
  wantedFiles?: WantedFiles;
}
