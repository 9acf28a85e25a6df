import { execa } from 'execa';
import { copyFile, mkdir, mkdtemp, open, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDummyCompose } from '@compose/testkit';
import { readJson, runCreateiso } from './helpers.js';

const ONLY = (regex: string) => `createiso_skip = [('^(?!${regex}$).*$', {'*': True, 'src': True})]\nextra_isos = {}\n`;
const CHAIN = ['compose-pkgset', 'compose-gather', 'compose-createrepo'];

/** A boot tree as lorax lays it out: syslinux's isolinux.bin and a FAT EFI boot image. */
async function makeBootTree(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'boot-tree-'));
  await mkdir(path.join(dir, 'isolinux'));
  await mkdir(path.join(dir, 'images'));
  await copyFile('/usr/lib/ISOLINUX/isolinux.bin', path.join(dir, 'isolinux/isolinux.bin'));
  await execa('mkfs.fat', ['-C', path.join(dir, 'images/efiboot.img'), '1440']);
  return dir;
}

async function readMbrSignature(iso: string): Promise<string> {
  const handle = await open(iso, 'r');
  const buffer = Buffer.alloc(2);
  await handle.read(buffer, 0, 2, 510);
  await handle.close();
  return buffer.toString('hex');
}

describe('bootable media from a boot tree', () => {
  it('makes an El Torito BIOS+EFI, isohybrid image that checkisomd5 verifies and images.json marks bootable', async () => {
    const { composeDir } = await prepareDummyCompose(CHAIN, ONLY('Server'));
    const bootTree = await makeBootTree();
    const r = await runCreateiso(['--compose-dir', composeDir, '--boot-tree', `Server.x86_64=${bootTree}`, '--quiet']);
    expect(r.exitCode, r.stderr).toBe(0);
    const images = await readJson(path.join(composeDir, 'compose/metadata/images.json'));
    const byArch = Object.fromEntries(images.payload.images.Server.x86_64.map((i: any) => [i.arch, i]));
    expect(byArch.x86_64.bootable).toBe(true);
    expect(byArch.src.bootable).toBe(false);
    const iso = path.join(composeDir, 'compose', byArch.x86_64.path);
    const report = (await execa('xorriso', ['-indev', iso, '-report_el_torito', 'plain'])).stdout;
    expect(report).toMatch(/El Torito boot img :\s+1\s+BIOS/);
    expect(report).toMatch(/El Torito boot img :\s+2\s+UEFI/);
    expect(await readMbrSignature(iso)).toBe('55aa');
    expect((await execa('checkisomd5', [iso], { reject: false })).exitCode).toBe(0);
    const s390 = images.payload.images.Server.s390x.find((i: any) => i.arch === 's390x');
    expect(s390.bootable).toBe(false);
  });
});

describe('failures', () => {
  it('fails the phase (exit 1) when an image fails, naming it and its log, and leaves no image', async () => {
    const { composeDir } = await prepareDummyCompose(CHAIN, ONLY('Client'));
    const empty = await mkdtemp(path.join(os.tmpdir(), 'no-boot-'));
    const r = await runCreateiso(['--compose-dir', composeDir, '--boot-tree', `Client.x86_64=${empty}`]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/Client\.x86_64 .*Client-x86_64-dvd1\.iso.*holds nothing that boots x86_64/);
    expect(r.stderr).toMatch(/logs\/x86_64\/createiso-.*Client-x86_64-dvd1\.iso\.log/);
    expect((await readdir(path.join(composeDir, 'compose/Client/x86_64/iso')).catch(() => [])).filter((f) => f.endsWith('.iso'))).toEqual([]);
    const manifest = await readJson(path.join(composeDir, 'work/global/createiso.json'));
    expect(manifest.payload.deliverables.find((d: any) => d.arch === 'x86_64')).toMatchObject({ kind: 'iso', variant: 'Client', status: 'failed', failable: false });
  });

  it('finishes (exit 0) when failable_deliverables covers the failed image', async () => {
    const { composeDir } = await prepareDummyCompose(CHAIN, `${ONLY('Client')}failable_deliverables = [('^Client$', {'*': ['iso']})]\n`);
    const empty = await mkdtemp(path.join(os.tmpdir(), 'no-boot-'));
    const r = await runCreateiso(['--compose-dir', composeDir, '--boot-tree', `Client.x86_64=${empty}`, '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.deliverables.find((d: any) => d.arch === 'x86_64')).toMatchObject({ status: 'failed', failable: true });
    expect(summary.deliverables.find((d: any) => d.arch === 'i386')).toMatchObject({ status: 'done' });
  });

  it('refuses volume ID formats that cannot fit 32 bytes (exit 2, candidates named, nothing written)', async () => {
    const { composeDir } = await prepareDummyCompose(CHAIN, `${ONLY('Client')}image_volid_formats = ['{release_short}-{version}-this-is-far-too-long-{variant}.{arch}']\n`);
    const r = await runCreateiso(['--compose-dir', composeDir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/no volume ID of at most 32 bytes.*tried: "DP-1.0-this-is-far-too-long-Client.i386"/);
    expect((await readdir(path.join(composeDir, 'compose/metadata'))).includes('images.json')).toBe(false);
  });
});
