import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FailedError } from '@compose/errors';
import { detectCreaterepoFeatures, runCreaterepo } from '../src/index.js';
import { copyRpms, dummyComps, dummyRepo, listRepoPackages } from './helpers.js';

const rpms = ['dummy-bash-4.2.37-6.x86_64.rpm', 'dummy-basesystem-10.0-6.noarch.rpm', 'dummy-filesystem-4.2.37-6.x86_64.rpm'];
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function snapshot(dir: string): Promise<{ files: string[]; repomd: string }> {
  return { files: (await readdir(path.join(dir, 'repodata'))).sort(), repomd: await readFile(path.join(dir, 'repodata/repomd.xml'), 'utf8') };
}

describe('runCreaterepo', () => {
  it('indexes a tree with comps that dnf then reads', async () => {
    const dir = await copyRpms(rpms);
    dirs.push(dir);
    const run = await runCreaterepo(dir, { groupfile: dummyComps, checksum: 'sha256', database: false, workers: 3, skipStat: true });
    expect(run.repodata).toBe(path.join(dir, 'repodata'));
    const repomd = await readFile(path.join(dir, 'repodata/repomd.xml'), 'utf8');
    expect(repomd).toContain('<data type="group">');
    expect(repomd).not.toContain('primary_db');
    expect(await listRepoPackages(dir)).toEqual(['dummy-basesystem-10.0-6.noarch', 'dummy-bash-4.2.37-6.x86_64', 'dummy-filesystem-4.2.37-6.x86_64']);
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('indexes only the packages of a pkglist and replaces the old repodata on update', async () => {
    const dir = await copyRpms(rpms);
    dirs.push(dir);
    await runCreaterepo(dir, { database: false });
    await copyRpms(['dummy-elinks-2.6-2.x86_64.rpm'], dir);
    await writeFile(path.join(dir, 'list'), 'dummy-bash-4.2.37-6.x86_64.rpm\ndummy-elinks-2.6-2.x86_64.rpm\n');
    const run = await runCreaterepo(dir, { pkglist: path.join(dir, 'list'), database: false });
    expect(run.argv).toContain(`--update-md-path=${dir}`);
    expect(await listRepoPackages(dir)).toEqual(['dummy-bash-4.2.37-6.x86_64', 'dummy-elinks-2.6-2.x86_64']);
  });

  it('fails on a corrupt RPM, names it, and leaves the old repodata untouched', async () => {
    const dir = await copyRpms(rpms);
    dirs.push(dir);
    await runCreaterepo(dir, { groupfile: dummyComps, database: false });
    const before = await snapshot(dir);
    const whole = await readFile(path.join(dummyRepo, 'dummy-elinks-2.6-2.x86_64.rpm'));
    await writeFile(path.join(dir, 'broken-1.0-1.x86_64.rpm'), whole.subarray(0, 3000));
    const error = await runCreaterepo(dir, { groupfile: dummyComps, database: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailedError);
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).toContain('broken-1.0-1.x86_64.rpm');
    expect(await snapshot(dir)).toEqual(before);
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(await listRepoPackages(dir)).toHaveLength(3);
  });
});

describe('detectCreaterepoFeatures', () => {
  it("reports what this machine's createrepo_c supports", async () => {
    const features = await detectCreaterepoFeatures();
    expect(features.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(features.cachedir).toBe(true);
    expect(features.errorExitVal).toBe(true);
    expect(features.compressTypes).toEqual(expect.arrayContaining(['gz', 'bz2', 'xz']));
    expect(typeof features.deltas).toBe('boolean');
    // asked once per process
    expect(await detectCreaterepoFeatures()).toBe(features);
  });

  it('makes deltarpms when the build supports them', async () => {
    const features = await detectCreaterepoFeatures();
    if (!features.deltas) return;
    const old = await copyRpms(['dummy-bash-4.2.37-5.x86_64.rpm']);
    const dir = await copyRpms(['dummy-bash-4.2.37-6.x86_64.rpm']);
    dirs.push(old, dir);
    await runCreaterepo(dir, { database: false, deltas: { oldPackageDirs: [old] }, features });
    const repomd = await readFile(path.join(dir, 'repodata/repomd.xml'), 'utf8');
    expect(repomd).toContain('<data type="prestodelta">');
    expect(await readdir(path.join(dir, 'drpms'))).toEqual([expect.stringMatching(/\.drpm$/)]);
  });
});
