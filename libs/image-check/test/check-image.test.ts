import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageRecord } from '@compose/images';
import { checkImage } from '../src/index.js';
import { corruptCopy, makeComposeDir, makeIso } from './make-iso.js';

let composeDir = '';
let plain: ImageRecord;
let bootable: ImageRecord;

// 600 KiB of payload plus xorrisofs' padding: about 480 sectors, well above checkisomd5's limit.
const PAYLOAD = 600 * 1024;

beforeAll(async () => {
  composeDir = await makeComposeDir();
  plain = await makeIso(composeDir, { path: 'Server/x86_64/iso/Plain-dvd1.iso', volumeId: 'DP-1.0 Server.x86_64', payloadBytes: PAYLOAD, implant: true });
  bootable = await makeIso(composeDir, { path: 'Server/x86_64/iso/Boot-dvd1.iso', volumeId: 'DP-1.0 Server.x86_64 boot', payloadBytes: PAYLOAD, bootable: true, implant: true });
}, 60_000);

afterAll(async () => {
  await rm(composeDir, { recursive: true, force: true });
});

describe('checkImage on good images', () => {
  it('passes a plain implanted ISO, running every check', async () => {
    const check = await checkImage(composeDir, 'Server', plain);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.checked).toEqual(['exists', 'size', 'iso9660', 'volume_id', 'bootable', 'implanted_md5', 'checksums']);
    expect(check).toMatchObject({ variant: 'Server', arch: 'x86_64', path: plain.path });
  });

  it('passes an El Torito bootable ISO recorded as bootable', async () => {
    const check = await checkImage(composeDir, 'Server', bootable);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
  });

  it('passes an image without implanted MD5 or checksums, checking what is recorded', async () => {
    const check = await checkImage(composeDir, 'Server', { ...plain, implant_md5: null, checksums: {} });
    expect(check.ok).toBe(true);
    expect(check.checked).toEqual(['exists', 'size', 'iso9660', 'volume_id', 'bootable']);
  });
});

describe('checkImage reports broken images', () => {
  it('reports a bootable flag that disagrees with the image, both ways', async () => {
    const notRecorded = await checkImage(composeDir, 'Server', { ...bootable, bootable: false });
    expect(notRecorded.ok).toBe(false);
    expect(notRecorded.problems).toEqual(['the image has an El Torito boot record, but images.json records it not bootable']);
    const notBootable = await checkImage(composeDir, 'Server', { ...plain, bootable: true });
    expect(notBootable.problems).toEqual(['images.json records the image bootable, but it has no El Torito boot record']);
  });

  it('reports a flipped byte through checkisomd5 and the checksums', async () => {
    const flipped = await corruptCopy(composeDir, plain, 'flipped', (bytes) => {
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0xff;
      return bytes;
    });
    const check = await checkImage(composeDir, 'Server', flipped);
    expect(check.ok).toBe(false);
    expect(check.problems).toHaveLength(3);
    expect(check.problems[0]).toMatch(/^checkisomd5 says FAIL \(checkisomd5 --verbose .*-flipped\.iso\): the image content does not match its implanted MD5$/);
    expect(check.problems[1]).toMatch(/^md5 checksum is [0-9a-f]{32}, images\.json records [0-9a-f]{32}$/);
    expect(check.problems[2]).toMatch(/^sha256 checksum is [0-9a-f]{64}, images\.json records [0-9a-f]{64}$/);
  });

  it('reports a truncated image: size, volume beyond the end, implanted MD5', async () => {
    const truncated = await corruptCopy(composeDir, plain, 'truncated', (bytes) => bytes.subarray(0, 200 * 2048));
    const check = await checkImage(composeDir, 'Server', truncated);
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toBe(`the file has ${200 * 2048} bytes, images.json records ${plain.size}`);
    expect(check.problems[1]).toMatch(new RegExp(`^truncated: the volume spans \\d+ blocks × 2048 = ${plain.size} bytes, the file has ${200 * 2048}$`));
    expect(check.problems.some((problem) => problem.startsWith('checkisomd5 says FAIL'))).toBe(true);
  });

  it('reports a volume ID that differs from the record', async () => {
    const check = await checkImage(composeDir, 'Server', { ...plain, volume_id: 'DP-1.0 Server.s390x' });
    expect(check.problems).toEqual(['volume ID is "DP-1.0 Server.x86_64", images.json records "DP-1.0 Server.s390x"']);
  });

  it('reports a volume ID overwritten in the image (which the implanted MD5 also catches)', async () => {
    const renamed = await corruptCopy(composeDir, plain, 'renamed', (bytes) => {
      bytes.write('OTHER'.padEnd(32, ' '), 16 * 2048 + 40, 'latin1');
      return bytes;
    });
    const check = await checkImage(composeDir, 'Server', { ...renamed, checksums: {} });
    expect(check.problems[0]).toBe('volume ID is "OTHER", images.json records "DP-1.0 Server.x86_64"');
    expect(check.problems[1]).toMatch(/^checkisomd5 says FAIL/);
    expect(check.problems).toHaveLength(2);
  });

  it('reports a file that is no ISO without running checkisomd5 on it (it would never return)', async () => {
    const garbage = await corruptCopy(composeDir, plain, 'garbage', (bytes) => bytes.fill(0x41));
    const check = await checkImage(composeDir, 'Server', { ...garbage, checksums: {} });
    expect(check.problems).toEqual([
      'not an ISO 9660 image: sector 16 has no "CD001" volume descriptor identifier',
      'implanted MD5 not checked: no primary volume descriptor to read it from',
    ]);
  });

  it('reports a file too short to hold sector 16', async () => {
    const stub = await corruptCopy(composeDir, plain, 'stub', (bytes) => bytes.subarray(0, 4096));
    const check = await checkImage(composeDir, 'Server', { ...stub, implant_md5: null, checksums: {} });
    expect(check.problems).toEqual([
      `the file has 4096 bytes, images.json records ${plain.size}`,
      'too short for ISO 9660: no sector 16 (the primary volume descriptor starts at byte 32768)',
    ]);
  });

  it('reports a missing file and stops there', async () => {
    const copy = await corruptCopy(composeDir, plain, 'gone', (bytes) => bytes);
    await rm(path.join(composeDir, 'compose', copy.path));
    const check = await checkImage(composeDir, 'Server', copy);
    expect(check.problems).toEqual([`${path.join(composeDir, 'compose', copy.path)} does not exist (or is not a regular file)`]);
    expect(check.checked).toEqual(['exists']);
  });

  it('reports a recorded implanted MD5 that is not the one in the image', async () => {
    const check = await checkImage(composeDir, 'Server', { ...plain, implant_md5: '0'.repeat(32) });
    expect(check.problems).toEqual([`implanted MD5 is ${plain.implant_md5}, images.json records ${'0'.repeat(32)}`]);
  });

  it('reports a recorded implanted MD5 when the image has none', async () => {
    const bare = await makeIso(composeDir, { path: 'Server/x86_64/iso/Bare-dvd1.iso', volumeId: 'BARE', payloadBytes: PAYLOAD });
    const check = await checkImage(composeDir, 'Server', { ...bare, implant_md5: 'a'.repeat(32) });
    expect(check.problems).toEqual([`checkisomd5 finds no implanted MD5, images.json records ${'a'.repeat(32)}`]);
    expect((await readFile(path.join(composeDir, 'compose', bare.path))).length).toBe(bare.size);
  });
});
