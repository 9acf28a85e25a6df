import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDummyCompose, prepareNextDummyCompose } from '@compose/testkit';
import { normalizeMetadata, parseGraftPoints } from '../src/image-digest.js';
import { renameForCompose } from '../src/image-reuse.js';
import { listIsos, readJson, runCreateiso, type CliResult } from './helpers.js';

// Three composes of the dummy product in one target dir: cold; unchanged; and one with a file
// added to the Server.x86_64 tree and extraiso_allow_reuse = False.
let first = '';
let second = '';
let third = '';
const runs: Record<string, CliResult> = {};

interface Image { kind: string; variant: string; arch: string; path: string; implant_md5?: string | null; inputs_digest?: string; inputs?: Record<string, string>; reused_from?: string | null }
const readImages = async (dir: string): Promise<Image[]> => (await readJson<{ payload: { images: Image[] } }>(path.join(dir, 'work/global/createiso.json'))).payload.images;
// The orchestrator writes FINISHED at the end of a compose; a STARTED one is never reused.
const finish = (dir: string): Promise<void> => writeFile(path.join(dir, 'STATUS'), 'FINISHED\n');

let configDir = '';
beforeAll(async () => {
  ({ composeDir: first, configDir } = await prepareDummyCompose(['compose-pkgset', 'compose-gather', 'compose-createrepo']));
  const target = path.join(configDir, 'composes');
  runs['first'] = await runCreateiso(['--compose-dir', first]);
  await finish(first);
  ({ composeDir: second } = await prepareNextDummyCompose(configDir, ['compose-pkgset', 'compose-gather', 'compose-createrepo'], ['--old-composes', target]));
  runs['second'] = await runCreateiso(['--compose-dir', second, '--old-composes', target]);
  runs['second-test'] = await runCreateiso(['test', '--compose-dir', second]);
  await finish(second);
  await appendFile(path.join(configDir, 'test.conf'), 'extraiso_allow_reuse = False\n');
  ({ composeDir: third } = await prepareNextDummyCompose(configDir, ['compose-pkgset', 'compose-gather', 'compose-createrepo'], ['--old-composes', target]));
  await writeFile(path.join(third, 'compose/Server/x86_64/os/EULA'), 'a file the old composes do not have\n');
  runs['third'] = await runCreateiso(['--compose-dir', third, '--old-composes', target]);
}, 300_000);

afterAll(() => rm(configDir, { recursive: true, force: true }));

