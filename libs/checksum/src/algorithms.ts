/** Digest algorithms Pungi's media_checksums accepts; all are node:crypto hash names as written. */
export const CHECKSUM_ALGORITHMS = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const;

export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

export function isChecksumAlgorithm(value: string): value is ChecksumAlgorithm {
  return (CHECKSUM_ALGORITHMS as readonly string[]).includes(value);
}

/** Upper-case tag used in BSD-style lines and in the SUM file names (MD5SUM, SHA256SUM). */
export function labelAlgorithm(algorithm: ChecksumAlgorithm): string {
  return algorithm.toUpperCase();
}

export interface DigestResult {
  /** Bytes hashed (the file's size when it was read). */
  size: number;
  digests: Partial<Record<ChecksumAlgorithm, string>>;
}

export interface DigestOptions {
  /** Called after each chunk is read, with bytes read so far and the file's size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}
