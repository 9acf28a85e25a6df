import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTool } from '@compose/exec';

export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const shared = path.resolve(workspaceRoot, '../shared');
export const dummyRepo = path.join(shared, 'fixtures/pungi-dummy/repo');
export const dummyComps = path.join(shared, 'fixtures/pungi-dummy/dummy-comps.xml');

/** A fresh temp directory holding copies of the named fixture RPMs. */
export async function copyRpms(names: readonly string[], into?: string): Promise<string> {
  const dir = into ?? (await mkdtemp(path.join(tmpdir(), 'createrepo-test-')));
  await mkdir(dir, { recursive: true });
  for (const name of names) await copyFile(path.join(dummyRepo, name), path.join(dir, name));
  return dir;
}

/** NEVRAs a real dnf sees in the repo at `dir`, isolated from the host's repos and cache. */
export async function listRepoPackages(dir: string): Promise<string[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'repoquery-root-'));
  const result = await runTool(
    [
    'dnf',
    'repoquery',
    '--quiet',
    '--setopt=reposdir=/dev/null',
    `--repofrompath=t,file://${dir}`,
    '--repo=t',
    `--installroot=${root}`,
    '--releasever=1',
    '--forcearch=x86_64',
    '--queryformat=%{name}-%{version}-%{release}.%{arch}',
    ],
  ).finally(() => rm(root, { recursive: true, force: true }));
  return result.stdout.split('\n').filter(Boolean).sort();
}
