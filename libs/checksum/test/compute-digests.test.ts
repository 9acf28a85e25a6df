import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '@compose/exec';
import { computeDigests, isWorkerBuilt, type ChecksumAlgorithm } from '../src/index.js';

const ALL: ChecksumAlgorithm[] = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
// 0 and 1 byte edges, a size straddling the 1 MiB in-thread chunk, and one above the 8 MiB
// threshold (also not a multiple of the 4 MiB ring slot).
const SIZES = [0, 1, 3 * 1024 * 1024 + 17, 9 * 1024 * 1024 + 12345];
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let dir: string;
const files = new Map<number, { file: string; data: Buffer }>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'checksum-test-'));
  for (const size of SIZES) {
    const data = randomBytes(size);
    const file = path.join(dir, `data-${size}.bin`);
    await writeFile(file, data);
    files.set(size, { file, data });
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectedDigests(data: Buffer, algorithms: ChecksumAlgorithm[]): Record<string, string> {
  return Object.fromEntries(algorithms.map((algorithm) => [algorithm, createHash(algorithm).update(data).digest('hex')]));
}

describe('computeDigests from sources (in-thread)', () => {
  it('runs without the compiled worker', () => {
    expect(isWorkerBuilt()).toBe(false);
  });

  it.each(SIZES)('matches node:crypto for %i bytes', async (size) => {
    const { file, data } = files.get(size)!;
    const result = await computeDigests(file, ALL);
    expect(result).toEqual({ size, digests: expectedDigests(data, ALL) });
  });

  it('reports progress up to the file size', async () => {
    const { file } = files.get(SIZES[3]!)!;
    const seen: number[] = [];
    await computeDigests(file, ['md5'], { onProgress: (done, total) => seen.push(done, total) });
    expect(seen.at(-2)).toBe(SIZES[3]);
    expect(seen.at(-1)).toBe(SIZES[3]);
  });

  it('matches md5sum, sha1sum and sha256sum', async () => {
    const { file } = files.get(SIZES[3]!)!;
    const result = await computeDigests(file, ['md5', 'sha1', 'sha256']);
    for (const algorithm of ['md5', 'sha1', 'sha256'] as const) {
      const { stdout } = await runTool([`${algorithm}sum`, file]);
      expect(stdout.split(' ')[0]).toBe(result.digests[algorithm]);
    }
  });

  it('rejects a missing file and an unknown algorithm as bad input', async () => {
    await expect(computeDigests(path.join(dir, 'nope'), ['md5'])).rejects.toMatchObject({ code: 'CHECKSUM_MISSING_FILE' });
    await expect(computeDigests(files.get(1)!.file, ['crc32' as ChecksumAlgorithm])).rejects.toMatchObject({ code: 'CHECKSUM_UNKNOWN_ALGORITHM' });
  });
});

describe('computeDigests from the build (worker threads)', () => {
  // The worker path only exists compiled; build into a scratch outDir and load that copy.
  let built: typeof import('../src/index.js');

  beforeAll(async () => {
    const outDir = path.join(dir, 'dist');
    await runTool(['npx', 'tsc', '-p', path.join(packageRoot, 'tsconfig.json'), '--outDir', outDir, '--declaration', 'false', '--sourceMap', 'false']);
    built = (await import(pathToFileURL(path.join(outDir, 'index.js')).href)) as typeof import('../src/index.js');
  });

  it('finds its worker module', () => {
    expect(built.isWorkerBuilt()).toBe(true);
  });

  it.each(SIZES)('matches node:crypto for %i bytes', async (size) => {
    const { file, data } = files.get(size)!;
    const result = await built.computeDigests(file, ALL);
    expect(result).toEqual({ size, digests: expectedDigests(data, ALL) });
  });

  it('matches md5sum, sha1sum and sha256sum', async () => {
    const { file } = files.get(SIZES[3]!)!;
    const result = await built.computeDigests(file, ['md5', 'sha1', 'sha256']);
    for (const algorithm of ['md5', 'sha1', 'sha256'] as const) {
      const { stdout } = await runTool([`${algorithm}sum`, file]);
      expect(stdout.split(' ')[0]).toBe(result.digests[algorithm]);
    }
  });
});
