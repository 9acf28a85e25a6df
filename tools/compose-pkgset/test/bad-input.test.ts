import { describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dummyRepo, initDummyCompose, runPkgsetCli } from './helpers.js';

async function copyRepo(): Promise<string> {
  const repo = await mkdtemp(path.join(tmpdir(), 'pkgset-bad-'));
  for (const file of (await readdir(dummyRepo)).filter((f) => f.endsWith('.rpm'))) await symlink(path.join(dummyRepo, file), path.join(repo, file));
  await cp(path.join(dummyRepo, 'repodata'), path.join(repo, 'repodata'), { recursive: true });
  return repo;
}

async function expectRejected(repo: string, message: RegExp): Promise<void> {
  const { composeDir } = await initDummyCompose(`pkgset_repos = {"*": ["${repo}"]}`);
  const result = await runPkgsetCli(['--compose-dir', composeDir]);
  expect(result.exitCode, result.stderr).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  // Nothing a later phase could mistake for a result.
  expect(existsSync(path.join(composeDir, 'work/global/pkgset.json'))).toBe(false);
  expect(existsSync(path.join(composeDir, 'work/x86_64/repo'))).toBe(false);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('bad package set input', () => {
  it('an unreachable repo URL', async () => {
    const port = await closedPort();
    await expectRejected(`http://127.0.0.1:${port}/repo/`, new RegExp(`127\\.0\\.0\\.1:${port}.*unreachable|unreachable.*127\\.0\\.0\\.1:${port}`));
  });

  it('a repo without repomd.xml', async () => {
    const repo = await mkdtemp(path.join(tmpdir(), 'pkgset-bad-'));
    await mkdir(path.join(repo, 'repodata'));
    await expectRejected(repo, new RegExp(`${repo} has no repodata/repomd\\.xml and no \\*\\.rpm files`));
  });

  it('a missing repo path', async () => {
    await expectRejected('/nonexistent/repo', /package set repo \/nonexistent\/repo does not exist/);
  });

  it('a corrupt primary.xml.gz', async () => {
    const repo = await copyRepo();
    const primary = (await readdir(path.join(repo, 'repodata'))).find((f) => f.includes('primary.xml')) as string;
    await writeFile(path.join(repo, 'repodata', primary), Buffer.from('this is not gzip data at all'));
    await expectRejected(repo, /primary\.xml\.gz/);
  });

  it('a checksum mismatch of repodata', async () => {
    const repo = await copyRepo();
    const repomd = path.join(repo, 'repodata/repomd.xml');
    const text = await readFile(repomd, 'utf8');
    const changed = text.replace(/(<data type="primary">[\s\S]*?<checksum type="sha256">)([0-9a-f])/, (_m, head: string, c: string) => head + (c === '0' ? '1' : '0'));
    expect(changed).not.toBe(text);
    await writeFile(repomd, changed);
    await expectRejected(repo, /checksum/i);
  });

  it('a truncated or non-RPM file in an RPM directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pkgset-bad-dir-'));
    for (const file of (await readdir(dummyRepo)).filter((f) => f.endsWith('.rpm'))) await symlink(path.join(dummyRepo, file), path.join(dir, file));
    await cp(path.join(dummyRepo, 'dummy-bash-4.2.37-6.x86_64.rpm'), path.join(dir, 'zz-truncated-1-1.x86_64.rpm'));
    await truncate(path.join(dir, 'zz-truncated-1-1.x86_64.rpm'), 300);
    await expectRejected(dir, /zz-truncated-1-1\.x86_64\.rpm/);
    const other = await mkdtemp(path.join(tmpdir(), 'pkgset-bad-dir-'));
    await writeFile(path.join(other, 'notes-1-1.noarch.rpm'), 'just text, not a package');
    await expectRejected(other, /notes-1-1\.noarch\.rpm/);
  });
});
