import { describe, expect, it } from 'vitest';
import { InputError } from '@compose/errors';
import { buildCreaterepoArgv, buildModifyrepoArgv, parseCreaterepoFeatures, type CreaterepoFeatures } from '../src/index.js';

const os = '/c/compose/Server/x86_64/os';
const debian: CreaterepoFeatures = { version: '0.17.3', deltas: true, zchunk: true, cachedir: true, errorExitVal: true, compressTypes: ['gz', 'bz2', 'xz'] };

describe('buildCreaterepoArgv', () => {
  it("builds Pungi's command for a binary os tree with comps and the package-set metadata", () => {
    expect(
      buildCreaterepoArgv(os, {
        outputDir: os,
        pkglist: '/c/work/x86_64/repo_package_list/Server.x86_64.rpm.conf',
        groupfile: '/c/work/x86_64/comps/comps-Server.x86_64.xml',
        cachedir: '/var/cache/pungi/createrepo_c/DP-1000',
        updateMdPaths: ['/c/work/x86_64/repo/p1'],
        skipStat: true,
        database: false,
        checksum: 'sha256',
        workers: 3,
      }),
    ).toEqual([
      'createrepo_c',
      os,
      '--verbose',
      `--outputdir=${os}`,
      '--pkglist=/c/work/x86_64/repo_package_list/Server.x86_64.rpm.conf',
      '--groupfile=/c/work/x86_64/comps/comps-Server.x86_64.xml',
      '--cachedir=/var/cache/pungi/createrepo_c/DP-1000',
      '--update',
      '--update-md-path=/c/work/x86_64/repo/p1',
      '--skip-stat',
      '--no-database',
      '--checksum=sha256',
      '--unique-md-filenames',
      '--workers=3',
    ]);
  });

  it('defaults to a database, updating and unique file names, as Pungi does', () => {
    expect(buildCreaterepoArgv('/r')).toEqual(['createrepo_c', '/r', '--verbose', '--update', '--database', '--unique-md-filenames']);
    expect(buildCreaterepoArgv('/r', { update: false, updateMdPaths: ['/x'], uniqueMdFilenames: false, verbose: false })).toEqual(['createrepo_c', '/r', '--database', '--simple-md-filenames']);
  });

  it('makes deltas against old packages and then stops reusing package-set metadata', () => {
    const argv = buildCreaterepoArgv(os, { updateMdPaths: ['/c/work/x86_64/repo'], deltas: { oldPackageDirs: ['/old/Packages/a', '/old/Packages/b'], numDeltas: 2 } }, debian);
    expect(argv).not.toContain('--update-md-path=/c/work/x86_64/repo');
    expect(argv.slice(argv.indexOf('--deltas'))).toEqual(['--deltas', '--oldpackagedirs=/old/Packages/a', '--oldpackagedirs=/old/Packages/b', '--num-deltas=2']);
    // no old compose found: Pungi still asks for deltas and keeps the package-set metadata
    const noOld = buildCreaterepoArgv(os, { updateMdPaths: ['/c/work/x86_64/repo'], deltas: { oldPackageDirs: [] } });
    expect(noOld).toContain('--update-md-path=/c/work/x86_64/repo');
    expect(noOld).toContain('--deltas');
  });

  it('appends xz, zchunk and extra args last', () => {
    const argv = buildCreaterepoArgv('/r', { useXz: true, zchunk: true, zchunkDictDir: '/d', extraArgs: ['--distro=cpe:/o:x,X', '--revision=7'] });
    expect(argv.slice(-5)).toEqual(['--xz', '--zck', '--zck-dict-dir=/d', '--distro=cpe:/o:x,X', '--revision=7']);
  });

  it('writes tags, excludes and baseurl in Pungi order', () => {
    const argv = buildCreaterepoArgv('/r', { baseurl: 'http://x/', excludes: ['*debuginfo*'], distro: ['d'], content: ['c'], repoTags: ['t'], revision: '5' });
    expect(argv).toEqual(['createrepo_c', '/r', '--verbose', '--baseurl=http://x/', '--excludes=*debuginfo*', '--update', '--database', '--unique-md-filenames', '--distro=d', '--content=c', '--repo=t', '--revision=5']);
  });

  it('refuses what the installed createrepo_c cannot do', () => {
    const old: CreaterepoFeatures = { ...debian, deltas: false, zchunk: false };
    expect(() => buildCreaterepoArgv('/r', { deltas: { oldPackageDirs: [] } }, old)).toThrow(/does not support deltas/);
    expect(() => buildCreaterepoArgv('/r', { zchunk: true }, old)).toThrow(InputError);
    expect(() => buildCreaterepoArgv('/r', { workers: 0 })).toThrow(/positive integer/);
  });
});

describe('buildModifyrepoArgv', () => {
  it('adds productid gzip-compressed, as Pungi does', () => {
    expect(buildModifyrepoArgv('/r/repodata', '/w/productid', { compressType: 'gz' })).toEqual(['modifyrepo_c', '/w/productid', '/r/repodata', '--compress', '--compress-type=gz']);
    expect(buildModifyrepoArgv('/r/repodata', 'productid', { remove: true, mdtype: 'productid' })).toEqual(['modifyrepo_c', 'productid', '/r/repodata', '--mdtype=productid', '--remove']);
  });
});

describe('parseCreaterepoFeatures', () => {
  const help = '  --zck    Generate zchunk files\n  -c, --cachedir=CACHEDIR.    Set path\n  --deltas    Tells createrepo\n  --error-exit-val    Exit with retval 2\n';
  it('needs DeltaRPM in the build features for deltas', () => {
    expect(parseCreaterepoFeatures('Version: 0.17.3 (Features: DeltaRPM LegacyWeakdeps )', help)).toMatchObject({ version: '0.17.3', deltas: true, zchunk: true, cachedir: true, errorExitVal: true });
    expect(parseCreaterepoFeatures('Version: 1.0.0 (Features: LegacyWeakdeps )', help).deltas).toBe(false);
    expect(parseCreaterepoFeatures('Version: 0.10.0', '  --update\n')).toMatchObject({ deltas: false, zchunk: false, cachedir: false, errorExitVal: false });
  });
});
