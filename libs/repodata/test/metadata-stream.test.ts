import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '@compose/exec';
import { findRecord, openMetadataStream, readRepomd, streamPrimary, type RepoMdRecord } from '@compose/repodata';
import { dummyRepo, makeTempDir, writeTestRepo } from './repo-helpers.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let primaryXml: Buffer;
let primaryGz: Buffer;
let workDir: string;

beforeAll(async () => {
  const repomd = await readRepomd(dummyRepo);
  primaryGz = await readFile(path.join(dummyRepo, findRecord(repomd, 'primary')!.location));
  primaryXml = gunzipSync(primaryGz);
  workDir = await makeTempDir();
  await runTool(['cp', path.join(dummyRepo, 'repodata/primary.xml.gz'), path.join(workDir, 'primary.xml.gz')]);
  await runTool(['gzip', '-dk', path.join(workDir, 'primary.xml.gz')]);
  await runTool(['xz', '-k', path.join(workDir, 'primary.xml')]);
  await runTool(['bzip2', '-k', path.join(workDir, 'primary.xml')]);
  await runTool(['zstd', '-q', '-k', path.join(workDir, 'primary.xml')]);
});

describe('openMetadataStream', () => {
  for (const suffix of ['xml', 'xml.gz', 'xml.xz', 'xml.bz2', 'xml.zst']) {
    it(`decompresses primary.${suffix} and verifies its checksum`, async () => {
      const repoDir = path.join(workDir, suffix);
      await writeTestRepo(repoDir, [{ type: 'primary', name: `primary.${suffix}`, stored: await readFile(path.join(workDir, `primary.${suffix}`)) }]);
      const repomd = await readRepomd(repoDir);
      expect((await readAll(openMetadataStream(repoDir, repomd.records[0]!))).equals(primaryXml)).toBe(true);
      let count = 0;
      await streamPrimary(repoDir, () => count++);
      expect(count).toBe(432);
    });
  }

  it('fails on a checksum mismatch naming the file and both checksums', async () => {
    const repoDir = path.join(workDir, 'mismatch');
    await writeTestRepo(repoDir, [{ type: 'primary', name: 'primary.xml.gz', stored: primaryGz, checksum: 'ab'.repeat(32) }]);
    const record = findRecord(await readRepomd(repoDir), 'primary') as RepoMdRecord;
    const error = await readAll(openMetadataStream(repoDir, record)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REPODATA_CHECKSUM_MISMATCH', exitCode: 2, location: { file: path.join(repoDir, 'repodata/primary.xml.gz') } });
    expect((error as Error).message).toContain('ab'.repeat(32));
    expect((error as Error).message).toContain('439d4e89ce4291cf1a7657fc10bc9c8482aef4e498a44ea5e5f0f90843619fd2');
    // verify: false skips the check
    expect((await readAll(openMetadataStream(repoDir, record, { verify: false }))).length).toBe(primaryXml.length);
  });

  it('fails on a checksum mismatch of an xz file too', async () => {
    const repoDir = path.join(workDir, 'mismatch-xz');
    await writeTestRepo(repoDir, [{ type: 'primary', name: 'primary.xml.xz', stored: await readFile(path.join(workDir, 'primary.xml.xz')), checksum: 'cd'.repeat(32) }]);
    await expect(streamPrimary(repoDir, () => undefined)).rejects.toMatchObject({ code: 'REPODATA_CHECKSUM_MISMATCH' });
  });

  it('reports truncated gzip data as corrupt', async () => {
    const repoDir = path.join(workDir, 'truncated');
    await writeTestRepo(repoDir, [{ type: 'primary', name: 'primary.xml.gz', stored: primaryGz.subarray(0, primaryGz.length - 5000) }]);
    const error = await streamPrimary(repoDir, () => undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REPODATA_CORRUPT', exitCode: 2 });
    expect((error as Error).message).toContain(path.join(repoDir, 'repodata/primary.xml.gz'));
  });

  it('reports corrupt xz data as corrupt', async () => {
    const repoDir = path.join(workDir, 'corrupt-xz');
    const xz = Buffer.from(await readFile(path.join(workDir, 'primary.xml.xz')));
    xz.fill(0x55, 200, 400);
    await writeTestRepo(repoDir, [{ type: 'primary', name: 'primary.xml.xz', stored: xz }]);
    await expect(streamPrimary(repoDir, () => undefined)).rejects.toMatchObject({ code: 'REPODATA_CORRUPT', exitCode: 2 });
  });

  it('reports a missing metadata file', async () => {
    const repoDir = path.join(workDir, 'missing');
    await writeTestRepo(repoDir, [{ type: 'primary', name: 'primary.xml.gz', stored: primaryGz }]);
    await runTool(['rm', path.join(repoDir, 'repodata/primary.xml.gz')]);
    await expect(streamPrimary(repoDir, () => undefined)).rejects.toMatchObject({ code: 'REPODATA_FILE_MISSING', exitCode: 2 });
  });

  it('reports a repo without a primary record', async () => {
    const repoDir = path.join(workDir, 'no-primary');
    await writeTestRepo(repoDir, [{ type: 'other', name: 'other.xml.gz', stored: primaryGz }]);
    await expect(streamPrimary(repoDir, () => undefined)).rejects.toMatchObject({ code: 'REPODATA_NO_RECORD', exitCode: 2 });
  });
});
