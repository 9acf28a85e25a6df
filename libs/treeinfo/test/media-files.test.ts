import { describe, expect, it } from 'vitest';
import { InputError } from '@compose/errors';
import { describeMedia, formatDiscinfoTimestamp, parseDiscinfo, renderDiscinfo } from '../src/index.js';

const release = { name: 'Dummy Product', short: 'DP', version: '1.0' };
const server = { name: 'Server', type: 'variant' as const };

describe('discinfo', () => {
  it('formats the timestamp as Python "%f" does', () => {
    expect(formatDiscinfoTimestamp(1795311270.672112)).toBe('1795311270.672112');
    expect(renderDiscinfo({ timestamp: 1700000000, description: 'D 1', arch: 'x86_64' })).toBe('1700000000.000000\nD 1\nx86_64\nALL\n');
  });

  it('writes and reads disc numbers of split media', () => {
    const text = renderDiscinfo({ timestamp: '1.5', description: 'D 1', arch: 'src', discNumbers: [1, 2] });
    expect(text).toBe('1.5\nD 1\nsrc\n1,2\n');
    expect(parseDiscinfo(text).discNumbers).toEqual([1, 2]);
    expect(parseDiscinfo('1.5\n"D 1"\nsrc\n').discNumbers).toEqual(['ALL']);
    expect(parseDiscinfo('1.5\n"D 1"\nsrc\n').description).toBe('D 1');
  });

  it('refuses multi-line fields', () => {
    expect(() => renderDiscinfo({ timestamp: '1', description: 'a\nb', arch: 'x86_64' })).toThrow(InputError);
  });
});

describe('describeMedia', () => {
  it('names a layered compose after its base product', () => {
    expect(describeMedia({ release, baseProduct: { name: 'Base', short: 'B', version: '7' }, variant: server, arch: 'x86_64' })).toBe('Dummy Product 1.0 for Base 7');
  });

  it('expands release_discinfo_description', () => {
    expect(describeMedia({ release, variant: server, arch: 's390x', template: '%(variant_name)s for %(arch)s, 100%%' })).toBe('Server for s390x, 100%');
    expect(() => describeMedia({ release, variant: server, arch: 's390x', template: '%(version)s' })).toThrow(/unknown name/);
  });
});
