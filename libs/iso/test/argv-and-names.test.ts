import { describe, expect, it } from 'vitest';
import { buildBootArgs, buildMkisofsArgv, computeVolumeId, convertMediaSize, formatGraftPoints, formatNameTemplate, parseIsoListing, splitMedia, substituteVolumeId } from '@compose/iso';

describe('mkisofs command lines', () => {
  it('matches the options Pungi passes, per tool', () => {
    expect(buildMkisofsArgv({ tool: 'xorrisofs', output: '/o.iso', volid: 'DP-1.0 Server.x86_64', graftPoints: '/gp', exclude: ['./lost+found'], isoLevel: 3 })).toEqual([
      'xorrisofs', '-iso-level', '3', '-untranslated-filenames', '-volid', 'DP-1.0 Server.x86_64', '-J', '-joliet-long', '-rational-rock',
      '-input-charset', 'utf-8', '-x', './lost+found', '-o', '/o.iso', '-graft-points', '-path-list', '/gp',
    ]);
    expect(buildMkisofsArgv({ tool: 'xorrisofs', output: '/o.iso', allFileDates: 1795305600 })).toContain('2026112200000000');
    expect(buildMkisofsArgv({ tool: 'genisoimage', output: '/o.iso', allFileDates: 1795305600 })).not.toContain('--set_all_file_dates');
    const genisoimage = buildMkisofsArgv({ tool: 'genisoimage', output: '/o.iso', paths: ['/tree'] });
    expect(genisoimage).toContain('-translation-table');
    expect(genisoimage.at(-1)).toBe('/tree');
  });

  it('boots x86_64 from BIOS and EFI and makes xorrisofs images hybrid', () => {
    const full = buildBootArgs('xorrisofs', { arch: 'x86_64', biosLoader: true, efiImage: true, isohybridMbr: '/mbr.bin' });
    expect(full).toEqual(['-b', 'isolinux/isolinux.bin', '-c', 'isolinux/boot.cat', '-no-emul-boot', '-boot-load-size', '4', '-boot-info-table', '-eltorito-alt-boot', '-e', 'images/efiboot.img', '-no-emul-boot', '-isohybrid-mbr', '/mbr.bin', '-isohybrid-gpt-basdat']);
    expect(buildBootArgs('genisoimage', { arch: 'x86_64', biosLoader: true, efiImage: false, isohybridMbr: '/mbr.bin' })).not.toContain('-isohybrid-mbr');
    expect(buildBootArgs('xorrisofs', { arch: 'i386', biosLoader: true, efiImage: true })).not.toContain('images/efiboot.img');
    expect(buildBootArgs('xorrisofs', { arch: 's390x', biosLoader: false, efiImage: false, s390Image: true })).toEqual(['-eltorito-boot', 'images/cdboot.img', '-no-emul-boot']);
    expect(buildBootArgs('xorrisofs', { arch: 'ppc64le', biosLoader: false, efiImage: false })).toEqual([]);
  });
});

describe('volume IDs', () => {
  const values = { release_short: 'DP', version: '1.0', variant: 'Server', arch: 'x86_64' };
  it('takes the first format that fits 32 bytes', () => {
    expect(computeVolumeId({ formats: ['{release_short}-{version} {variant}.{arch}'], values })).toBe('DP-1.0 Server.x86_64');
    const long = { ...values, variant: 'AVeryLongVariantNameThatOverflows' };
    expect(computeVolumeId({ formats: ['{release_short}-{version} {variant}.{arch}', '{release_short}-{version} {arch}'], values: long })).toBe('DP-1.0 x86_64');
  });
  it('names every candidate when none fits', () => {
    const long = { ...values, variant: 'AVeryLongVariantNameThatOverflows', release_short: 'ALongReleaseShortName' };
    expect(() => computeVolumeId({ formats: ['{release_short}-{version} {variant}.{arch}', '{release_short}-{version}-{arch}-{arch}'], values: long })).toThrow(/tried: "ALongReleaseShortName-1.0-x86_64-x86_64" \(\d+\), "ALongReleaseShortName-1.0 AVeryLongVariantNameThatOverflows.x86_64"/);
  });
  it('applies substitutions longest first and restricted_volid', () => {
    expect(substituteVolumeId('Server-Server', { Server: 'S', 'Server-Server': 'SS' })).toBe('SS');
    expect(computeVolumeId({ formats: ['{release_short}-{version} {variant}.{arch}'], values, restricted: true })).toBe('DP-1-0-Server-x86_64');
    expect(computeVolumeId({ formats: ['{variant}', '{release_short}'], values: { release_short: 'DP' } })).toBe('DP');
  });
});

describe('name templates', () => {
  it('expands %-style then {}-style like Python, and rejects unknown keys', () => {
    expect(formatNameTemplate('%(compose_id)s-%(variant)s-%(arch)s-%(disc_type)s%(disc_num)s%(suffix)s', { compose_id: 'DP-1.0-20261122.t.0', variant: 'Server', arch: 'source', disc_type: 'dvd', disc_num: 1, suffix: '.iso' }, 'image_name_format')).toBe('DP-1.0-20261122.t.0-Server-source-dvd1.iso');
    expect(formatNameTemplate('extra-{filename}', { filename: 'a.iso' }, 'x')).toBe('extra-a.iso');
    expect(() => formatNameTemplate('{nope}', {}, 'image_name_format')).toThrow(/image_name_format: unknown format element "nope"/);
  });
});

describe('media sizes and splitting', () => {
  it('reads sizes as Pungi does', () => {
    expect(convertMediaSize(4700000000, 'iso_size')).toBe(4700000000);
    expect(convertMediaSize('10M', 'x')).toBe(10 * 1024 * 1024);
    expect(convertMediaSize('3g', 'x')).toBe(3 * 1024 ** 3);
    expect(() => convertMediaSize('4.7GB', 'iso_size')).toThrow(/iso_size: cannot read/);
    expect(() => convertMediaSize(0, 'iso_size')).toThrow(/positive/);
  });
  it('puts sticky files on every disc and every other file on exactly one', () => {
    const files = [{ path: 'media.repo', size: 10, sticky: true }, ...Array.from({ length: 7 }, (_, i) => ({ path: `p${i}`, size: 40 }))];
    const discs = splitMedia(files, 100);
    expect(discs.map((d) => d.files)).toEqual([['media.repo', 'p0', 'p1'], ['media.repo', 'p2', 'p3'], ['media.repo', 'p4', 'p5'], ['media.repo', 'p6']]);
    expect(discs.every((d) => d.size <= 100)).toBe(true);
    expect(splitMedia(files).length).toBe(1);
    expect(() => splitMedia([{ path: 'huge', size: 101 }], 100)).toThrow(/huge \(101 bytes\) is larger than a disc/);
  });
});

describe('graft points and listings', () => {
  it('sorts, escapes and excludes', () => {
    const points = new Map([['b=c', '/x/b=c'], ['a/lost+found', '/x/l'], ['a/f', '/x/f']]);
    expect(formatGraftPoints(points)).toBe('a/f=/x/f\nb\\=c=/x/b\\=c\n');
  });
  it('turns xorriso -find output into manifest lines', () => {
    expect(parseIsoListing("'/'\n'/b'\n'/a'\n'/a/it'\"'\"'s'\n")).toEqual(['/a', "/a/it's", '/b']);
  });
});
