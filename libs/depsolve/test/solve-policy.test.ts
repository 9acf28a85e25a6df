import { describe, expect, it } from 'vitest';
import { decideMultilib, PackageIndex, solve } from '@compose/depsolve';
import { fakeInput, fakeRepos } from './fake-repo.js';

describe('provider selection', () => {
  const repos = fakeRepos([
    { nvra: 'app-1-1.x86_64', requires: ['mta'] },
    { nvra: 'postfix-1-1.x86_64', provides: ['mta'] },
    { nvra: 'exim-1-1.x86_64', provides: ['mta'] },
    { nvra: 'zz-1-1.x86_64', provides: ['mta'] },
    { nvra: 'exim-1-1.i686', provides: ['mta'] },
    { nvra: 'lib32only-1-1.i686', provides: ['only32'] },
    { nvra: 'uses32-1-1.x86_64', requires: ['only32'] },
  ]);

  it('prefers the best arch, then the shortest name, then alphabetical order', () => {
    expect(solve(fakeInput(['app'], { exclude_source: true }), repos).rpm).toEqual(['app-1-1.x86_64.rpm', 'zz-1-1.x86_64.rpm']);
  });

  it('prefers a provider that is already included', () => {
    expect(solve(fakeInput(['app', 'postfix'], { exclude_source: true }), repos).rpm).toEqual([
      'app-1-1.x86_64.rpm',
      'postfix-1-1.x86_64.rpm',
    ]);
  });

  it('falls back to a multilib provider when no native one exists', () => {
    expect(solve(fakeInput(['uses32'], { exclude_source: true }), repos).rpm).toContain('lib32only-1-1.i686.rpm');
  });

  it('takes every provider with greedy_method all', () => {
    const rpm = solve(fakeInput(['app'], { greedy_method: 'all', exclude_source: true }), repos).rpm;
    expect(rpm).toEqual(['app-1-1.x86_64.rpm', 'exim-1-1.i686.rpm', 'exim-1-1.x86_64.rpm', 'postfix-1-1.x86_64.rpm', 'zz-1-1.x86_64.rpm']);
  });

  it('reports unresolvable requirements per package', () => {
    const broken = fakeRepos([{ nvra: 'x-1-1.noarch', requires: ['missing >= 2.0'] }]);
    expect(solve(fakeInput(['x']), broken).brokenDeps).toEqual({ 'x.noarch': ['missing >= 2.0'] });
  });

  it('records why each package is in', () => {
    const result = solve(fakeInput(['app'], { exclude_source: true }), repos);
    expect(result.reasons['zz-1-1.x86_64.rpm']).toEqual([{ kind: 'dependency', of: 'app.x86_64', requirement: 'mta' }]);
    expect(result.reasons['app-1-1.x86_64.rpm']).toEqual([{ kind: 'input' }]);
  });
});

describe('multilib decisions', () => {
  const index = new PackageIndex(
    fakeRepos([
      { nvra: 'libfoo-1-1.i686', files: ['/usr/lib/libfoo.so.1'] },
      { nvra: 'foo-devel-1-1.i686' },
      { nvra: 'tool-1-1.i686', files: ['/usr/bin/tool'] },
      { nvra: 'pam-mod-1-1.i686', files: ['/lib/security/pam_x.so'] },
      { nvra: 'httpd-1-1.i686', files: ['/usr/lib/libhttpd.so.1'] },
      { nvra: 'gst-plugin-1-1.i686', files: ['/usr/lib/gstreamer-1.0/libgstx.so'] },
    ]),
  );
  const pkg = (name: string) => index.packages.find((p) => p.name === name)!;
  const policy = (methods: string[], blacklist: string[] = [], whitelist: string[] = []) => ({ methods, blacklist, whitelist });

  it('runtime takes shared libraries and plugin directories', () => {
    expect(decideMultilib(pkg('libfoo'), policy(['runtime']))).toBe('runtime');
    expect(decideMultilib(pkg('pam-mod'), policy(['runtime']))).toBe('runtime');
    expect(decideMultilib(pkg('gst-plugin'), policy(['runtime']))).toBe('runtime');
    expect(decideMultilib(pkg('tool'), policy(['runtime']))).toBe(false);
    expect(decideMultilib(pkg('foo-devel'), policy(['runtime']))).toBe(false);
  });

  it('runtime honours the built-in blacklist', () => {
    expect(decideMultilib(pkg('httpd'), policy(['runtime']))).toBe(false);
  });

  it('devel takes -devel packages and everything runtime takes', () => {
    expect(decideMultilib(pkg('foo-devel'), policy(['devel']))).toBe('devel');
    expect(decideMultilib(pkg('libfoo'), policy(['devel']))).toBe('devel');
  });

  it('the blacklist beats the whitelist and the whitelist beats the methods', () => {
    expect(decideMultilib(pkg('tool'), policy([], [], ['to*']))).toBe('whitelist');
    expect(decideMultilib(pkg('libfoo'), policy(['all'], ['lib*'], ['libfoo']))).toBe(false);
    expect(decideMultilib(pkg('tool'), policy(['all']))).toBe('all');
    expect(decideMultilib(pkg('tool'), policy(['none']))).toBe(false);
  });
});
