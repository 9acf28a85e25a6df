import { copyFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDummyCompose, prepareNextDummyCompose } from '@compose/testkit';
import { readDpkgVersions } from '../src/dnf-identity.js';
import { runCreaterepoCli } from './helpers.js';

// Three composes of the dummy product in one target dir: the first made cold, the second with
// nothing changed, the third with one package file of Server.x86_64 replaced by a copy (new mtime).
let first = '';
let second = '';
let third = '';
let target = '';
const runs: Record<string, { exitCode: number; stdout: string; stderr: string }> = {};

interface Tree { variant: string; arch: string; pkg_type: string; path: string; repomd: string; reused_from?: string | null; inputs_digest?: string }
interface Check { variant: string; arch: string; ok: boolean; problems: { repo: string }[]; log: string; reused_from: string | null; inputs_digest: string | null }

const readTrees = async (dir: string): Promise<Tree[]> => (JSON.parse(await readFile(path.join(dir, 'work/global/createrepo.json'), 'utf8')) as { payload: { trees: Tree[] } }).payload.trees;
const readChecks = async (dir: string): Promise<Check[]> => (JSON.parse(await readFile(path.join(dir, 'work/global/repoclosure.json'), 'utf8')) as { payload: { checks: Check[] } }).payload.checks;
// Old composes are only reused once they stopped (a STARTED one may still be running); the
// orchestrator writes FINISHED at the end, here the test does.
const finish = (dir: string): Promise<void> => writeFile(path.join(dir, 'STATUS'), 'FINISHED\n');
const CHANGED_PACKAGE = 'compose/Server/x86_64/os/Packages/d/dummy-bash-4.2.37-6.x86_64.rpm';

let configDir = '';
beforeAll(async () => {
  ({ composeDir: first, configDir } = await prepareDummyCompose(['compose-pkgset', 'compose-gather', 'compose-createrepo']));
  target = path.join(configDir, 'composes');
  runs['first-closure'] = await runCreaterepoCli(['repoclosure', '--compose-dir', first]);
  await finish(first);
  ({ composeDir: second } = await prepareNextDummyCompose(configDir, ['compose-pkgset', 'compose-gather'], ['--old-composes', target]));
  runs['second'] = await runCreaterepoCli(['--compose-dir', second, '--old-composes', target]);
  runs['second-closure'] = await runCreaterepoCli(['repoclosure', '--compose-dir', second, '--old-composes', target]);
  await finish(second);
  ({ composeDir: third } = await prepareNextDummyCompose(configDir, ['compose-pkgset', 'compose-gather'], ['--old-composes', target]));
  // A new file under the same name: never write into the tree's RPMs, they are hard links to the fixtures.
  const changed = path.join(third, CHANGED_PACKAGE);
  const copy = `${changed}.copy`;
  await copyFile(changed, copy);
  await rm(changed);
  await copyFile(copy, changed);
  await rm(copy);
  runs['third'] = await runCreaterepoCli(['--compose-dir', third, '--old-composes', target]);
  runs['third-closure'] = await runCreaterepoCli(['repoclosure', '--compose-dir', third, '--old-composes', target]);
}, 240_000);

afterAll(() => rm(configDir, { recursive: true, force: true }));