describe('compose-createiso reuse of unchanged images', () => {
  it('links all 18 images of an unchanged compose, with their .manifest, under this compose\'s names', async () => {
    expect(runs['first']!.exitCode, runs['first']!.stderr).toBe(0);
    expect(runs['second']!.exitCode, runs['second']!.stderr).toBe(0);
    const [old, images] = [await readImages(first), await readImages(second)];
    expect(images).toHaveLength(18);
    const id = (dir: string) => path.basename(dir).replace(/^DP-1\.0-/, '');
    for (const image of images) {
      expect(image.reused_from, image.path).toBe(first);
      expect(image.path).toContain(id(second));
      const before = old.find((o) => o.path === renameForCompose(image.path, path.basename(second), path.basename(first)))!;
      expect(before, image.path).toBeDefined();
      expect(image.inputs_digest).toBe(before.inputs_digest);
      expect(image.implant_md5).toBe(before.implant_md5);
      for (const suffix of ['', '.manifest']) {
        expect((await stat(path.join(second, 'compose', image.path + suffix))).ino).toBe((await stat(path.join(first, 'compose', before.path + suffix))).ino);
      }
    }
    expect(await listIsos(second)).toEqual((await listIsos(first)).map((iso) => renameForCompose(iso, path.basename(first), path.basename(second))));
    expect(runs['second']!.stderr).toMatch(/\[\d+\/18\] Server\/x86_64\/iso\/DP-1\.0-\d{8}\.t\.1-Server-x86_64-dvd1\.iso \(\d+ bytes, reused from .*\.t\.0\)/);
    const log = await readFile(path.join(second, 'logs/x86_64', `createiso-${path.basename(images.find((i) => i.variant === 'Server' && i.arch === 'x86_64' && i.kind === 'iso')!.path)}.log`), 'utf8');
    expect(log).toMatch(/# reused .*\.t\.0-Server-x86_64-dvd1\.iso \(inputs digest [0-9a-f]{64}\)/);
  });

  it('records the reused images in images.json so that the test phase passes', async () => {
    expect(runs['second-test']!.exitCode, runs['second-test']!.stderr).toBe(0);
    const document = await readJson(path.join(second, 'compose/metadata/images.json'));
    expect(document.payload.compose.id).toBe(path.basename(second));
    const server = document.payload.images.Server.x86_64.find((image: { path: string }) => image.path.endsWith('Server-x86_64-dvd1.iso') && !image.path.includes('extra'));
    expect(server.path).toBe(`Server/x86_64/iso/${path.basename(second)}-Server-x86_64-dvd1.iso`);
    expect(server.mtime).toBe(Math.trunc((await stat(path.join(second, 'compose', server.path))).mtimeMs / 1000));
  });

  it('makes again the image whose tree changed and the extra ISOs whose reuse is switched off, and links the rest', async () => {
    expect(runs['third']!.exitCode, runs['third']!.stderr).toBe(0);
    const images = await readImages(third);
    const made = images.filter((image) => !image.reused_from).map((image) => path.basename(image.path).replace(path.basename(third), 'ID')).sort();
    expect(made).toEqual(['ID-Server-x86_64-dvd1.iso', 'extra-ID-Server-s390x-dvd1.iso', 'extra-ID-Server-source-dvd1.iso', 'extra-ID-Server-x86_64-dvd1.iso']);
    expect(new Set(images.filter((image) => image.reused_from).map((image) => image.reused_from))).toEqual(new Set([second]));
    expect(runs['third']!.stderr).toContain(`${path.basename(third)}-Server-x86_64-dvd1.iso changed since the old compose (changed: files), making it`);
    const server = images.find((image) => image.kind === 'iso' && image.variant === 'Server' && image.arch === 'x86_64')!;
    const listing = await readFile(path.join(third, 'compose', `${server.path}.manifest`), 'utf8');
    expect(listing.split('\n')).toContain('/EULA');
  });
});

describe('image digest rules', () => {
  it('maps an old image name to this compose, layered product names included', () => {
    expect(renameForCompose('DP-1.0-20261121.t.0-Server-x86_64-dvd1.iso', 'DP-1.0-20261121.t.0', 'DP-1.0-20261122.t.3')).toBe('DP-1.0-20261122.t.3-Server-x86_64-dvd1.iso');
    expect(renameForCompose('Gluster-2.3-DP-1-20261121.n.0-Server-source-dvd1.iso', 'DP-1.0-20261121.n.0', 'DP-1.0-20261122.n.1')).toBe('Gluster-2.3-DP-1-20261122.n.1-Server-source-dvd1.iso');
  });

  it('leaves only the timestamps out of tree metadata', () => {
    const treeinfo = '[general]\ntimestamp = 1795328426\nname = DP\n[tree]\nbuild_timestamp = 1795328426\n';
    expect(normalizeMetadata('.treeinfo', treeinfo)).toBe(normalizeMetadata('.treeinfo', treeinfo.replaceAll('1795328426', '1795399999')));
    expect(normalizeMetadata('.treeinfo', treeinfo)).not.toBe(normalizeMetadata('.treeinfo', treeinfo.replace('name = DP', 'name = XX')));
    expect(normalizeMetadata('.discinfo', '1795328426.696000\nDummy Product 1.0\nx86_64\nALL\n')).toBe('Dummy Product 1.0\nx86_64\nALL\n');
    expect(normalizeMetadata('media.repo', '[InstallMedia]\nmediaid=1795328426.696000\ncost=500\n')).toBe('[InstallMedia]\nmediaid=*\ncost=500\n');
  });

  it('reads escaped graft points back', () => {
    expect(parseGraftPoints('a\\=b/c\\\\d=/x/a\\=b\nplain=/y/plain=z\n')).toEqual([['a=b/c\\d', '/x/a=b'], ['plain', '/y/plain=z']]);
  });
});
