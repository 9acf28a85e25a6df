import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { InputError } from '@compose/errors';

/** A checksum as rpm-md writes it: `<checksum type="sha256">hex</checksum>`. */
export interface Checksum {
  type: string;
  value: string;
}

// rpm-md spells SHA-1 as "sha" in older repos; both names must land on the same cache directory.
const ALGORITHMS: Record<string, string> = {
  md5: 'md5',
  sha: 'sha1',
  sha1: 'sha1',
  sha224: 'sha224',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
};

/**
 * Checks a checksum from repo metadata and returns it in canonical form (node algorithm name,
 * lowercase hex), so it is safe to use as a cache path component.
 */
export function normalizeChecksum(checksum: Checksum, where: string): Checksum {
  const type = ALGORITHMS[checksum.type.toLowerCase()];
  if (type === undefined) {
    throw new InputError('CHECKSUM_TYPE_UNSUPPORTED', `${where}: unsupported checksum type "${checksum.type}"`, {
      hint: `supported types: ${Object.keys(ALGORITHMS).join(', ')}`,
    });
  }
  const value = checksum.value.trim().toLowerCase();
  const digestLength = createHash(type).digest('hex').length;
  if (!/^[0-9a-f]+$/.test(value) || value.length !== digestLength) {
    throw new InputError('CHECKSUM_MALFORMED', `${where}: "${checksum.value}" is not a ${checksum.type} checksum`);
  }
  return { type, value };
}

export function createChecksumHash(type: string): Hash {
  return createHash(type);
}

export function hashBytes(type: string, data: Uint8Array | string): string {
  return createHash(type).update(data).digest('hex');
}

export async function hashFile(type: string, file: string): Promise<string> {
  const hash = createHash(type);
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function describeChecksum(checksum: Checksum): string {
  return `${checksum.type}:${checksum.value}`;
}
