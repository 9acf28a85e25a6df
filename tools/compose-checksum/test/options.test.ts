import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digestOf, listFiles, readJson, removeStaged, runChecksumCli, stageReferenceImages as stageImages } from './helpers.js';

const staged: string[] = [];
afterAll(async () => {
  for (const dir of staged) await removeStaged(dir);
});

async function stageReferenceImages(overrides: string) {
  const result = await stageImages(overrides);
  staged.push(result.configDir);
  return result;
}

/** Every (variant, arch key, image) of an images.json. */
function placements(document: any): { variant: string; arch: string; image: any }[] {
  return Object.entries<any>(document.payload.images).flatMap(([variant, arches]) =>
    Object.entries<any[]>(arches).flatMap(([arch, list]) => list.map((image) => ({ variant, arch, image }))),
  );
}

async function checkWith(tool: string, dir: string, file: string): Promise<void> {
  const result = await execa(tool, ['-c', file], { cwd: dir, reject: false });
  expect(result.exitCode, `${tool} -c ${file} in ${dir}: ${result.stdout}${result.stderr}`).toBe(0);
  expect(result.stderr).toBe('');
}

describe('media_checksum_one_file with media_checksum_base_filename', () => {
  it('writes one <base>-CHECKSUM per variant, arch key and directory, no per-image files', async () => {
    const template = "'%(release_short)s-%(variant)s-%(version)s-%(arch)s-%(date)s%(type_suffix)s.%(respin)s-{dirname}'";
    const { composeDir, composeId } = await stageReferenceImages(`media_checksums = ['sha256']\nmedia_checksum_one_file = True\nmedia_checksum_base_filename = ${template}\n`);
    const run = await runChecksumCli(['--compose-dir', composeDir]);
    expect(run.exitCode, run.stderr).toBe(0);
    const tree = path.join(composeDir, 'compose');
    const date = composeId.split('-').at(-1)!.slice(0, 8);
    const document = await readJson(path.join(tree, 'metadata/images.json'));
    // As in Pungi the arch is the images.json key: the source dir gets one file per binary arch.
    const expected = new Map<string, Set<string>>();
    for (const { variant, arch, image } of placements(document)) {
      const file = path.posix.join(path.posix.dirname(image.path), `DP-${variant}-1.0-${arch}-${date}.t.0-iso-CHECKSUM`);
      expected.set(file, (expected.get(file) ?? new Set()).add(path.posix.basename(image.path)));
    }
    expect(await listFiles(tree, /\dSUM$/)).toEqual([]);
    expect(await listFiles(tree, /CHECKSUM$/)).toEqual([...expected.keys()].sort());
    expect([...expected.keys()]).toContain(`Server/source/iso/DP-Server-1.0-s390x-${date}.t.0-iso-CHECKSUM`);
    for (const [file, images] of expected) {
      await checkWith('sha256sum', path.join(tree, path.dirname(file)), path.basename(file));
      const text = await readFile(path.join(tree, file), 'utf8');
      const names = [...images].sort();
      let lines = '';
      for (const name of names) {
        const size = (await readFile(path.join(tree, path.dirname(file), name))).length;
        lines += `# ${name}: ${size} bytes\nSHA256 (${name}) = ${await digestOf(path.join(tree, path.dirname(file), name), 'sha256')}\n`;
      }
      expect(text).toBe(lines);
    }
    for (const { image } of placements(document)) expect(Object.keys(image.checksums)).toEqual(['sha256']);
  });

  it('puts every algorithm into one CHECKSUM file, sorted per image by algorithm', async () => {
    const { composeDir, composeId } = await stageReferenceImages(`media_checksums = ['sha256', 'md5']\nmedia_checksum_one_file = True\n`);
    const run = await runChecksumCli(['--compose-dir', composeDir]);
    expect(run.exitCode, run.stderr).toBe(0);
    const tree = path.join(composeDir, 'compose');
    const files = await listFiles(tree, /CHECKSUM$/);
    expect(files).toContain('Server/x86_64/iso/CHECKSUM');
    expect(await listFiles(tree, /\dSUM$/)).toEqual([]);
    for (const file of files) await checkWith('cksum', path.join(tree, path.dirname(file)), 'CHECKSUM');
    const text = await readFile(path.join(tree, 'Server/x86_64/iso/CHECKSUM'), 'utf8');
    const order = [...text.matchAll(/^(MD5|SHA256) \((.+)\)/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(order).toEqual([
      `MD5 ${composeId}-Server-x86_64-dvd1.iso`,
      `SHA256 ${composeId}-Server-x86_64-dvd1.iso`,
      `MD5 extra-${composeId}-Server-x86_64-dvd1.iso`,
      `SHA256 extra-${composeId}-Server-x86_64-dvd1.iso`,
    ]);
  });
});

describe('media_checksum_base_filename without one_file, sha224/sha384/sha512', () => {
  it('prefixes the directory files only and writes the per-image files as NAME.ALGSUM', async () => {
    const { composeDir, composeId } = await stageReferenceImages(`media_checksums = ['sha512', 'sha224', 'sha384']\nmedia_checksum_base_filename = '%(release_short)s-%(variant)s'\n`);
    const run = await runChecksumCli(['--compose-dir', composeDir, '--json']);
    expect(run.exitCode, run.stderr).toBe(0);
    const tree = path.join(composeDir, 'compose');
    const files = await listFiles(tree, /SUM$/);
    expect(files).toContain('Server/x86_64/iso/DP-Server-SHA512SUM');
    expect(files).toContain(`Server/x86_64/iso/${composeId}-Server-x86_64-dvd1.iso.SHA384SUM`);
    expect(files).toContain('Server-Gluster/x86_64/iso/DP-Server-Gluster-SHA224SUM');
    expect(files.filter((file) => /\/(SHA\d+SUM)$/.test(file))).toEqual([]);
    for (const file of files) {
      const tool = `${/(SHA\d+)SUM$/.exec(file)![1]!.toLowerCase()}sum`;
      await checkWith(tool, path.join(tree, path.dirname(file)), path.basename(file));
    }
    const document = await readJson(path.join(tree, 'metadata/images.json'));
    for (const { image } of placements(document)) {
      expect(Object.keys(image.checksums)).toEqual(['sha224', 'sha384', 'sha512']);
      expect(image.checksums.sha384).toBe(await digestOf(path.join(tree, image.path), 'sha384'));
    }
    expect(JSON.parse(run.stdout).algorithms).toEqual(['sha512', 'sha224', 'sha384']);
  });

  it('refuses a template key that does not exist (dirname needs one_file), writing nothing', async () => {
    const { composeDir } = await stageReferenceImages(`media_checksum_base_filename = '%(release_short)s-%(dirname)s'\n`);
    const before = await readFile(path.join(composeDir, 'compose/metadata/images.json'), 'utf8');
    const run = await runChecksumCli(['--compose-dir', composeDir]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/media_checksum_base_filename: unknown format element "dirname"/);
    expect(run.stderr).toMatch(/dirname \(only with media_checksum_one_file\)/);
    expect(await listFiles(path.join(composeDir, 'compose'), /SUM$/)).toEqual([]);
    expect(await readFile(path.join(composeDir, 'compose/metadata/images.json'), 'utf8')).toBe(before);
  });
});
