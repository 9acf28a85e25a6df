import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatChecksumFile, formatChecksumLine, nameChecksumFile, type ChecksumAlgorithm, type ChecksumEntry } from '../src/index.js';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const isoDir = path.resolve(workspaceRoot, '../shared/reference/pungi-dummy-compose/compose/Server/x86_64/iso');

// Sizes and digests of the reference compose's two images (the images themselves are not kept).
const DVD = 'DP-1.0-20261122.t.0-Server-x86_64-dvd1.iso';
const EXTRA = `extra-${DVD}`;
const IMAGES: Record<string, { size: number; digests: Record<'md5' | 'sha1' | 'sha256', string> }> = {
  [DVD]: {
    size: 546816,
    digests: {
      md5: '75ca79caca987923d2e4ce8ac8e0fb16',
      sha1: '651663c08f35ba1d43ce4b30e425deac098098d8',
      sha256: '0ec60341027db484693ebbb1169b3bb93a2972c30bb6001e96748a2ed0977084',
    },
  },
  [EXTRA]: {
    size: 561152,
    digests: {
      md5: 'c090ea3424f464db4263337ba154598f',
      sha1: 'f1ad82bdc367c5b3fa83696afde4a5060c1bbadb',
      sha256: 'd1f12aa9bbb57492d90997f1403c3786c43ade77d3601a75d691c2d842084d82',
    },
  },
};

function entriesFor(algorithm: 'md5' | 'sha1' | 'sha256', names: string[]): ChecksumEntry[] {
  return names.map((fileName) => ({ algorithm, fileName, size: IMAGES[fileName]!.size, digest: IMAGES[fileName]!.digests[algorithm] }));
}

describe('checksum files', () => {
  it('formats a BSD-style line', () => {
    expect(formatChecksumLine('sha256', 'a.iso', 'ab12')).toBe('SHA256 (a.iso) = ab12');
  });

  it('names per-directory and per-image files', () => {
    expect(nameChecksumFile('sha1')).toBe('SHA1SUM');
    expect(nameChecksumFile('md5', DVD)).toBe(`${DVD}.MD5SUM`);
  });

  it.each(['md5', 'sha1', 'sha256'] as const)('reproduces the reference %s files byte for byte', async (algorithm: ChecksumAlgorithm & ('md5' | 'sha1' | 'sha256')) => {
    const directory = formatChecksumFile(entriesFor(algorithm, [DVD, EXTRA]), { withSizeComment: true });
    expect(directory).toBe(await readFile(path.join(isoDir, nameChecksumFile(algorithm)), 'utf8'));
    for (const image of [DVD, EXTRA]) {
      const perImage = formatChecksumFile(entriesFor(algorithm, [image]), { withSizeComment: true });
      expect(perImage).toBe(await readFile(path.join(isoDir, nameChecksumFile(algorithm, image)), 'utf8'));
    }
  });

  it('leaves the size comment out unless asked', () => {
    expect(formatChecksumFile(entriesFor('md5', [DVD]))).toBe(`MD5 (${DVD}) = ${IMAGES[DVD]!.digests.md5}\n`);
  });
});
