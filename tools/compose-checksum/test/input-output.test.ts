import { execa } from 'execa';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestOf, listFiles, readJson, removeStaged, runChecksumCli, stageReferenceImages } from './helpers.js';

let composeDir = '';
let composeId = '';
let configDir = '';
const tree = (): string => path.join(composeDir, 'compose');
const imagesJson = (): string => path.join(tree(), 'metadata/images.json');

beforeAll(async () => {
  ({ composeDir, composeId, configDir } = await stageReferenceImages());
}, 120_000);

afterAll(() => removeStaged(configDir));

// The cases share one compose and run in order: first the refusals (nothing may be written),
// then a pipeline run, then a re-run that drops an image.
describe('compose-checksum input and output', () => {
  it('says to run compose-createiso first when images.json is missing (exit 2)', async () => {
    await rename(imagesJson(), `${imagesJson()}.away`);
    try {
      const run = await runChecksumCli(['--compose-dir', composeDir]);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toMatch(/images\.json does not exist/);
      expect(run.stderr).toMatch(/run compose-createiso first/);
    } finally {
      await rename(`${imagesJson()}.away`, imagesJson());
    }
  });

  it('names a missing image and writes nothing (exit 2)', async () => {
    const missing = path.join(tree(), `Client/i386/iso/${composeId}-Client-i386-dvd1.iso`);
    const before = await readFile(imagesJson(), 'utf8');
    await rename(missing, `${missing}.away`);
    try {
      const run = await runChecksumCli(['--compose-dir', composeDir]);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain(`${missing} (listed under Client.i386) does not exist`);
      expect(await listFiles(tree(), /SUM$/)).toEqual([]);
      expect(await readFile(imagesJson(), 'utf8')).toBe(before);
      expect(existsSync(path.join(composeDir, 'work/global/checksum.json'))).toBe(false);
    } finally {
      await rename(`${missing}.away`, missing);
    }
  });

  it('refuses the images.json of another compose (exit 2)', async () => {
    const other = (await readFile(imagesJson(), 'utf8')).replace(`"id": "${composeId}"`, '"id": "XX-9-20000101.0"');
    const run = await runChecksumCli(['--compose-dir', composeDir, '--input', '-'], other);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/images\.json belongs to compose "XX-9-20000101\.0", not to /);
    expect(await listFiles(tree(), /SUM$/)).toEqual([]);
  });

  it('reads images.json from stdin and prints the updated one on stdout', async () => {
    const input = await readFile(imagesJson(), 'utf8');
    const run = await runChecksumCli(['--compose-dir', composeDir, '--input', '-', '--output', '-', '--quiet'], input);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const printed = JSON.parse(run.stdout);
    const source = printed.payload.images.Server.x86_64.find((image: any) => image.arch === 'src');
    expect(source.checksums.sha1).toBe(await digestOf(path.join(tree(), source.path), 'sha1'));
    // The compose's own images.json gets the same content.
    expect(await readFile(imagesJson(), 'utf8')).toBe(run.stdout);
    expect(await listFiles(tree(), /SUM$/)).toHaveLength(99);
  });

  it('on a re-run without an image, removes the checksum files it wrote for it', async () => {
    const document = await readJson(imagesJson());
    const dropped = document.payload.images.Server.x86_64.find((image: any) => image.path.startsWith('Server/x86_64/iso/extra-'));
    document.payload.images.Server.x86_64 = document.payload.images.Server.x86_64.filter((image: any) => image !== dropped);
    const input = path.join(composeDir, 'fewer-images.json');
    await writeFile(input, JSON.stringify(document));
    const run = await runChecksumCli(['--compose-dir', composeDir, '--input', input, '--json']);
    expect(run.exitCode, run.stderr).toBe(0);
    const name = path.posix.basename(dropped.path);
    expect(JSON.parse(run.stdout).removed_files).toEqual(['MD5SUM', 'SHA1SUM', 'SHA256SUM'].map((alg) => `Server/x86_64/iso/${name}.${alg}`));
    expect(existsSync(path.join(tree(), `${dropped.path}.SHA256SUM`))).toBe(false);
    expect(await readFile(path.join(tree(), 'Server/x86_64/iso/SHA256SUM'), 'utf8')).not.toContain(name);
    expect(await listFiles(tree(), /SUM$/)).toHaveLength(96);
  });

  it('hashes an image above the threaded size on worker threads to the same digests', async () => {
    const document = await readJson(imagesJson());
    const image = document.payload.images.Client.x86_64.find((entry: any) => entry.arch === 'x86_64');
    image.size = 12 * 1024 * 1024 + 5;
    await writeFile(path.join(tree(), image.path), randomBytes(image.size));
    const input = path.join(composeDir, 'large-image.json');
    await writeFile(input, JSON.stringify(document));
    const run = await runChecksumCli(['--compose-dir', composeDir, '--input', input]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${image.path}: 12.0 MiB`);
    const written = await readJson(imagesJson());
    const entry = written.payload.images.Client.x86_64.find((e: any) => e.path === image.path);
    for (const algorithm of ['md5', 'sha1', 'sha256']) expect(entry.checksums[algorithm]).toBe(await digestOf(path.join(tree(), image.path), algorithm));
    const dir = path.join(tree(), path.dirname(image.path));
    const check = await execa('sha256sum', ['-c', 'SHA256SUM'], { cwd: dir, reject: false });
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'SHA256SUM'), 'utf8')).toContain(`# ${path.basename(image.path)}: ${image.size} bytes\n`);
  });
});
