import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFile, cp, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStaticServer, type StaticServer } from '@compose/testkit';
import { dummyRepo, initDummyCompose, makeConfigDir, runPkgsetCli } from './helpers.js';

type Manifest = { packages: { file: string; tree_arches: string[]; path: string }[]; sources: { kind: string }[]; reused_from: string | null };

async function packageSet(overrides: string, extraArgs: string[] = []): Promise<{ manifest: Manifest; composeDir: string; stderr: string }> {
  const { composeDir } = await initDummyCompose(overrides);
  const run = await runPkgsetCli(['--compose-dir', composeDir, ...extraArgs]);
  expect(run.exitCode, run.stderr).toBe(0);
  const manifest = (JSON.parse(await readFile(path.join(composeDir, 'work/global/pkgset.json'), 'utf8')) as { payload: Manifest }).payload;
  return { manifest, composeDir, stderr: run.stderr };
}

const summarize = (m: Manifest) => m.packages.map((p) => `${p.file} ${p.tree_arches.join(',')}`).sort();

let server: StaticServer;
let fromPath: Manifest;
beforeAll(async () => {
  server = await startStaticServer({ '/dummy/': dummyRepo });
  fromPath = (await packageSet('')).manifest;
});
afterAll(async () => server.close());

describe('package set sources', () => {
  it('gives the same set from an http URL served here, with the packages downloaded and verified', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'pkgset-cache-'));
    const { manifest } = await packageSet(`pkgset_repos = {"*": ["${server.origin}/dummy/"]}`, ['--cache-dir', cache]);
    expect(manifest.sources[0]?.kind).toBe('http');
    expect(summarize(manifest)).toEqual(summarize(fromPath));
    for (const pkg of manifest.packages) expect(await readFile(pkg.path)).toEqual(await readFile(path.join(dummyRepo, pkg.file)));
  });

  it('gives the same set from a bare directory of RPMs (headers read directly)', async () => {
    const bare = await mkdtemp(path.join(tmpdir(), 'pkgset-bare-'));
    for (const file of (await readdir(dummyRepo)).filter((f) => f.endsWith('.rpm'))) await symlink(path.join(dummyRepo, file), path.join(bare, file));
    const { manifest, composeDir } = await packageSet(`pkgset_repos = {"*": ["${bare}"]}`);
    expect(manifest.sources[0]?.kind).toBe('rpm-dir');
    expect(summarize(manifest)).toEqual(summarize(fromPath));
    expect((await readdir(path.join(composeDir, 'work/x86_64/repo/repo-0/repodata'))).some((f) => f.endsWith('primary.xml.gz'))).toBe(true);
  });

  it('reuses the set of an older finished compose when nothing changed', async () => {
    const configDir = await makeConfigDir('');
    const { composeDir } = await initDummyCompose('', configDir);
    expect((await runPkgsetCli(['--compose-dir', composeDir])).exitCode).toBe(0);
    const target = path.dirname(composeDir);
    const { composeDir: again } = await initDummyCompose('', configDir);
    // An unfinished compose is never reused.
    const refused = await runPkgsetCli(['--compose-dir', again, '--old-composes', target, '--json']);
    expect(JSON.parse(refused.stdout).reused_from).toBeNull();
    await writeFile(path.join(composeDir, 'STATUS'), 'FINISHED\n');
    const reused = await runPkgsetCli(['--compose-dir', again, '--old-composes', target, '--json']);
    expect(reused.exitCode, reused.stderr).toBe(0);
    expect(JSON.parse(reused.stdout).reused_from).toBe(composeDir);
    const manifest = (JSON.parse(await readFile(path.join(again, 'work/global/pkgset.json'), 'utf8')) as { payload: Manifest }).payload;
    expect(summarize(manifest)).toEqual(summarize(fromPath));
    expect((await readdir(path.join(again, 'work/x86_64/repo/repo-0/repodata'))).length).toBeGreaterThan(2);
  });

  it('does not reuse the set when the repo changed', async () => {
    const repo = await mkdtemp(path.join(tmpdir(), 'pkgset-changing-'));
    for (const file of (await readdir(dummyRepo)).filter((f) => f.endsWith('.rpm'))) await symlink(path.join(dummyRepo, file), path.join(repo, file));
    await cp(path.join(dummyRepo, 'repodata'), path.join(repo, 'repodata'), { recursive: true });
    const configDir = await makeConfigDir(`pkgset_repos = {"*": ["${repo}"]}`);
    const { composeDir } = await initDummyCompose('', configDir);
    expect((await runPkgsetCli(['--compose-dir', composeDir])).exitCode).toBe(0);
    await writeFile(path.join(composeDir, 'STATUS'), 'FINISHED\n');
    await appendFile(path.join(repo, 'repodata/repomd.xml'), '<!-- regenerated -->\n');
    const { composeDir: again } = await initDummyCompose('', configDir);
    const run = await runPkgsetCli(['--compose-dir', again, '--old-composes', path.dirname(composeDir), '--json']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).reused_from).toBeNull();
  });

  it('writes the manifest to stdout for pipelines', async () => {
    const { composeDir } = await initDummyCompose('');
    const run = await runPkgsetCli(['--compose-dir', composeDir, '--output', '-', '--quiet']);
    expect(run.exitCode, run.stderr).toBe(0);
    const envelope = JSON.parse(run.stdout) as { header: { type: string }; payload: Manifest };
    expect(envelope.header.type).toBe('compose.pkgset');
    expect(summarize(envelope.payload)).toEqual(summarize(fromPath));
  });
});
