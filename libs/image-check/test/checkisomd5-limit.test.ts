import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImagesDocument, putImages } from '@compose/images';
import { checkImage, checkImages, isVerifiableByCheckisomd5, MIN_VERIFIABLE_SECTORS, runCheckisomd5 } from '../src/index.js';
import { makeComposeDir, makeIso, volumeSectors } from './make-iso.js';

let composeDir = '';
let overhead = 0;

/** An implanted ISO whose volume is exactly `sectors` long (the payload fills the rest). */
async function isoOfSectors(sectors: number) {
  const record = await makeIso(composeDir, { path: `Server/x86_64/iso/Size-${sectors}.iso`, volumeId: `SIZE ${sectors}`, payloadBytes: (sectors - overhead) * 2048, implant: true });
  const bytes = await readFile(path.join(composeDir, 'compose', record.path));
  expect(volumeSectors(bytes)).toBe(sectors);
  return record;
}

beforeAll(async () => {
  composeDir = await makeComposeDir();
  // What xorrisofs adds around one file (descriptors, directories, its 300 KiB padding).
  const probe = await makeIso(composeDir, { path: 'probe.iso', volumeId: 'PROBE', payloadBytes: 100 * 2048 });
  overhead = volumeSectors(await readFile(path.join(composeDir, 'compose', probe.path))) - 100;
}, 60_000);

afterAll(async () => {
  await rm(composeDir, { recursive: true, force: true });
});

describe('which volumes checkisomd5 can verify', () => {
  it('follows the fragment arithmetic: 32 to 334 sectors never pass', () => {
    expect(MIN_VERIFIABLE_SECTORS).toBe(335);
    expect(isVerifiableByCheckisomd5(31)).toBe(true);
    expect(isVerifiableByCheckisomd5(32)).toBe(false);
    expect(isVerifiableByCheckisomd5(200)).toBe(false);
    expect(isVerifiableByCheckisomd5(334)).toBe(false);
    for (const sectors of [335, 336, 400, 1000, 2_000_000]) expect(isVerifiableByCheckisomd5(sectors), String(sectors)).toBe(true);
  });

  it('agrees with the real checkisomd5 at the boundary and around it', async () => {
    for (const sectors of [overhead + 1, 300, 333, 334, 335, 336, 400]) {
      const record = await isoOfSectors(sectors);
      const report = await runCheckisomd5(path.join(composeDir, 'compose', record.path));
      expect(report.implanted).toBe(record.implant_md5);
      expect(report.result, `${sectors} sectors`).toBe(isVerifiableByCheckisomd5(sectors) ? 'PASS' : 'FAIL');
    }
  });

  it('explains a FAIL of a correct image that is too small to verify', async () => {
    const check = await checkImage(composeDir, 'Server', await isoOfSectors(334));
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatch(/^checkisomd5 says FAIL \(.*\): the volume has 334 sectors, and checkisomd5 fails every volume of 32 to 334 sectors whatever its content; pad images to at least 335 sectors \(686080 bytes\)$/);
  });
});

describe('checkImages', () => {
  it('checks an image listed under several arches once and collects the failures', async () => {
    const good = await isoOfSectors(400);
    const source = { ...(await isoOfSectors(401)), arch: 'src' };
    const document = createImagesDocument({ date: '20261122', id: 'DP-1.0-20261122.t.0', respin: 0, type: 'test' });
    putImages(document, [
      { variant: 'Server', arch: 'x86_64', image: good },
      { variant: 'Server', arch: 'x86_64', image: source },
      { variant: 'Server', arch: 's390x', image: source },
      { variant: 'Client', arch: 'x86_64', image: { ...good, path: 'Client/x86_64/iso/missing.iso' } },
    ]);
    const seen: string[] = [];
    const report = await checkImages(composeDir, document, { onChecked: (check, done, total) => seen.push(`${done}/${total} ${check.path}`) });
    expect(report.checked).toBe(3);
    expect(report.passed).toBe(2);
    expect(report.failed.map((check) => [check.variant, check.path])).toEqual([['Client', 'Client/x86_64/iso/missing.iso']]);
    expect(report.images.map((check) => check.path)).toEqual(['Client/x86_64/iso/missing.iso', source.path, good.path]);
    expect(seen).toHaveLength(3);
    expect(seen.at(-1)).toMatch(/^3\/3 /);
  });
});
