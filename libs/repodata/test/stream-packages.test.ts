import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRecord, readRepomd, streamFilelists, streamOther, streamPrimary, type FilelistsPackage, type PrimaryPackage } from '@compose/repodata';
import { dummyRepo, pungiRepos } from './repo-helpers.js';

async function collect(repoDir: string, filelists = false): Promise<PrimaryPackage[]> {
  const packages: PrimaryPackage[] = [];
  await streamPrimary(repoDir, (pkg) => packages.push(pkg), { filelists });
  return packages;
}

describe('streamPrimary', () => {
  it('reads every package of the dummy repo with its metadata', async () => {
    const packages = await collect(dummyRepo);
    expect(packages).toHaveLength(432);
    const bash = packages.find((p) => p.name === 'dummy-bash' && p.arch === 'x86_64' && p.release === '6');
    expect(bash).toMatchObject({
      pkgid: '45616e4e52d9bd2bb66554706df5e611b78ccf46bfd5cbf900bcfa54e8811a46',
      epoch: 0,
      version: '4.2.37',
      checksum: { type: 'sha256', value: '45616e4e52d9bd2bb66554706df5e611b78ccf46bfd5cbf900bcfa54e8811a46' },
      location: 'dummy-bash-4.2.37-6.x86_64.rpm',
      sourcerpm: 'dummy-bash-4.2.37-6.src.rpm',
      summary: 'A dummy bash package',
      packageSize: 5833,
      archiveSize: 124,
      buildTime: 1795310981,
      fileTime: 1795311009,
      license: 'LGPLv2',
      group: 'Unspecified',
      buildhost: 'vm',
      headerStart: 4504,
      headerEnd: 5785,
      requires: [{ name: 'dummy-glibc(x86-64)' }, { name: 'libpthread.so.0(GLIBC_2.3)(64bit)' }],
      provides: [
        { name: 'dummy-bash', flags: 'EQ', epoch: '0', version: '4.2.37', release: '6' },
        { name: 'dummy-bash(x86-64)', flags: 'EQ', epoch: '0', version: '4.2.37', release: '6' },
      ],
    });
    const source = packages.find((p) => p.name === 'dummy-bash' && p.arch === 'src');
    expect(source?.sourcerpm).toBe('');
  });

  it('merges filelists.xml files by pkgid', async () => {
    const files = new Map<string, FilelistsPackage>();
    await streamFilelists(dummyRepo, (pkg) => files.set(pkg.pkgid, pkg));
    const packages = await collect(dummyRepo, true);
    expect(packages).toHaveLength(files.size);
    for (const pkg of packages) expect(pkg.files).toEqual(files.get(pkg.pkgid)?.files.map((f) => f.path));
    expect(packages.some((p) => p.files.length > 0)).toBe(true);
  });

  it('finds every <package> of every fixture repo', async () => {
    for (const name of await readdir(pungiRepos)) {
      const repoDir = path.join(pungiRepos, name);
      const repomd = await readRepomd(repoDir);
      const declared = (type: string): number => {
        // Not packages="N": the debuginfo fixture was written by hand and says 0.
        const xml = gunzipSync(readFileSync(path.join(repoDir, findRecord(repomd, type)!.location))).toString('utf8');
        return xml.match(/<package[\s>]/g)?.length ?? 0;
      };
      const counts = { primary: 0, filelists: 0, other: 0 };
      const result = await streamPrimary(repoDir, () => counts.primary++, { filelists: true });
      await streamFilelists(repoDir, () => counts.filelists++);
      const other = await streamOther(repoDir, (pkg) => {
        counts.other++;
        expect(pkg.pkgid).toMatch(/^[0-9a-f]{64}$/);
      });
      expect(result.packages).toBe(counts.primary);
      expect(other.packages).toBe(counts.other);
      expect(counts).toEqual({ primary: declared('primary'), filelists: declared('filelists'), other: declared('other') });
      expect(counts.primary).toBeGreaterThan(0);
    }
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(streamPrimary(dummyRepo, () => undefined, { signal: controller.signal })).rejects.toThrow();
  });
});