describe('compose-createrepo reuse of unchanged repodata', () => {
  it('links every tree of an unchanged compose from the old one instead of running createrepo_c', async () => {
    expect(runs['second']!.exitCode, runs['second']!.stderr).toBe(0);
    expect(runs['second']!.stderr).toContain(`repodata of 37 of 37 repos reused from ${first} (inputs unchanged)`);
    const [old, trees] = [await readTrees(first), await readTrees(second)];
    expect(trees).toHaveLength(37);
    for (const tree of trees) {
      expect(tree.reused_from, tree.path).toBe(first);
      expect(tree.inputs_digest).toBe(old.find((o) => o.path === tree.path && o.pkg_type === tree.pkg_type)!.inputs_digest);
      const [a, b] = [await stat(path.join(first, 'compose', tree.repomd)), await stat(path.join(second, 'compose', tree.repomd))];
      expect(b.ino, tree.repomd).toBe(a.ino);
    }
    expect(await readFile(path.join(second, 'logs/x86_64/createrepo-Server.rpm.x86_64.log'), 'utf8')).toMatch(/repodata reused from .*Server\/x86_64\/os \(inputs digest [0-9a-f]{64}\); createrepo_c not run/);
  });

  it('still writes this compose its own .treeinfo, .discinfo and media.repo', async () => {
    for (const name of ['.treeinfo', '.discinfo', 'media.repo']) {
      const [a, b] = [await stat(path.join(first, 'compose/Server/x86_64/os', name)), await stat(path.join(second, 'compose/Server/x86_64/os', name))];
      expect(b.ino).not.toBe(a.ino);
      expect(b.mtimeMs).toBeGreaterThanOrEqual(a.mtimeMs);
    }
  });

  it('runs createrepo_c for the one tree whose package changed and reuses the others', async () => {
    expect(runs['third']!.exitCode, runs['third']!.stderr).toBe(0);
    expect(runs['third']!.stderr).toMatch(/Server\.x86_64 \(rpm\) changed since DP-1\.0-\d{8}\.t\.1 \(changed: packages\), running createrepo_c/);
    const trees = await readTrees(third);
    const remade = trees.filter((tree) => !tree.reused_from).map((tree) => `${tree.variant}.${tree.arch}.${tree.pkg_type}`);
    expect(remade).toEqual(['Server.x86_64.rpm']);
    // the newest old compose with equal inputs is the one reused
    expect(new Set(trees.filter((tree) => tree.reused_from).map((tree) => tree.reused_from))).toEqual(new Set([second]));
    const log = await readFile(path.join(third, 'logs/x86_64/createrepo-Server.rpm.x86_64.log'), 'utf8');
    expect(log).toContain('createrepo_c');
    expect(log).not.toContain('reused');
  });
});

describe('compose-createrepo repoclosure reuse', () => {
  it('takes over every result of an unchanged compose, renaming its repo ids', async () => {
    expect(runs['first-closure']!.exitCode, runs['first-closure']!.stderr).toBe(0);
    expect(runs['second-closure']!.exitCode, runs['second-closure']!.stderr).toBe(0);
    expect(runs['second-closure']!.stderr).toContain(`results of 14 of 14 checks reused from ${first}`);
    const [old, checks] = [await readChecks(first), await readChecks(second)];
    expect(old.every((check) => check.reused_from === null && check.inputs_digest)).toBe(true);
    expect(checks.map((check) => [check.variant, check.arch, check.ok, check.reused_from])).toEqual(old.map((check) => [check.variant, check.arch, check.ok, first]));
    const gluster = checks.find((check) => check.variant === 'Server-Gluster' && check.arch === 'x86_64')!;
    expect(gluster.ok).toBe(false);
    expect(gluster.problems[0]!.repo).toBe(`${path.basename(second)}-repoclosure-Server-Gluster.x86_64`);
    expect(await readFile(path.join(second, gluster.log), 'utf8')).toMatch(/^# result reused from .*dnf not run[^]*dnf repoclosure/);
  });

  it('runs dnf again for every check that reads the changed repo, as checked or as lookaside', async () => {
    expect(runs['third-closure']!.exitCode, runs['third-closure']!.stderr).toBe(0);
    const checks = await readChecks(third);
    const ran = checks.filter((check) => !check.reused_from).map((check) => `${check.variant}.${check.arch}`).sort();
    // Server.x86_64 itself and the variants that see it as their parent
    expect(ran).toEqual(['Server-Gluster.x86_64', 'Server-ResilientStorage.x86_64', 'Server-optional.x86_64', 'Server.x86_64']);
    expect(await readFile(path.join(third, 'logs/x86_64/repoclosure-Server.x86_64.log'), 'utf8')).toMatch(/^dnf repoclosure /);
  });
});

describe('the dnf identity', () => {
  it('reads the installed versions of the dnf stack from a dpkg status file', () => {
    const status = [
      'Package: dnf\nStatus: install ok installed\nVersion: 4.14.0-3',
      'Package: libsolv1\nStatus: deinstall ok config-files\nVersion: 0.7.23-1',
      'Package: python3-libdnf\nStatus: install ok installed\nArchitecture: amd64\nVersion: 0.69.0-2',
      'Package: vim\nStatus: install ok installed\nVersion: 9.0',
    ].join('\n\n');
    expect(readDpkgVersions(status)).toEqual(['dnf 4.14.0-3', 'python3-libdnf 0.69.0-2']);
  });
});
