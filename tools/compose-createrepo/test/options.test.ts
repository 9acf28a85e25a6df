import { describe, expect, it } from 'vitest';
import type { ComposeManifest } from '@compose/contracts';
import { buildSharedOptions, getCreaterepoLogName, getStrictness, planRepoclosure, wantsDeltas } from '../src/index.js';
import { chooseForcearch } from '../src/repoclosure.js';

const variant = (uid: string, extra: Partial<ComposeManifest['variants'][number]> = {}): ComposeManifest['variants'][number] => ({
  uid, id: uid, name: uid, type: 'variant', arches: ['x86_64'], parent: null, is_empty: false, has_optional: false, groups: [], environments: [], release: null, ...extra,
});

describe('createrepo options from the config', () => {
  it('maps the createrepo_* options as Pungi does', () => {
    const options = buildSharedOptions({ createrepo_checksum: 'sha', createrepo_use_xz: true, createrepo_extra_args: ['--zck'], createrepo_num_threads: 4, createrepo_enable_cache: true, release_short: 'DP' }, { HOME: '/home/u' });
    expect(options).toMatchObject({ checksum: 'sha1', database: false, useXz: true, extraArgs: ['--zck'], workers: 4, skipStat: true });
    expect(options.cachedir).toMatch(/^\/home\/u\/\.cache\/compose\/createrepo\/DP-\d+$/);
    const plain = buildSharedOptions({ createrepo_enable_cache: false, createrepo_database: true });
    expect(plain.database).toBe(true);
    expect(plain.cachedir).toBeUndefined();
  });

  it('makes deltas for binary repos only, last matching block winning', () => {
    const config = { createrepo_deltas: [['^Server$', { '*': true }], ['^Server$', { x86_64: false }]] };
    expect(wantsDeltas(config, { variant: variant('Server'), arch: 's390x', pkgType: 'rpm' })).toBe(true);
    expect(wantsDeltas(config, { variant: variant('Server'), arch: 'x86_64', pkgType: 'rpm' })).toBe(false);
    expect(wantsDeltas({ createrepo_deltas: true }, { variant: variant('Server'), arch: 'x86_64', pkgType: 'debuginfo' })).toBe(false);
  });

  it('names logs as the reference compose does', () => {
    expect(getCreaterepoLogName({ variant: variant('Server'), arch: 'x86_64', pkgType: 'debuginfo' })).toEqual({ scope: 'x86_64', name: 'createrepo-Server.debuginfo.x86_64.log' });
    expect(getCreaterepoLogName({ variant: variant('Server'), arch: 'src', pkgType: 'srpm' })).toEqual({ scope: 'global', name: 'createrepo-Server.srpm.global.log' });
  });
});

describe('repoclosure planning', () => {
  it('takes the last matching strictness, lenient by default', () => {
    const config = { repoclosure_strictness: [['^.*$', { '*': 'fatal' }], ['^Server-.*$', { x86_64: 'off' }]] };
    expect(getStrictness(config, 'Server', 'x86_64')).toBe('fatal');
    expect(getStrictness(config, 'Server-optional', 'x86_64')).toBe('off');
    expect(getStrictness({}, 'Server', 'x86_64')).toBe('lenient');
  });

  it('checks a child variant against its parent and the gather lookaside repos', () => {
    const compose = {
      compose_id: 'DP-1.0-20261122.t.0', config_dir: '/conf',
      config: { gather_lookaside_repos: [['^Server-optional$', { x86_64: ['lookaside', 'http://example.com/repo'] }]] },
      variants: [variant('Server'), variant('Server-optional', { id: 'optional', type: 'optional', parent: 'Server' })],
    } as unknown as ComposeManifest;
    const plan = planRepoclosure(compose, '/c', compose.variants[1]!, 'x86_64');
    expect(plan.repos).toEqual([{ id: 'DP-1.0-20261122.t.0-repoclosure-Server-optional.x86_64', path: '/c/compose/Server-optional/x86_64/os' }]);
    expect(plan.lookaside.map((r) => r.path)).toEqual(['/c/compose/Server/x86_64/os', '/conf/lookaside', 'http://example.com/repo']);
  });

  it('lets dnf run i386 trees as i686', () => {
    expect(chooseForcearch('i386')).toBe('i686');
    expect(chooseForcearch('s390x')).toBe('s390x');
  });
});
