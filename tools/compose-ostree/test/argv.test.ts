import { describe, expect, it } from 'vitest';
import { buildDnfInstallArgv, buildRpmOstreeArgv, renderRpmMacros, translatePath, tweakTreefile } from '../src/index.js';

describe('dnf install argv', () => {
  const spec = { root: '/w/root', reposdir: '/w/repos', arch: 'i386', releasever: '1.0', packages: ['a', 'b'], excludes: [], installWeakDeps: true, documentation: true };

  it('installs only from the generated reposdir, for the deliverable arch', () => {
    expect(buildDnfInstallArgv(spec)).toEqual([
      'dnf', '-y', '--noplugins', '--installroot=/w/root', '--releasever=1.0', '--forcearch=i686', '--setopt=reposdir=/w/repos',
      '--setopt=keepcache=False', '--setopt=install_weak_deps=True', '--nogpgcheck', 'install', 'a', 'b',
    ]);
  });

  it('maps recommends, documentation and exclude-packages', () => {
    const argv = buildDnfInstallArgv({ ...spec, arch: 'x86_64', installWeakDeps: false, documentation: false, excludes: ['c*'] });
    expect(argv).toContain('--setopt=install_weak_deps=False');
    expect(argv).toContain('--setopt=tsflags=nodocs');
    expect(argv.slice(-4)).toEqual(['--exclude=c*', 'install', 'a', 'b']);
  });

  it('pins the rpmdb to /usr/share/rpm and passes install-langs as rpm macros', () => {
    expect(renderRpmMacros([])).toBe('%_dbpath /usr/share/rpm\n');
    expect(renderRpmMacros(['en_US', 'cs_CZ'])).toBe('%_dbpath /usr/share/rpm\n%_install_langs en_US:cs_CZ\n');
  });
});

describe('rpm-ostree path (Pungi pungi-make-ostree tree)', () => {
  it('builds the rpm-ostree compose tree command line', () => {
    expect(buildRpmOstreeArgv({ ostreeRepo: '/o', treefile: '/t/f.json', commitidFile: '/l/commitid.log', version: '1.0.1', composeId: 'DP-1.0-20261122.0', unifiedCore: true, forceNewCommit: true })).toEqual([
      'rpm-ostree', 'compose', 'tree', '--repo=/o', '--write-commitid-to=/l/commitid.log', '--touch-if-changed=/l/commitid.log.stamp',
      '--unified-core', '--add-metadata-string=version=1.0.1', '--add-metadata-string=compose.id=DP-1.0-20261122.0', '--force-nocache', '/t/f.json',
    ]);
    expect(buildRpmOstreeArgv({ ostreeRepo: '/o', treefile: '/t', commitidFile: '/c', composeId: 'X', unifiedCore: false, forceNewCommit: false })).not.toContain('--force-nocache');
  });

  it("replaces the treefile's repos unless keep_original_sources, and sets the ref", () => {
    const repos = [{ id: 'compose-Server', options: { baseurl: 'file:///c' }, origin: 'config' as const }];
    expect(tweakTreefile({ ref: 'old', repos: ['fedora'] }, repos, false, 'new')).toEqual({ ref: 'new', repos: ['compose-Server'] });
    expect(tweakTreefile({ ref: 'old', repos: ['fedora'] }, repos, true, 'new')).toEqual({ ref: 'new', repos: ['fedora', 'compose-Server'] });
  });
});

describe('translatePath', () => {
  it('applies the first matching translate_paths prefix', () => {
    expect(translatePath([['/mnt/koji/', 'https://kojipkgs/']], '/mnt/koji/compose/atomic')).toBe('https://kojipkgs/compose/atomic');
    expect(translatePath([['/mnt/a', 'http://b']], '/mnt/ab/c')).toBe('/mnt/ab/c');
    expect(translatePath(undefined, '/x')).toBe('/x');
  });
});
