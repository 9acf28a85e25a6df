import path from 'node:path';
import { formatChecksumFile, nameChecksumFile, type ChecksumAlgorithm, type ChecksumEntry } from '@compose/checksum';
import type { ImagePlacement } from '@compose/images';
import type { ChecksumSettings } from './checksum-config.js';

/** Digests of one image file, computed once. */
export interface HashedImage {
  /** Relative to compose/. */
  path: string;
  size: number;
  digests: Partial<Record<ChecksumAlgorithm, string>>;
  durationMs: number;
  /** identifyFile() of the file when it was hashed. */
  fileId?: string;
  /** Compose whose digests of this same file were taken over. */
  reusedFrom?: string;
}

/** One checksum file to write: its path relative to compose/ and its full text. */
export interface PlannedChecksumFile {
  file: string;
  entries: ChecksumEntry[];
  text: string;
}

/** Prefix for a directory's checksum file; `dirname` is passed only in one-file mode. */
export type BaseFilenameOf = (variant: string, arch: string, dirname?: string) => string;

/**
 * Every checksum file Pungi's image_checksum phase writes for these images: per image
 * `NAME.ALGSUM` (unless one-file mode), and per directory either `<base>ALGSUM` per algorithm
 * or one `<base>CHECKSUM` with every algorithm. Entries are de-duplicated (a source ISO listed
 * under several arches appears once) and sorted as Pungi sorts its tuples: name, size,
 * algorithm, digest. Each entry carries Pungi's `# NAME: SIZE bytes` comment.
 */
export function planChecksumFiles(
  placements: readonly ImagePlacement[],
  hashed: ReadonlyMap<string, HashedImage>,
  settings: ChecksumSettings,
  baseFilenameOf: BaseFilenameOf,
): PlannedChecksumFile[] {
  const files = new Map<string, Map<string, ChecksumEntry>>();
  const add = (file: string, entry: ChecksumEntry): void => {
    const entries = files.get(file) ?? new Map<string, ChecksumEntry>();
    entries.set([entry.fileName, entry.size, entry.algorithm, entry.digest].join('\0'), entry);
    files.set(file, entries);
  };
  for (const { variant, arch, image } of placements) {
    const digests = hashed.get(image.path);
    if (!digests) continue;
    const dir = path.posix.dirname(image.path);
    const fileName = path.posix.basename(image.path);
    // Pungi trusts the recorded size and measures only when none is recorded.
    const size = image.size || digests.size;
    for (const algorithm of settings.algorithms) {
      const digest = digests.digests[algorithm];
      if (digest === undefined) continue;
      const entry: ChecksumEntry = { algorithm, fileName, size, digest };
      if (!settings.oneFile) add(path.posix.join(dir, nameChecksumFile(algorithm, fileName)), entry);
      const dirFile = settings.oneFile
        ? `${baseFilenameOf(variant, arch, path.posix.basename(dir))}CHECKSUM`
        : `${baseFilenameOf(variant, arch)}${nameChecksumFile(algorithm)}`;
      add(path.posix.join(dir, dirFile), entry);
    }
  }
  return [...files.entries()]
    .map(([file, entries]) => {
      const sorted = [...entries.values()].sort(compareEntries);
      return { file, entries: sorted, text: formatChecksumFile(sorted, { withSizeComment: true }) };
    })
    .sort((a, b) => compareStrings(a.file, b.file));
}

function compareEntries(a: ChecksumEntry, b: ChecksumEntry): number {
  return compareStrings(a.fileName, b.fileName) || a.size - b.size || compareStrings(a.algorithm, b.algorithm) || compareStrings(a.digest, b.digest);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
