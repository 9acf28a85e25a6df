export { readRepomd, parseRepomd, findRecord, requireRecord, repomdPath } from './repomd.js';
export { openMetadataStream } from './metadata-stream.js';
export type { MetadataStreamOptions } from './metadata-stream.js';
export { streamPrimary, streamFilelists, streamOther } from './stream-packages.js';
export type { StreamOptions, StreamPrimaryOptions, StreamResult } from './stream-packages.js';
export type { Dep, Checksum, PrimaryPackage, RepoMd, RepoMdRecord, FileEntry, FileSet, FilelistsPackage, OtherPackage } from './types.js';
export { writeFilteredRepo } from './write-filtered-repo.js';
export type { KeepCandidate, WriteFilteredRepoOptions, FilteredRepo } from './write-filtered-repo.js';
export { formatRepomd } from './repomd-format.js';
// Low-level pieces for readers that want their own lean grammar (the depsolver's index builder).
export { openCursor } from './stream-packages.js';
export { NameTable } from './name-table.js';
export { XmlScanner } from './xml-scanner.js';
export { decodeText, FLAG_AMP, FLAG_HIGH } from './decode-text.js';
export type { DocumentGrammar, PackageCursor } from './package-cursor.js';
