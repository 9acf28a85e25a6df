import { copyFile, link, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareNextDummyCompose } from '@compose/testkit';
import { digestOf, readJson, removeStaged, runChecksumCli, stageReferenceImages, type CliResult } from './helpers.js';

// Compose A with the reference's images, hashed; compose B (same target dir) whose images are
// hard links to A's, except one copied (a new file) and one whose mtime changed after A hashed it.
let first = '';
let second = '';
let configDir = '';
let run: CliResult;
const COPIED = 'Client/i386/iso/ID-Client-i386-dvd1.iso';
const TOUCHED = 'Everything/source/iso/ID-Everything-source-dvd1.iso';

interface Hashed { path: string; checksums: Record<string, string>; file_id?: string; reused_from?: string | null }
const readHashed = async (dir: string): Promise<Hashed[]> => (await readJson(path.join(dir, 'work/global/checksum.json'))).payload.images;

beforeAll(async () => {
  let firstId: string;
  ({ composeDir: first, composeId: firstId, configDir } = await stageReferenceImages());
  const hashed = await runChecksumCli(['--compose-dir', first]);
  expect(hashed.exitCode, hashed.stderr).toBe(0);
  await writeFile(path.join(first, 'STATUS'), 'FINISHED\n');
  ({ composeDir: second } = await prepareNextDummyCompose(configDir, []));
  const secondId = path.basename(second);
  const document = JSON.parse((await readFile(path.join(first, 'compose/metadata/images.json'), 'utf8')).replaceAll(firstId, secondId));
  const paths = new Set<string>();
  for (const arches of Object.values<any>(document.payload.images)) {
    for (const list of Object.values<any[]>(arches)) for (const image of list) {
      image.checksums = {};
      paths.add(image.path);
    }
  }
  for (const relative of paths) {
    const [from, to] = [path.join(first, 'compose', relative.replaceAll(secondId, firstId)), path.join(second, 'compose', relative)];
    await mkdir(path.dirname(to), { recursive: true });
    if (relative === COPIED.replace('ID', secondId)) await copyFile(from, to);
    else await link(from, to);
  }
  const touched = path.join(second, 'compose', TOUCHED.replace('ID', secondId));
  await utimes(touched, new Date(), new Date(Date.now() + 5000));
  await writeFile(path.join(second, 'compose/metadata/images.json'), JSON.stringify(document, null, 4));
  run = await runChecksumCli(['--compose-dir', second, '--old-composes', path.join(configDir, 'composes')]);
}, 120_000);

afterAll(() => removeStaged(configDir));

describe('compose-checksum reuse of digests of the same files', () => {
  it('takes the digests of hard-linked images over and hashes the copied and the changed one', async () => {
    expect(run.exitCode, run.stderr).toBe(0);
    const images = await readHashed(second);
    expect(images).toHaveLength(18);
    const id = path.basename(second);
    const hashedAgain = images.filter((image) => !image.reused_from).map((image) => image.path).sort();
    expect(hashedAgain).toEqual([COPIED.replace('ID', id), TOUCHED.replace('ID', id)].sort());
    expect(images.filter((image) => image.reused_from).every((image) => image.reused_from === first)).toBe(true);
    expect(run.stderr).toContain(`digests of 16 of 18 images taken over from ${first} (same files)`);
  });

  it('writes digests that are those of the files, reused or not, into images.json and the checksum files', async () => {
    const document = await readJson(path.join(second, 'compose/metadata/images.json'));
    for (const list of Object.values<any>(document.payload.images.Server)) {
      for (const image of list as { path: string; checksums: Record<string, string> }[]) {
        const file = path.join(second, 'compose', image.path);
        expect(image.checksums['sha256'], image.path).toBe(await digestOf(file, 'sha256'));
        const line = (await readFile(`${file}.SHA256SUM`, 'utf8').catch(() => readFile(path.join(path.dirname(file), 'SHA256SUM'), 'utf8')));
        expect(line).toContain(image.checksums['sha256']);
      }
    }
  });

  it('records each file\'s identity, so the next compose can take the digests over again', async () => {
    for (const image of await readHashed(second)) expect(image.file_id, image.path).toMatch(/^\d+:\d+:\d+:\d+$/);
  });
});
