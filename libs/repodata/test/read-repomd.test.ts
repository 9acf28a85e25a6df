import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRecord, readRepomd } from '@compose/repodata';
import { dummyRepo, makeTempDir } from './repo-helpers.js';

describe('readRepomd', () => {
  it('reads revision and every record of the dummy repo', async () => {
    const repomd = await readRepomd(dummyRepo);
    expect(repomd.revision).toBe('1795311009');
    expect(repomd.records.map((r) => r.type)).toEqual(['primary', 'filelists', 'other', 'group', 'group_gz']);
    expect(findRecord(repomd, 'primary')).toEqual({
      type: 'primary',
      location: 'repodata/primary.xml.gz',
      checksum: { type: 'sha256', value: '439d4e89ce4291cf1a7657fc10bc9c8482aef4e498a44ea5e5f0f90843619fd2' },
      openChecksum: { type: 'sha256', value: 'ae018535909dafc53b74e18f9705c76c0ca6c09645686d7d9b125d0de9c4a4f7' },
      size: 32627,
      openSize: 478465,
      timestamp: 1795311009,
    });
    expect(findRecord(repomd, 'group')?.openChecksum).toBeUndefined();
    expect(findRecord(repomd, 'modules')).toBeUndefined();
  });

  it('reads database_version of sqlite records', async () => {
    const repomd = await readRepomd(path.resolve(dummyRepo, '../../pungi-repos/repo-krb5-lookaside'));
    expect(findRecord(repomd, 'primary_db')?.databaseVersion).toBe(10);
  });

  it('names the repo and the fix when repomd.xml is missing', async () => {
    const dir = await makeTempDir();
    const error = await readRepomd(dir).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REPODATA_NO_REPOMD', exitCode: 2 });
    expect((error as Error).message).toContain(dir);
    expect((error as { hint: string }).hint).toContain('createrepo_c');
  });

  it('reports malformed repomd.xml with its location', async () => {
    const dir = await makeTempDir();
    await mkdir(path.join(dir, 'repodata'));
    await writeFile(path.join(dir, 'repodata', 'repomd.xml'), '<repomd>\n  <revision>1</revision>\n  <data type="primary">\n</repomd>\n');
    const error = await readRepomd(dir).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REPODATA_BAD_REPOMD', exitCode: 2, location: { file: path.join(dir, 'repodata', 'repomd.xml') } });
    expect((error as Error).message).toContain(dir);
  });
});
