import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeImages } from '@compose/images';
import { DUMMY_REFERENCE } from '@compose/testkit';
import { REFERENCE_ID, digestOf, listFiles, readJson, runChecksumCli, removeStaged, stageReferenceImages, type CliResult } from './helpers.js';

let composeDir = '';
let composeId = '';
let configDir = '';
let run: CliResult;

beforeAll(async () => {
  ({ composeDir, composeId, configDir } = await stageReferenceImages());
  run = await runChecksumCli(['--compose-dir', composeDir, '--json']);
}, 120_000);

afterAll(() => removeStaged(configDir));

const tree = (): string => path.join(composeDir, 'compose');

describe('compose-checksum with the dummy product defaults (md5, sha1, sha256)', () => {
  it('succeeds, reporting each image on stderr and a summary on stdout', () => {
    expect(run.exitCode, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.algorithms).toEqual(['md5', 'sha1', 'sha256']);
    // 22 entries in images.json, 18 files: source ISOs are listed under every binary arch.
    expect(summary.images).toBe(18);
    expect(run.stderr.match(/\[\d+\/18\] \S+\.iso: /g)).toHaveLength(18);
  });

  it('writes exactly the reference set of checksum files', async () => {
    const ours = await listFiles(tree(), /SUM$/);
    const reference = (await listFiles(path.join(DUMMY_REFERENCE, 'compose'), /SUM$/)).map((file) => file.replaceAll(REFERENCE_ID, composeId));
    expect(reference).toHaveLength(99);
    expect(ours).toEqual(reference);
  });

  it('writes every file byte for byte as Pungi does, but with our digests', async () => {
    const references = await listFiles(path.join(DUMMY_REFERENCE, 'compose'), /SUM$/);
    for (const relative of references) {
      const referenceText = await readFile(path.join(DUMMY_REFERENCE, 'compose', relative), 'utf8');
      const dir = path.join(tree(), path.dirname(relative));
      let expected = '';
      for (const line of referenceText.replaceAll(REFERENCE_ID, composeId).split(/(?<=\n)/)) {
        const match = /^(MD5|SHA1|SHA256) \((.+)\) = [0-9a-f]+\n$/.exec(line);
        expected += match ? `${match[1]} (${match[2]}) = ${await digestOf(path.join(dir, match[2]!), match[1]!.toLowerCase())}\n` : line;
      }
      expect(await readFile(path.join(tree(), relative.replaceAll(REFERENCE_ID, composeId)), 'utf8'), relative).toBe(expected);
    }
  });

  it('passes md5sum -c, sha1sum -c and sha256sum -c in every directory', async () => {
    const files = await listFiles(tree(), /SUM$/);
    for (const file of files) {
      const tool = `${/(MD5|SHA1|SHA256)SUM$/.exec(file)![1]!.toLowerCase()}sum`;
      const result = await execa(tool, ['-c', path.basename(file)], { cwd: path.join(tree(), path.dirname(file)), reject: false });
      expect(result.exitCode, `${tool} -c ${file}: ${result.stdout}${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(/: OK$/m);
      expect(result.stderr).toBe('');
    }
  });

  it('fills checksums into images.json, the same for a source ISO under each arch, staying productmd-shaped', async () => {
    const text = await readFile(path.join(tree(), 'metadata/images.json'), 'utf8');
    const ours = JSON.parse(text);
    const reference = await readJson(path.join(DUMMY_REFERENCE, 'compose/metadata/images.json'));
    // productmd's serializer: sorted keys, 4-space indent, the header it writes.
    expect(text).toBe(serializeImages(ours));
    expect(ours.header).toEqual(reference.header);
    let entries = 0;
    for (const [variant, arches] of Object.entries<any>(ours.payload.images)) {
      for (const [arch, list] of Object.entries<any[]>(arches)) {
        const referenceList = reference.payload.images[variant][arch];
        expect(list.map((image) => image.path)).toEqual(referenceList.map((image: any) => image.path.replaceAll(REFERENCE_ID, composeId)));
        for (const [index, image] of list.entries()) {
          entries++;
          expect(Object.keys(image).sort()).toEqual(Object.keys(referenceList[index]).sort());
          expect(Object.keys(image.checksums)).toEqual(['md5', 'sha1', 'sha256']);
          for (const algorithm of ['md5', 'sha1', 'sha256']) {
            expect(image.checksums[algorithm]).toBe(await digestOf(path.join(tree(), image.path), algorithm));
          }
        }
      }
    }
    expect(entries).toBe(22);
  });

  it('records what it did in work/global/checksum.json', async () => {
    const manifest = await readJson(path.join(composeDir, 'work/global/checksum.json'));
    expect(manifest.header).toEqual({ type: 'compose.checksum', version: '1.0' });
    expect(manifest.payload.files).toEqual(await listFiles(tree(), /SUM$/));
    const source = manifest.payload.images.find((image: any) => image.path === `Server/source/iso/${composeId}-Server-source-dvd1.iso`);
    expect(source.listed_under).toEqual(['Server.s390x', 'Server.x86_64']);
    expect(source.checksums.sha256).toBe(await digestOf(path.join(tree(), source.path), 'sha256'));
    expect(manifest.payload.timings_ms.total).toBeGreaterThan(0);
  });
});
