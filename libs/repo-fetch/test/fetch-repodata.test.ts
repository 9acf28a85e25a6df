import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '@compose/errors';
import { fetchRepodata, type ProgressState } from '@compose/repo-fetch';
import { startStaticServer, type StaticServer } from '@compose/testkit';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dummyRepo = path.resolve(repoRoot, '../shared/fixtures/pungi-dummy/repo');
const otherRepo = path.resolve(repoRoot, '../shared/fixtures/pungi-repos/repo');
const FAST = { retries: 1, retryDelayMs: 1 };

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

async function expectSameRepodata(dir: string, source: string): Promise<void> {
  const names = (await readdir(path.join(source, 'repodata'))).sort();
  expect((await readdir(path.join(dir, 'repodata'))).sort()).toEqual(names);
  for (const name of names) {
    const got = await readFile(path.join(dir, 'repodata', name));
    expect(got.equals(await readFile(path.join(source, 'repodata', name))), name).toBe(true);
  }
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
}

async function findClosedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let server: StaticServer;
let cacheDir: string;

beforeEach(async () => {
  server = await startStaticServer({ '/repo/': dummyRepo });
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'repo-fetch-'));
});

afterEach(async () => {
  await server.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('fetchRepodata over http', () => {
  it('mirrors repomd.xml and every listed file byte for byte', async () => {
    const progress: ProgressState[] = [];
    const result = await fetchRepodata(`${server.origin}/repo`, { cacheDir, onProgress: (s) => progress.push(s) });
    await expectSameRepodata(result.dir, dummyRepo);
    expect(result.repomdChecksum).toBe(sha256(await readFile(path.join(dummyRepo, 'repodata/repomd.xml'))));
    expect(result.dir).toBe(path.join(cacheDir, 'repos', sha256(Buffer.from(`${server.origin}/repo/`)), result.repomdChecksum));
    const primary = await readFile(path.join(dummyRepo, 'repodata/primary.xml.gz'));
    expect(existsSync(path.join(cacheDir, 'objects/sha256', sha256(primary)))).toBe(true);
    const last = progress.at(-1);
    expect(last).toMatchObject({ phase: 'repodata', doneFiles: 5, totalFiles: 5 });
    expect(last?.doneBytes).toBe(last?.totalBytes);
    expect(last?.totalBytes).toBe(32627 + 21110 + 21143 + 5515 + 1311);
  });

  it('downloads nothing but repomd.xml when the repo has not changed', async () => {
    const first = await fetchRepodata(`${server.origin}/repo/`, { cacheDir });
    server.requests.length = 0;
    const second = await fetchRepodata(`${server.origin}/repo/`, { cacheDir });
    expect(second).toEqual(first);
    expect(server.requests).toEqual(['/repo/repodata/repomd.xml']);
  });

  it('reuses cached files for the same repo served at another URL', async () => {
    server.mounts.set('/mirror/', dummyRepo);
    const first = await fetchRepodata(`${server.origin}/repo/`, { cacheDir });
    server.requests.length = 0;
    const second = await fetchRepodata(`${server.origin}/mirror/`, { cacheDir });
    expect(second.dir).not.toBe(first.dir);
    expect(second.repomdChecksum).toBe(first.repomdChecksum);
    await expectSameRepodata(second.dir, dummyRepo);
    expect(server.requests).toEqual(['/mirror/repodata/repomd.xml']);
  });

  it('fetches only the changed files when the repo at the same URL changes', async () => {
    const first = await fetchRepodata(`${server.origin}/repo/`, { cacheDir });
    server.mounts.set('/repo/', otherRepo);
    server.requests.length = 0;
    const second = await fetchRepodata(`${server.origin}/repo/`, { cacheDir });
    expect(second.dir).not.toBe(first.dir);
    await expectSameRepodata(second.dir, otherRepo);
    await expectSameRepodata(first.dir, dummyRepo);
    // The comps files are identical in both repos, so the cache already has them.
    expect(server.requests.sort()).toEqual(
      ['repomd.xml', 'primary.xml.gz', 'filelists.xml.gz', 'other.xml.gz'].map((f) => `/repo/repodata/${f}`).sort(),
    );
  });

  it('rejects a corrupted file and leaves nothing of it in the cache', async () => {
    const primary = await readFile(path.join(dummyRepo, 'repodata/primary.xml.gz'));
    server.overrides.set('/repo/repodata/primary.xml.gz', (res, body) => {
      const bad = Buffer.from(body as Buffer);
      bad[100] = (bad[100] ?? 0) ^ 0xff;
      res.writeHead(200).end(bad);
    });
    const failure = fetchRepodata(`${server.origin}/repo/`, { cacheDir, ...FAST });
    await expect(failure).rejects.toBeInstanceOf(InputError);
    await expect(failure).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH', exitCode: 2 });
    await expect(failure).rejects.toThrow(/repodata\/primary\.xml\.gz.*expected sha256:439d4e89.*got sha256:[0-9a-f]{64}/);
    expect(server.countRequests('/repo/repodata/primary.xml.gz')).toBe(1);
    expect(existsSync(path.join(cacheDir, 'objects/sha256', sha256(primary)))).toBe(false);
    expect(await listFiles(path.join(cacheDir, 'tmp'))).toEqual([]);
    expect(await listFiles(path.join(cacheDir, 'repos'))).toEqual([]);
  });

  it('names the URL when there is no repodata/repomd.xml', async () => {
    const failure = fetchRepodata(`${server.origin}/missing/`, { cacheDir, ...FAST });
    await expect(failure).rejects.toMatchObject({ code: 'REPO_NOT_FOUND', exitCode: 2 });
    await expect(failure).rejects.toThrow(`repo at ${server.origin}/missing/ has no repodata/repomd.xml`);
    expect(server.countRequests('/missing/repodata/repomd.xml')).toBe(1);
  });

  it('reports a refused connection as an unreachable repo', async () => {
    const port = await findClosedPort();
    const failure = fetchRepodata(`http://127.0.0.1:${port}/repo/`, { cacheDir, ...FAST });
    await expect(failure).rejects.toMatchObject({ code: 'REPO_UNREACHABLE', exitCode: 2 });
    await expect(failure).rejects.toThrow(/repo http:\/\/127\.0\.0\.1:\d+\/repo\/ unreachable \(.*ECONNREFUSED/);
  });

  it('retries a 5xx and succeeds once the server recovers', async () => {
    server.overrides.set('/repo/repodata/other.xml.gz', (res, _body, attempt) => {
      if (attempt > 2) return false;
      res.writeHead(503).end();
    });
    const result = await fetchRepodata(`${server.origin}/repo/`, { cacheDir, retries: 3, retryDelayMs: 1 });
    await expectSameRepodata(result.dir, dummyRepo);
    expect(server.countRequests('/repo/repodata/other.xml.gz')).toBe(3);
  });

  it('gives up after the configured retries on a persistent 5xx, and never retries a 403', async () => {
    server.overrides.set('/repo/repodata/other.xml.gz', (res) => void res.writeHead(500).end());
    await expect(fetchRepodata(`${server.origin}/repo/`, { cacheDir, retries: 2, retryDelayMs: 1 })).rejects.toMatchObject({
      code: 'REPO_HTTP_ERROR',
      message: expect.stringContaining('HTTP 500'),
    });
    expect(server.countRequests('/repo/repodata/other.xml.gz')).toBe(3);
    server.overrides.set('/repo/repodata/repomd.xml', (res) => void res.writeHead(403).end());
    server.requests.length = 0;
    await expect(fetchRepodata(`${server.origin}/repo/`, { cacheDir, ...FAST })).rejects.toMatchObject({ code: 'REPO_HTTP_ERROR' });
    expect(server.requests).toEqual(['/repo/repodata/repomd.xml']);
  });

  it('times out a server that stops sending, retrying first', async () => {
    server.overrides.set('/repo/repodata/filelists.xml.gz', (res, body) => {
      res.writeHead(200, { 'content-length': (body as Buffer).length });
      res.write((body as Buffer).subarray(0, 1000));
    });
    const failure = fetchRepodata(`${server.origin}/repo/`, { cacheDir, idleTimeoutMs: 200, ...FAST });
    await expect(failure).rejects.toMatchObject({ code: 'REPO_TIMEOUT' });
    await expect(failure).rejects.toThrow(/no data from .*filelists\.xml\.gz for 0\.2 s/);
    expect(server.countRequests('/repo/repodata/filelists.xml.gz')).toBe(2);
    expect(await listFiles(path.join(cacheDir, 'tmp'))).toEqual([]);
  });

  it('recovers from a connection dropped mid-body', async () => {
    const progress: ProgressState[] = [];
    server.overrides.set('/repo/repodata/primary.xml.gz', (res, body, attempt) => {
      if (attempt > 1) return false;
      res.writeHead(200, { 'content-length': (body as Buffer).length });
      res.write((body as Buffer).subarray(0, 5000), () => res.destroy());
    });
    const result = await fetchRepodata(`${server.origin}/repo/`, { cacheDir, ...FAST, onProgress: (s) => progress.push(s) });
    await expectSameRepodata(result.dir, dummyRepo);
    expect(progress.at(-1)?.doneBytes).toBe(progress.at(-1)?.totalBytes);
  });

  it('follows redirects', async () => {
    server.overrides.set('/moved/repodata/repomd.xml', (res) => void res.writeHead(302, { location: '/repo/repodata/repomd.xml' }).end());
    server.overrides.set('/moved/repodata/primary.xml.gz', (res) => void res.writeHead(301, { location: '/repo/repodata/primary.xml.gz' }).end());
    server.mounts.set('/moved/repodata/', path.join(dummyRepo, 'repodata'));
    const result = await fetchRepodata(`${server.origin}/moved/`, { cacheDir });
    await expectSameRepodata(result.dir, dummyRepo);
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const failure = fetchRepodata(`${server.origin}/repo/`, { cacheDir, signal: controller.signal });
    await expect(failure).rejects.toMatchObject({ name: 'AbortError' });
    await expect(failure).rejects.not.toBeInstanceOf(InputError);
  });
});

describe('fetchRepodata on local repos', () => {
  it('uses a file:// repo in place', async () => {
    const result = await fetchRepodata(pathToFileURL(otherRepo).href, { cacheDir });
    expect(result.dir).toBe(otherRepo);
    expect(result.repomdChecksum).toBe(sha256(await readFile(path.join(otherRepo, 'repodata/repomd.xml'))));
    expect(await listFiles(cacheDir)).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it('accepts a plain path and rejects a directory without repodata', async () => {
    expect((await fetchRepodata(`${dummyRepo}/`, { cacheDir })).dir).toBe(dummyRepo);
    await expect(fetchRepodata(path.dirname(dummyRepo), { cacheDir })).rejects.toMatchObject({ code: 'REPO_NOT_FOUND' });
  });

  it('rejects unsupported schemes', async () => {
    await expect(fetchRepodata('ftp://127.0.0.1/repo', { cacheDir })).rejects.toMatchObject({ code: 'REPO_URL_UNSUPPORTED' });
  });
});
