import { labelAlgorithm, type ChecksumAlgorithm } from './algorithms.js';

export interface ChecksumEntry {
  algorithm: ChecksumAlgorithm;
  /** Name as written in the file: the image's base name, relative to the SUM file. */
  fileName: string;
  size: number;
  digest: string;
}

export interface ChecksumFileOptions {
  /** Precede each line with Pungi's `# NAME: SIZE bytes` comment (media_checksum_one_file style). */
  withSizeComment?: boolean;
}

/** One BSD-style line as Pungi writes it: `SHA256 (name) = hex`, without the newline. */
export function formatChecksumLine(algorithm: ChecksumAlgorithm, fileName: string, digest: string): string {
  return `${labelAlgorithm(algorithm)} (${fileName}) = ${digest}`;
}

/**
 * Whole checksum file text, entries in the given order, each line ending in a newline. Entries
 * carry their algorithm because Pungi's single-file mode mixes algorithms in one CHECKSUM file.
 */
export function formatChecksumFile(entries: readonly ChecksumEntry[], options: ChecksumFileOptions = {}): string {
  return entries
    .map((entry) => {
      const line = `${formatChecksumLine(entry.algorithm, entry.fileName, entry.digest)}\n`;
      return options.withSizeComment ? `${formatSizeComment(entry.fileName, entry.size)}\n${line}` : line;
    })
    .join('');
}

/** Pungi's comment line recording the image size next to its digest. */
export function formatSizeComment(fileName: string, size: number): string {
  return `# ${fileName}: ${size} bytes`;
}

/** Name Pungi gives the per-directory file (`SHA256SUM`) or the per-image one (`NAME.SHA256SUM`). */
export function nameChecksumFile(algorithm: ChecksumAlgorithm, imageName?: string): string {
  const base = `${labelAlgorithm(algorithm)}SUM`;
  return imageName ? `${imageName}.${base}` : base;
}
