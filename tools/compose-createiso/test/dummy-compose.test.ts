import { execa } from 'execa';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DUMMY_REFERENCE, prepareDummyCompose } from '@compose/testkit';
import { listImage, listIsos, readJson, runCreateiso, withoutChecksums } from './helpers.js';

let composeDir = '';
let run: { exitCode: number; stdout: string; stderr: string };

beforeAll(async () => {
  ({ composeDir } = await prepareDummyCompose(['compose-pkgset', 'compose-gather', 'compose-createrepo']));
  run = await runCreateiso(['--compose-dir', composeDir, '--json']);
}, 120_000);

/** images.json entries without what depends on bytes and time. */
function entries(doc: any): string[] {
  const out: string[] = [];
  for (const [variant, arches] of Object.entries<any>(doc.payload.images)) {
    for (const [arch, list] of Object.entries<any[]>(arches)) {
      for (const { checksums: _c, implant_md5: _i, mtime: _m, size: _s, ...rest } of list) out.push(JSON.stringify([variant, arch, rest]));
    }
  }
  return out.sort();
}

describe('compose-createiso on the dummy product', () => {
  it('makes the reference set of ISOs, names with our compose ID', async () => {
    expect(run.exitCode, run.stderr).toBe(0);
    const reference = (await readFile(path.join(DUMMY_REFERENCE, 'tree.txt'), 'utf8')).split('\n').filter((l) => l.startsWith('f ') && l.endsWith('.iso')).map((l) => l.split(' ').at(-1)!.replace(/^compose\//, '')).sort();
    expect(reference).toHaveLength(18);
    expect(await listIsos(composeDir)).toEqual(reference);
  });

  it('writes images.json with exactly the reference entries (22, source media under each binary arch)', async () => {
    const ours = await readJson(path.join(composeDir, 'compose/metadata/images.json'));
    const reference = await readJson(path.join(DUMMY_REFERENCE, 'compose/metadata/images.json'));
    expect(entries(ours)).toEqual(entries(reference));
    expect(ours.header).toEqual({ type: 'productmd.images', version: '1.2' });
    for (const list of Object.values<any>(ours.payload.images).flatMap((a) => Object.values<any[]>(a)).flat()) {
      expect(list.implant_md5).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('lists on every ISO (xorriso) the files of the reference .manifest, and writes the same .manifest', async () => {
    for (const iso of await listIsos(composeDir)) {
      const referenceManifest = (await readFile(path.join(DUMMY_REFERENCE, 'compose', `${iso}.manifest`), 'utf8')).split('\n').filter(Boolean);
      const listed = await listImage(path.join(composeDir, 'compose', iso));
      expect(withoutChecksums(listed), iso).toEqual(withoutChecksums(referenceManifest));
      const ours = (await readFile(path.join(composeDir, 'compose', `${iso}.manifest`), 'utf8')).split('\n').filter(Boolean);
      expect(ours, iso).toEqual(listed);
    }
  });

  it('gives ISOs whose implanted MD5 checkisomd5 verifies', async () => {
    for (const iso of await listIsos(composeDir)) {
      const r = await execa('checkisomd5', [path.join(composeDir, 'compose', iso)], { reject: false });
      expect(r.exitCode, `${iso}: ${r.stdout}`).toBe(0);
    }
  });

  it('records a deliverable per variant.arch as deliverables.json counts them', async () => {
    const summary = JSON.parse(run.stdout);
    const kinds = summary.deliverables.map((d: any) => `${d.kind} ${d.variant}.${d.arch} ${d.status}`).sort();
    const reference = await readJson(path.join(DUMMY_REFERENCE, 'logs-global-deliverables.json'));
    const expected = [
      ...reference.required.iso.filter((d: any[]) => d[2] === null).map((d: any[]) => `iso ${d[0]}.${d[1]} done`),
      ...reference.required.extra_iso.map((d: any[]) => `extra_iso ${d[0]}.${d[1]} done`),
    ].sort();
    expect(kinds).toEqual(expected);
    const manifest = await readJson(path.join(composeDir, 'work/global/createiso.json'));
    expect(manifest.header.type).toBe('compose.createiso');
  });

  it('remakes byte-identical media from the same compose', async () => {
    const iso = path.join(composeDir, 'compose/Server/x86_64/iso/DP-1.0-20261122.t.0-Server-x86_64-dvd1.iso'.replace('20261122', path.basename(composeDir).split('-')[2]!.split('.')[0]!));
    const before = await readFile(iso);
    await rm(iso);
    const again = await runCreateiso(['--compose-dir', composeDir, '--phase', 'createiso', '--quiet']);
    expect(again.exitCode, again.stderr).toBe(0);
    const after = await readFile(iso);
    const differing = new Set<number>();
    for (let i = 0; i < Math.min(after.length, before.length); i++) if (after[i] !== before[i]) differing.add(Math.floor(i / 2048));
    expect({ size: after.length, blocks: [...differing] }).toEqual({ size: before.length, blocks: [] });
  });
});

describe('compose-createiso test (the test phase)', () => {
  it('passes every image of the compose, and names an image whose bytes changed', async () => {
    const ok = await runCreateiso(['test', '--compose-dir', composeDir, '--json']);
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ checked: 18, passed: 18, failed: [] });
    const iso = path.join(composeDir, 'compose', (await listIsos(composeDir))[0]!);
    const original = await readFile(iso);
    const damaged = Buffer.from(original);
    damaged[Math.floor(damaged.length / 2)] ^= 0xff; // not the last 15 sectors: implantisomd5 leaves those out
    await writeFile(iso, damaged);
    try {
      const bad = await runCreateiso(['test', '--compose-dir', composeDir]);
      expect(bad.exitCode).toBe(1);
      expect(bad.stderr).toContain(path.basename(iso));
    } finally {
      await writeFile(iso, original);
    }
  });
});
