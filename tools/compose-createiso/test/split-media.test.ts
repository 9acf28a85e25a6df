import { execa } from 'execa';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDummyCompose } from '@compose/testkit';
import { listImage, readJson, runCreateiso } from './helpers.js';

// Only Server media, on discs of 60 KiB: the Server x86_64 tree needs several.
const OVERRIDES = `
createiso_skip = [('^(?!Server$).*$', {'*': True, 'src': True})]
extra_isos = {}
iso_size = '60K'
split_iso_reserve = '1K'
`;

let composeDir = '';
let discs: { path: string; disc_number: number; disc_count: number }[] = [];

beforeAll(async () => {
  ({ composeDir } = await prepareDummyCompose(['compose-pkgset', 'compose-gather', 'compose-createrepo'], OVERRIDES));
  const r = await runCreateiso(['--compose-dir', composeDir, '--quiet']);
  if (r.exitCode !== 0) throw new Error(r.stderr);
  const images = await readJson(path.join(composeDir, 'compose/metadata/images.json'));
  discs = images.payload.images.Server.x86_64.filter((i: { arch: string }) => i.arch === 'x86_64');
}, 120_000);

async function extract(iso: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'disc-'));
  await execa('xorriso', ['-osirrox', 'on', '-indev', iso, '-extract', '/', dir]);
  return dir;
}

describe('a tree split over several discs', () => {
  it('numbers the discs and puts every package on exactly one', async () => {
    expect(discs.length).toBeGreaterThanOrEqual(2);
    expect(discs.map((d) => d.disc_number)).toEqual(discs.map((_, i) => i + 1));
    expect(discs.every((d) => d.disc_count === discs.length)).toBe(true);
    const tree = (await execa('find', ['.', '-name', '*.rpm'], { cwd: path.join(composeDir, 'compose/Server/x86_64/os') })).stdout.split('\n').map((p) => p.slice(1)).sort();
    const onDiscs: string[] = [];
    for (const disc of discs) onDiscs.push(...(await listImage(path.join(composeDir, 'compose', disc.path))).filter((p) => p.endsWith('.rpm')));
    expect(onDiscs.sort()).toEqual(tree);
    for (const disc of discs) {
      const listing = await listImage(path.join(composeDir, 'compose', disc.path));
      for (const sticky of ['/.treeinfo', '/.discinfo', '/media.repo', '/repodata/repomd.xml']) expect(listing, disc.path).toContain(sticky);
    }
  });

  it('gives each disc repodata of its own packages and its disc number in .treeinfo/.discinfo', async () => {
    for (const disc of discs) {
      const dir = await extract(path.join(composeDir, 'compose', disc.path));
      const onDisc = (await execa('find', ['Packages', '-name', '*.rpm'], { cwd: dir })).stdout.split('\n').filter(Boolean).map((p) => path.basename(p, '.rpm')).sort();
      const root = await mkdtemp(path.join(os.tmpdir(), 'rq-'));
      const listed = (await execa('dnf', ['repoquery', '-q', `--installroot=${root}`, '--releasever=1', '--forcearch=x86_64', '--setopt=reposdir=/dev/null', `--repofrompath=d,file://${dir}`, '--repo=d', '--qf=%{name}-%{version}-%{release}.%{arch}'])).stdout.split('\n').filter(Boolean).sort();
      expect(listed, disc.path).toEqual(onDisc);
      expect(await readFile(path.join(dir, '.treeinfo'), 'utf8')).toContain(`[media]\ndiscnum = ${disc.disc_number}\ntotaldiscs = ${discs.length}\n`);
      expect((await readFile(path.join(dir, '.discinfo'), 'utf8')).split('\n')[3]).toBe(String(disc.disc_number));
    }
  });

  it('installs @core with dnf from the extracted discs, packages coming from several of them', async () => {
    const dirs = await Promise.all(discs.map((disc) => extract(path.join(composeDir, 'compose', disc.path))));
    const root = await mkdtemp(path.join(os.tmpdir(), 'root-'));
    const repos = dirs.flatMap((dir, i) => [`--repofrompath=disc${i + 1},file://${dir}`, `--repo=disc${i + 1}`]);
    const r = await execa('dnf', ['--installroot', root, '--releasever', '1', '--forcearch', 'x86_64', '--setopt=reposdir=/dev/null', ...repos, '--nogpgcheck', 'install', '-y', '@core'], { reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    const fromDiscs = new Set([...String(r.stdout).matchAll(/\sdisc(\d+)\s/g)].map((m) => m[1]));
    expect(fromDiscs.size).toBeGreaterThanOrEqual(2);
    const installed = (await execa('rpm', ['--root', root, '-qa'])).stdout;
    expect(installed).toMatch(/dummy-bash/);
  });
});
