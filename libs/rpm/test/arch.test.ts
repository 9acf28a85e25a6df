import { describe, expect, it } from 'vitest';
import {
  getArchChain,
  getBaseArch,
  getCompatibleArches,
  getValidArches,
  getValidMultilibArches,
  isValidArch,
  splitNameArch,
} from '@compose/rpm';

// Expected lists follow Pungi's tests/test_arch.py and its arch_utils tables.
const X86_32 = ['athlon', 'i686', 'i586', 'i486', 'i386'];

describe('getValidArches', () => {
  it('i386 trees take athlon and below, multilib or not', () => {
    expect(getValidArches('i386')).toEqual([...X86_32, 'noarch']);
    expect(getValidArches('i386', { multilib: false })).toEqual([...X86_32, 'noarch']);
    expect(getValidArches('i386', { addSrc: true })).toEqual([...X86_32, 'noarch', 'src']);
  });

  it('x86_64 trees take the 32-bit arches only with multilib', () => {
    expect(getValidArches('x86_64')).toEqual(['x86_64', ...X86_32, 'noarch']);
    expect(getValidArches('x86_64', { multilib: false })).toEqual(['x86_64', 'noarch']);
    expect(getValidArches('x86_64', { addSrc: true })).toEqual(['x86_64', ...X86_32, 'noarch', 'src']);
    expect(getValidArches('x86_64', { multilib: false, addNoarch: false })).toEqual(['x86_64', 'noarch']);
  });

  it('armhfp, s390x, ppc64, ppc64le, aarch64 and src', () => {
    expect(getValidArches('armhfp')).toEqual(['armv7hnl', 'armv7hl', 'armv6hl', 'noarch']);
    expect(getValidArches('armhfp', { addSrc: true })).toEqual(['armv7hnl', 'armv7hl', 'armv6hl', 'noarch', 'src']);
    expect(getValidArches('s390x')).toEqual(['s390x', 's390', 'noarch']);
    expect(getValidArches('s390x', { multilib: false })).toEqual(['s390x', 'noarch']);
    expect(getValidArches('ppc64')).toEqual(['ppc64p7', 'ppc64', 'ppc', 'noarch']);
    expect(getValidArches('ppc64', { multilib: false })).toEqual(['ppc64p7', 'ppc64', 'noarch']);
    expect(getValidArches('ppc64le')).toEqual(['ppc64le', 'noarch']);
    expect(getValidArches('aarch64')).toEqual(['aarch64', 'noarch']);
    expect(getValidArches('src')).toEqual(['src', 'noarch']);
    expect(getValidArches('noarch')).toEqual(['noarch']);
  });
});

describe('getValidMultilibArches', () => {
  it('lists the compat arches of biarch trees only', () => {
    expect(getValidMultilibArches('noarch')).toEqual([]);
    expect(getValidMultilibArches('athlon')).toEqual([]);
    expect(getValidMultilibArches('i386')).toEqual([]);
    expect(getValidMultilibArches('x86_64')).toEqual(X86_32);
    expect(getValidMultilibArches('s390x')).toEqual(['s390']);
    expect(getValidMultilibArches('ppc64')).toEqual(['ppc']);
    expect(getValidMultilibArches('aarch64')).toEqual([]);
    expect(getValidMultilibArches('ppc64le')).toEqual([]);
  });
});

describe('getCompatibleArches', () => {
  it('matches the valid non-multilib arches of the base arch', () => {
    expect(getCompatibleArches('noarch')).toEqual(['noarch']);
    expect(getCompatibleArches('i386')).toEqual(getValidArches('i386'));
    expect(getCompatibleArches('i586')).toEqual(getValidArches('i386'));
    expect(getCompatibleArches('x86_64')).toEqual(getValidArches('x86_64', { multilib: false }));
    expect(getCompatibleArches('ppc64p7')).toEqual(getValidArches('ppc64', { multilib: false }));
    expect(getCompatibleArches('armhfp')).toEqual(getValidArches('armv7hnl', { multilib: false }));
  });
});

describe('getBaseArch', () => {
  it.each([
    ['i686', 'i386'], ['athlon', 'i386'], ['i586', 'i386'], ['geode', 'i386'], ['i386', 'i386'],
    ['x86_64', 'x86_64'], ['amd64', 'x86_64'], ['ia32e', 'x86_64'],
    ['ppc64p7', 'ppc64'], ['ppc64', 'ppc64'], ['ppc', 'ppc'], ['ppc64le', 'ppc64le'],
    ['s390x', 's390x'], ['s390', 's390'], ['aarch64', 'aarch64'], ['arm64', 'arm64'],
    ['armv7hl', 'armhfp'], ['armv7hnl', 'armhfp'], ['armv7l', 'arm'], ['sparc64v', 'sparc'], ['sparcv9', 'sparc'],
    ['alphaev6', 'alpha'], ['noarch', 'noarch'], ['src', 'src'], ['foo', 'foo'],
  ])('%s -> %s', (arch, base) => {
    expect(getBaseArch(arch)).toBe(base);
  });
});

describe('arch helpers', () => {
  it('chains every arch down to noarch', () => {
    expect(getArchChain('x86_64')).toEqual(['x86_64', ...X86_32, 'noarch']);
    expect(getArchChain('sparc64v')).toEqual(['sparc64v', 'sparc64', 'sparcv9v', 'sparcv9', 'sparcv8', 'sparc', 'noarch']);
    expect(getArchChain('weird')).toEqual(['weird', 'noarch']);
  });

  it('knows valid arches and splits name.arch like Pungi', () => {
    expect(['i386', 'x86_64', 'noarch', 'src', 'nosrc'].every(isValidArch)).toBe(true);
    expect(isValidArch('foo')).toBe(false);
    expect(isValidArch('armhfp')).toBe(false);
    expect(splitNameArch('package')).toEqual({ name: 'package', arch: undefined });
    expect(splitNameArch('package.x86_64')).toEqual({ name: 'package', arch: 'x86_64' });
    expect(splitNameArch('package.foo')).toEqual({ name: 'package.foo', arch: undefined });
    expect(splitNameArch('i386')).toEqual({ name: 'i386', arch: undefined });
  });
});
