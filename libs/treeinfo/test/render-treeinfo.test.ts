import { describe, expect, it } from 'vitest';
import { InputError } from '@compose/errors';
import { describeVariantTree, parseIni, parseTreeinfo, renderTreeinfo, type TreeinfoData } from '../src/index.js';

const release = { name: 'Fedora', short: 'Fedora', version: '40' };

function bootableTree(): TreeinfoData {
  const data = describeVariantTree({
    release,
    variant: { id: 'Server', uid: 'Server', name: 'Server', type: 'variant', arches: ['x86_64'] },
    arch: 'x86_64',
    buildTimestamp: 1700000000,
    platforms: ['x86_64', 'xen'],
    images: { x86_64: { 'boot.iso': 'images/boot.iso', kernel: 'images/pxeboot/vmlinuz' }, xen: { kernel: 'images/pxeboot/vmlinuz' } },
    stage2: { mainimage: 'images/install.img' },
    checksums: { 'images/boot.iso': { type: 'sha256', value: 'ab'.repeat(32) }, 'images/install.img': { type: 'sha256', value: 'cd'.repeat(32) } },
  });
  data.media = { discnum: 1, totaldiscs: 1 };
  return data;
}

describe('renderTreeinfo', () => {
  it('writes buildinstall images, stage2, checksums and media sections sorted', () => {
    const text = renderTreeinfo(bootableTree());
    const sections = [...text.matchAll(/^\[(.+)\]$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['checksums', 'general', 'header', 'images-x86_64', 'images-xen', 'media', 'release', 'stage2', 'tree', 'variant-Server']);
    expect(text).toContain('[checksums]\nimages/boot.iso = sha256:abab');
    expect(text).toContain('[images-x86_64]\nboot.iso = images/boot.iso\nkernel = images/pxeboot/vmlinuz\n\n');
    expect(text).toContain('[stage2]\nmainimage = images/install.img\n\n');
    expect(text).toContain('[media]\ndiscnum = 1\ntotaldiscs = 1\n\n');
    expect(parseIni(text).get('tree')?.get('platforms')).toBe('x86_64,xen');
    expect(parseIni(text).get('general')?.get('platforms')).toBe('x86_64,xen');
  });

  it('round-trips the extra sections', () => {
    const text = renderTreeinfo(bootableTree());
    expect(renderTreeinfo(parseTreeinfo(text))).toBe(text);
    expect(parseTreeinfo(text).images?.['xen']).toEqual({ kernel: 'images/pxeboot/vmlinuz' });
  });

  it('marks a compose with a base product as layered', () => {
    const data = describeVariantTree({
      release: { name: 'Tools', short: 'TOOLS', version: '2.1' },
      baseProduct: { name: 'Dummy Product', short: 'DP', version: '1' },
      variant: { id: 'Server', uid: 'Server', name: 'Server', type: 'variant' },
      arch: 'x86_64',
      buildTimestamp: 1,
    });
    const ini = parseIni(renderTreeinfo(data));
    expect(ini.get('release')?.get('is_layered')).toBe('true');
    expect([...(ini.get('base_product') ?? [])]).toEqual([['name', 'Dummy Product'], ['short', 'DP'], ['version', '1']]);
  });

  it('refuses what productmd refuses', () => {
    const bad = (mutate: (data: TreeinfoData) => void): unknown => {
      const data = bootableTree();
      mutate(data);
      try {
        renderTreeinfo(data);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(bad((d) => (d.variants[0]!.id = 'Foo-Tools'))).toBeInstanceOf(InputError);
    expect(bad((d) => (d.images = { ppc64: { kernel: 'k' } }))).toBeInstanceOf(InputError);
    expect(bad((d) => (d.checksums = { '/abs': { type: 'sha256', value: 'x' } }))).toBeInstanceOf(InputError);
    expect(bad((d) => (d.variants[0]!.addons = [{ id: 'HA', uid: 'Client-HA', name: 'HA', type: 'addon', paths: {} }]))).toBeInstanceOf(InputError);
    expect(bad((d) => (d.mainVariant = 'Client'))).toBeInstanceOf(InputError);
    expect(bad((d) => (d.release.isLayered = true))).toBeInstanceOf(InputError);
  });

  it('has no tree for an addon', () => {
    expect(() => describeVariantTree({ release, variant: { id: 'HA', uid: 'Server-HA', name: 'HA', type: 'addon' }, arch: 'x86_64', buildTimestamp: 1 })).toThrow(/no tree of its own/);
  });
});

describe('parseTreeinfo', () => {
  it('refuses pre-productmd and foreign files clearly', () => {
    expect(() => parseTreeinfo('[general]\nfamily = Fedora\n')).toThrow(/only productmd treeinfo 1.x/);
    expect(() => parseTreeinfo('[header]\nversion = 1.2\ntype = productmd.composeinfo\n')).toThrow(/invalid metadata type/);
    expect(() => parseTreeinfo('[header]\nversion = 1.2\n[release]\nname = X\nversion = 1\n[tree]\narch = x86_64\nplatforms = x86_64\nbuild_timestamp = 1\nvariants = Server\n')).toThrow(/no \[variant-Server\] section/);
  });

  it('reads bare digests as productmd does', () => {
    const text = renderTreeinfo(bootableTree()).replace(`sha256:${'ab'.repeat(32)}`, 'ab'.repeat(32));
    expect(parseTreeinfo(text).checksums?.['images/boot.iso']).toEqual({ type: 'sha256', value: 'ab'.repeat(32) });
  });

  it('reports INI syntax errors with a line number', () => {
    const error = (() => {
      try {
        parseIni('[header]\nversion = 1.2\nnot an option\n', 'x/.treeinfo');
      } catch (e) {
        return e as InputError;
      }
      return undefined;
    })();
    expect(error?.location).toEqual({ file: 'x/.treeinfo', line: 3, col: 1 });
  });
});
