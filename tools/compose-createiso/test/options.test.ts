import { execa } from 'execa';
import { chmod, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDummyCompose } from '@compose/testkit';
import { listImage, readJson, runCreateiso } from './helpers.js';

const CHAIN = ['compose-pkgset', 'compose-gather', 'compose-createrepo'];

describe('createiso options', () => {
  it('honours create_optional_isos, iso_level, break_hardlinks, extra_isos extra_files/skip_src/arches, --output - and notifications', async () => {
    const { composeDir, configDir } = await prepareDummyCompose(CHAIN, `
createiso_skip = [('^(?!(Server|Server-optional)$).*$', {'*': True, 'src': True})]
create_optional_isos = True
iso_level = 3
createiso_break_hardlinks = True
extra_isos = {'^Server$': [{'include_variants': ['Client'], 'filename': 'extra-{filename}', 'volid': 'EXTRA {arch}', 'skip_src': True, 'arches': ['x86_64'], 'extra_files': [{'scm': 'file', 'file': 'GPL'}]}]}
`);
    await writeFile(path.join(configDir, 'GPL'), 'license text\n');
    const log = path.join(configDir, 'notify.log');
    const script = path.join(configDir, 'notify.sh');
    await writeFile(script, `#!/bin/sh\necho "$1" >> ${log}\n`);
    await chmod(script, 0o755);
    const r = await runCreateiso(['--compose-dir', composeDir, '--output', '-', '--quiet', '--notification-script', script]);
    expect(r.exitCode, r.stderr).toBe(0);
    const manifest = JSON.parse(r.stdout);
    expect(manifest.header).toEqual({ type: 'compose.createiso', version: '1.0' });
    const paths = manifest.payload.images.map((i: any) => i.path).sort();
    expect(paths.filter((p: string) => p.startsWith('Server-optional/'))).toHaveLength(3);
    const extra = manifest.payload.images.filter((i: any) => i.kind === 'extra_iso');
    expect(extra.map((i: any) => [i.arch, i.volume_id])).toEqual([['x86_64', 'EXTRA x86_64']]);
    const extraIso = path.join(composeDir, 'compose', extra[0].path);
    const listing = await listImage(extraIso);
    expect(listing).toContain('/GPL');
    expect(listing.some((p) => p.startsWith('/Client/Packages/'))).toBe(true);
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'treeinfo-')), 'treeinfo');
    await execa('xorriso', ['-osirrox', 'on', '-indev', extraIso, '-extract', '/.treeinfo', out]);
    const treeinfo = await readFile(out, 'utf8');
    expect(treeinfo).toMatch(/\[variant-Client\][^[]*packages = Client\/Packages/);
    const serverIso = path.join(composeDir, 'compose', manifest.payload.images.find((i: any) => i.path.includes('Server-x86_64-dvd1') && i.kind === 'iso').path);
    const pvd = (await execa('xorriso', ['-indev', serverIso, '-pvd_info'])).stdout;
    expect(pvd).toMatch(/Volume Id\s*:\s*DP-1.0 Server.x86_64/);
    expect(manifest.payload.images.every((i: any) => i.commands.some((c: string) => c.includes('-iso-level 3')))).toBe(true);
    expect(manifest.payload.images.every((i: any) => i.commands.some((c: string) => c.includes('/work/') && c.includes('graft-points-copies')))).toBe(true);
    await expect(stat(path.join(composeDir, 'work/x86_64/iso-staging/Server'))).resolves.toBeDefined();
    const messages = (await readFile(log, 'utf8')).trim().split('\n');
    expect(messages[0]).toBe('createiso-targets');
    expect(messages.filter((m) => m === 'createiso-imagedone')).toHaveLength(manifest.payload.images.length);
  });

  it('fails an image over createiso_max_size when strict, warns when not', async () => {
    const base = `createiso_skip = [('^(?!Server$).*$', {'*': True, 'src': True})]\nextra_isos = {}\ncreateiso_max_size = [('^Server$', {'x86_64': 1000})]\n`;
    const lenient = await prepareDummyCompose(CHAIN, base);
    const warned = await runCreateiso(['--compose-dir', lenient.composeDir]);
    expect(warned.exitCode, warned.stderr).toBe(0);
    expect(warned.stderr).toMatch(/Server-x86_64-dvd1\.iso is \d+ bytes, more than the configured maximum of 1000/);
    const strict = await prepareDummyCompose(CHAIN, `${base}createiso_max_size_is_strict = [('^Server$', {'x86_64': True})]\n`);
    const failed = await runCreateiso(['--compose-dir', strict.composeDir]);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toMatch(/createiso_max_size_is_strict/);
    const images = await readJson(path.join(strict.composeDir, 'compose/metadata/images.json'));
    expect(images.payload.images.Server.x86_64.map((i: any) => i.arch)).toEqual(['src']);
  });
});
