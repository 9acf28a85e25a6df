import { describe, expect, it } from 'vitest';
import {
  getArchValue,
  getMatchingVariantPatterns,
  getVariantArchValue,
  getVariantValue,
  matchesPythonRegex,
} from '@compose/config';

const config = {
  filter_packages: [
    ['^.*$', { '*': ['dummy-pacemaker'] }],
    ['^Client$', { '*': ['dummy-httpd'] }],
    ['^Server-optional$', { '*': ['dummy-httpd.i686'] }],
    ['^Server', { x86_64: ['only-x86_64'], src: ['only-src'] }],
  ],
  createiso_skip: [['^Server-ResilientStorage$', { '*': true, src: true }]],
  extra_isos: { '^Server$': [{ include_variants: ['Client'] }], '^Serv': { include_variants: ['Other'] } },
  multilib_whitelist: { '*': ['dummy-glibc'], x86_64: ['x86-only'], src: ['src-only'] },
};

describe('getVariantArchValue (Pungi get_arch_variant_data)', () => {
  it('concatenates every matching block in config order', () => {
    expect(getVariantArchValue(config, 'filter_packages', 'Server-optional', 'x86_64')).toEqual([
      'dummy-pacemaker',
      'dummy-httpd.i686',
      'only-x86_64',
    ]);
  });

  it('matches the regex from the start of the UID only (re.match)', () => {
    expect(getVariantArchValue(config, 'filter_packages', 'Client', 'x86_64')).toEqual(['dummy-pacemaker', 'dummy-httpd']);
    expect(getVariantArchValue(config, 'filter_packages', 'MyServer', 'ppc64le')).toEqual(['dummy-pacemaker']);
  });

  it('does not apply "*" to src, only explicit src keys', () => {
    expect(getVariantArchValue(config, 'filter_packages', 'Server', 'src')).toEqual(['only-src']);
    expect(getVariantArchValue(config, 'createiso_skip', 'Server-ResilientStorage', 'src')).toEqual([true]);
    expect(getVariantArchValue(config, 'createiso_skip', 'Server-ResilientStorage', 'ppc64le')).toEqual([true]);
  });

  it('appends non-list values and returns [] for unset options or unmatched variants', () => {
    expect(getVariantArchValue(config, 'createiso_skip', 'Server', 'x86_64')).toEqual([]);
    expect(getVariantArchValue(config, 'not_set', 'Server', 'x86_64')).toEqual([]);
  });

  it('treats a null variant as matching every block', () => {
    expect(getVariantArchValue(config, 'filter_packages', null, 'i386')).toEqual(['dummy-pacemaker', 'dummy-httpd', 'dummy-httpd.i686']);
  });

  it('reports which variant patterns applied', () => {
    expect(getMatchingVariantPatterns(config, 'filter_packages', 'Server', 'x86_64')).toEqual(['^.*$', '^Server']);
  });
});

describe('getVariantValue and getArchValue', () => {
  it('collects {variant_regex: value} entries, flattening lists', () => {
    expect(getVariantValue(config, 'extra_isos', 'Server')).toEqual([{ include_variants: ['Client'] }, { include_variants: ['Other'] }]);
    expect(getVariantValue(config, 'extra_isos', 'Client')).toEqual([]);
  });

  it('collects {arch|*: value} entries with "*" not covering src', () => {
    expect(getArchValue(config, 'multilib_whitelist', 'x86_64')).toEqual(['dummy-glibc', 'x86-only']);
    expect(getArchValue(config, 'multilib_whitelist', 'src')).toEqual(['src-only']);
    expect(getArchValue(config, 'missing', 'x86_64')).toEqual([]);
  });
});

describe('matchesPythonRegex', () => {
  it('understands Python named groups', () => {
    expect(matchesPythonRegex('^(?P<v>Server)-(?P=v)$', 'Server-Server')).toBe(true);
  });
});
