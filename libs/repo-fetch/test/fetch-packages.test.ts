import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchPackages, type PackageRequest, type ProgressState } from '@compose/repo-fetch';
import { startStaticServer, type StaticServer } from '@compose/testkit';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dummyRepo = path.resolve(repoRoot, '../shared/fixtures/pungi-dummy/repo');

let packages: PackageRequest[];
let server: StaticServer;
let cacheDir: string;

beforeAll(async () => {
  // The checksums primary.xml would give, computed from the fixture RPMs themselves.
  const names = (await readdir(dummyRepo)).filter((name) => name.startsWith('dummy-bash') || name.startsWith('dummy-krb5-libs')).sort();
  packages = await Promise.all(
    names.map(async (name) => {
      const data = await readFile(path.join(dummyRepo, name));
      return { location: name, checksum: { type: 'sha256', value: createHash('sha256').update(data).digest('hex') }, size: data.length };
    }),
  );
});

beforeEach(async () => {
  server = await startStaticServer({ '/repo/': dummyRepo, '/mirror/': dummyRepo });
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'repo-fetch-pkgs-'));
});

afterEach(async () => {
  await server.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('fetchPackages', () => {
  it('downloads packages concurrently, verified, reporting progress', async () => {
    expect(packages.length).toBeGreaterThan(20);
    const progress: ProgressState[] = [];
    const result = await fetchPackages(`${server.origin}/repo`, packages, { cacheDir, concurrency: 3, onProgress: (s) => progress.push(s) });
    expect([...result.keys()]).toEqual(packages.map((p) => p.location));
    for (const pkg of packages) {
      const local = result.get(pkg.location) as string;
      expect(path.basename(local)).toBe(pkg.location);
      expect((await readFile(local)).equals(await readFile(path.join(dummyRepo, pkg.location)))).toBe(true);
      expect(existsSync(path.join(cacheDir, 'objects/sha256', pkg.checksum.value))).toBe(true);
    }
    expect(server.peakConcurrency).toBe(3);
    expect(server.requests).toHaveLength(packages.length);
    const totalBytes = packages.reduce((sum, p) => sum + (p.size ?? 0), 0);
    expect(progress.at(-1)).toMatchObject({ phase: 'packages', doneFiles: packages.length, totalFiles: packages.length, doneBytes: totalBytes, totalBytes });
    for (let i = 1; i < progress.length; i++) {
      expect((progress[i] as ProgressState).doneFiles).toBeGreaterThanOrEqual((progress[i - 1] as ProgressState).doneFiles);
    }
  });

  it('skips packages already in the cache', async () => {
    const first = await fetchPackages(`${server.origin}/repo/`, packages.slice(0, 5), { cacheDir });
    server.requests.length = 0;
    const second = await fetchPackages(`${server.origin}/repo/`, packages, { cacheDir });
    expect(server.requests).toHaveLength(packages.length - 5);
    server.requests.length = 0;
    const third = await fetchPackages(`${server.origin}/repo/`, packages, { cacheDir });
    expect(server.requests).toEqual([]);
    expect(third).toEqual(second);
    for (const [location, local] of first) expect(second.get(location)).toBe(local);
  });

  it('fails on a checksum mismatch without caching the bad bytes', async () => {
    const bad = { ...(packages[0] as PackageRequest), checksum: { type: 'sha256', value: 'ab'.repeat(32) } };
    const failure = fetchPackages(`${server.origin}/repo/`, [bad, ...packages.slice(1, 4)], { cacheDir, concurrency: 2, retries: 1, retryDelayMs: 1 });
    await expect(failure).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH', exitCode: 2 });
    await expect(failure).rejects.toThrow(new RegExp(`${bad.location}.*expected sha256:${'ab'.repeat(32)}, got sha256:${packages[0]?.checksum.value}`));
    expect(existsSync(path.join(cacheDir, 'objects/sha256', bad.checksum.value))).toBe(false);
    expect(await readdir(path.join(cacheDir, 'tmp'))).toEqual([]);
  });

  it('rejects a body larger than the metadata says before it is all read', async () => {
    const wrongSize = { ...(packages[0] as PackageRequest), size: 10 };
    await expect(fetchPackages(`${server.origin}/repo/`, [wrongSize], { cacheDir })).rejects.toThrow(/expected 10 bytes, got more than 10 bytes/);
  });

  it('names a package missing from the server', async () => {
    const missing = { ...(packages[0] as PackageRequest), location: 'Packages/n/nope-1-1.noarch.rpm' };
    const failure = fetchPackages(`${server.origin}/repo/`, [missing], { cacheDir, retries: 1, retryDelayMs: 1 });
    await expect(failure).rejects.toMatchObject({ code: 'PACKAGE_NOT_FOUND' });
    await expect(failure).rejects.toThrow(/Packages\/n\/nope-1-1\.noarch\.rpm not found at http:\/\/127\.0\.0\.1:\d+\/repo\/Packages/);
    expect(server.requests).toHaveLength(1);
  });

  it('resolves locations against xml:base', async () => {
    const based = packages.slice(0, 3).map((p) => ({ ...p, base: `${server.origin}/mirror/` }));
    const result = await fetchPackages(`${server.origin}/repo/`, based, { cacheDir });
    expect(server.requests).toEqual(expect.arrayContaining(based.map((p) => `/mirror/${p.location}`)));
    expect(server.requests.filter((r) => r.startsWith('/repo/'))).toEqual([]);
    for (const pkg of based) {
      expect((await readFile(result.get(pkg.location) as string)).equals(await readFile(path.join(dummyRepo, pkg.location)))).toBe(true);
    }
  });

  it('uses packages of a file:// repo in place', async () => {
    const progress: ProgressState[] = [];
    const result = await fetchPackages(pathToFileURL(dummyRepo).href, packages, { cacheDir, onProgress: (s) => progress.push(s) });
    for (const pkg of packages) expect(result.get(pkg.location)).toBe(path.join(dummyRepo, pkg.location));
    expect(existsSync(path.join(cacheDir, 'objects'))).toBe(false);
    expect(progress.at(-1)).toMatchObject({ doneFiles: packages.length, totalFiles: packages.length });
    const missing = { ...(packages[0] as PackageRequest), location: 'gone.rpm' };
    await expect(fetchPackages(dummyRepo, [missing], { cacheDir })).rejects.toMatchObject({ code: 'PACKAGE_NOT_FOUND' });
  });

  it('rejects an unknown checksum type before downloading anything', async () => {
    const odd = { ...(packages[0] as PackageRequest), checksum: { type: 'crc32', value: 'abcd' } };
    await expect(fetchPackages(`${server.origin}/repo/`, [odd], { cacheDir })).rejects.toMatchObject({ code: 'CHECKSUM_TYPE_UNSUPPORTED' });
    expect(server.requests).toEqual([]);
  });
});
