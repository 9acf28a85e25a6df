import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findRecord, readRepomd, streamFilelists, streamOther, streamPrimary, writeFilteredRepo, type PrimaryPackage } from '@compose/repodata';
import { dummyRepo, makeTempDir, sha256, shared } from './repo-helpers.js';
import { dnfRepoquery } from './dnf-helpers.js';

const nevra = (p: { name: string; version: string; release: string; arch: string }): string => `${p.name}-${p.version}-${p.release}.${p.arch}`;

/** Each package's XML block in a primary/filelists/other file, by pkgid. */
async function blocksOf(repoDir: string, type: string): Promise<Map<string, string>> {
  const repomd = await readRepomd(repoDir);
  const xml = gunzipSync(await readFile(path.join(repoDir, findRecord(repomd, type)!.location))).toString('utf8');
  const blocks = new Map<string, string>();
  for (const block of xml.match(/<package[\s>][\s\S]*?<\/package>/g) ?? []) {
    const pkgid = /pkgid="YES">([^<]+)</.exec(block) ?? /pkgid="([^"]+)"/.exec(block);
    blocks.set(pkgid![1]!, block);
  }
  return blocks;
}

describe('writeFilteredRepo', () => {
  it('writes a repo dnf loads with exactly the kept packages, blocks copied byte for byte', async () => {
    const target = await makeTempDir();
    const keep = (p: { name: string; arch: string }): boolean => p.arch === 'x86_64' || (p.arch === 'noarch' && p.name.startsWith('dummy-b'));
    const result = await writeFilteredRepo(dummyRepo, target, keep, { groupFile: path.join(shared, 'fixtures/pungi-dummy/dummy-comps.xml') });

    const expected: PrimaryPackage[] = [];
    await streamPrimary(dummyRepo, (p) => keep(p) && expected.push(p));
    expect(result.packages).toBe(expected.length);
    const listed = (await dnfRepoquery(target, ['--qf', '%{name}-%{version}-%{release}.%{arch}'])).trim().split('\n').sort();
    expect(listed).toEqual(expected.map(nevra).sort());

    for (const type of ['primary', 'filelists', 'other']) {
      const source = await blocksOf(dummyRepo, type);
      const written = await blocksOf(target, type);
      expect([...written.keys()].sort(), type).toEqual(expected.map((p) => p.pkgid).sort());
      for (const [pkgid, block] of written) expect(block).toBe(source.get(pkgid));
    }
    let filelists = 0;
    let other = 0;
    await streamFilelists(target, () => filelists++);
    await streamOther(target, () => other++);
    expect([filelists, other]).toEqual([expected.length, expected.length]);
  });

  it('writes repomd.xml as createrepo_c does: named files, checksums, sizes, group records', async () => {
    const target = await makeTempDir();
    const comps = path.join(shared, 'fixtures/pungi-dummy/dummy-comps.xml');
    await writeFilteredRepo(dummyRepo, target, (p) => p.arch === 'noarch', { groupFile: comps, timestamp: 1700000000, revision: '42' });
    const repomd = await readRepomd(target);
    expect(repomd.revision).toBe('42');
    expect(repomd.records.map((r) => r.type)).toEqual(['primary', 'filelists', 'other', 'group', 'group_gz']);
    for (const record of repomd.records) {
      const stored = await readFile(path.join(target, record.location));
      expect(record.location).toBe(`repodata/${sha256(stored)}-${path.basename(record.location).split('-').slice(1).join('-')}`);
      expect(record.checksum).toEqual({ type: 'sha256', value: sha256(stored) });
      expect(record.size).toBe(stored.length);
      expect(record.timestamp).toBe(1700000000);
      if (record.type !== 'group') {
        const open = gunzipSync(stored);
        expect(record.openChecksum).toEqual({ type: 'sha256', value: sha256(open) });
        expect(record.openSize).toBe(open.length);
      }
    }
    expect(findRecord(repomd, 'group')?.location).toMatch(/-dummy-comps\.xml$/);
    const primary = gunzipSync(await readFile(path.join(target, findRecord(repomd, 'primary')!.location))).toString('utf8');
    expect(primary).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<metadata xmlns="http:\/\/linux.duke.edu\/metadata\/common" xmlns:rpm="http:\/\/linux.duke.edu\/metadata\/rpm" packages="\d+">\n<package type="rpm">/);
    expect(primary.endsWith('</package>\n</metadata>\n')).toBe(true);
  });

  it('replaces existing repodata atomically and leaves no staging directories', async () => {
    const target = await makeTempDir();
    await writeFilteredRepo(dummyRepo, target, () => true);
    await writeFilteredRepo(dummyRepo, target, (p) => p.name === 'dummy-bash');
    expect(await readdir(target)).toEqual(['repodata']);
    expect((await readdir(path.join(target, 'repodata'))).length).toBe(4);
    const names = new Set<string>();
    await streamPrimary(target, (p) => names.add(p.name));
    expect([...names]).toEqual(['dummy-bash']);
  });

  it('points locations at baseUrl with xml:base', async () => {
    const target = await makeTempDir();
    await writeFilteredRepo(dummyRepo, target, (p) => p.name === 'dummy-bash', { baseUrl: 'https://example.com/os/?a=1&b=2' });
    const packages: PrimaryPackage[] = [];
    await streamPrimary(target, (p) => packages.push(p));
    expect(packages.length).toBeGreaterThan(0);
    for (const p of packages) {
      expect(p.locationBase).toBe('https://example.com/os/?a=1&b=2');
      expect(p.location).toBe(`${p.name}-${p.version}-${p.release}.${p.arch}.rpm`);
    }
  });

  it('leaves the target untouched when the source is broken', async () => {
    const target = await makeTempDir();
    const error = await writeFilteredRepo(path.join(target, 'nowhere'), target, () => true).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REPODATA_NO_REPOMD' });
    expect(await readdir(target)).toEqual([]);
  });
});
