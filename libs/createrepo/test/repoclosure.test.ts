import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailedError } from '@compose/errors';
import { buildRepoclosureArgv, findDnfPython, parseRepoclosureOutput, runCreaterepo, runRepoclosure, runRepoclosureBatch } from '../src/index.js';
import { copyRpms } from './helpers.js';

describe('buildRepoclosureArgv', () => {
  it("builds Pungi's dnf command: checked repos with --check, lookaside only enabled", () => {
    expect(
      buildRepoclosureArgv({
        arches: ['x86_64', 'noarch'],
        repos: [{ id: 'DP-1.0-20261122.t.0-repoclosure-Server-Gluster.x86_64', path: '/c/compose/Server-Gluster/x86_64/os' }],
        lookaside: [{ id: 'DP-1.0-20261122.t.0-repoclosure-Server.x86_64', path: 'https://example.com/Server/x86_64/os' }],
        installroot: '/tmp/root',
        forcearch: 'x86_64',
      }),
    ).toEqual([
      'dnf',
      'repoclosure',
      '--arch=x86_64',
      '--arch=noarch',
      '--repofrompath=DP-1.0-20261122.t.0-repoclosure-Server-Gluster.x86_64,file:///c/compose/Server-Gluster/x86_64/os',
      '--repo=DP-1.0-20261122.t.0-repoclosure-Server-Gluster.x86_64',
      '--check=DP-1.0-20261122.t.0-repoclosure-Server-Gluster.x86_64',
      '--repofrompath=DP-1.0-20261122.t.0-repoclosure-Server.x86_64,https://example.com/Server/x86_64/os',
      '--repo=DP-1.0-20261122.t.0-repoclosure-Server.x86_64',
      '--setopt=reposdir=/dev/null',
      '--setopt=skip_if_unavailable=False',
      '--releasever=1',
      '--installroot=/tmp/root',
      '--forcearch=x86_64',
    ]);
  });

  it('makes relative paths absolute file URLs', () => {
    const argv = buildRepoclosureArgv({ repos: [{ id: 'r', path: 'rel/os' }], releasever: '40' });
    expect(argv).toContain(`--repofrompath=r,file://${path.resolve('rel/os')}`);
    expect(argv).toContain('--releasever=40');
  });
});

describe('parseRepoclosureOutput', () => {
  it('reads every package and its unresolved dependencies, ignoring progress lines', () => {
    const output = [
      'Added m repo from file:///tmp/main',
      'm                      131 kB/s | 859  B     00:00',
      'package: a-1-1.x86_64 from m',
      '  unresolved deps (2):',
      '    b = 1-1',
      '    libc.so.6(GLIBC_2.34)(64bit)',
      'package: c-2-1.noarch from m',
      '  unresolved deps:',
      '    (d if e)',
      '',
    ].join('\n');
    expect(parseRepoclosureOutput(output)).toEqual([
      { package: 'a-1-1.x86_64', repo: 'm', unresolved: ['b = 1-1', 'libc.so.6(GLIBC_2.34)(64bit)'] },
      { package: 'c-2-1.noarch', repo: 'm', unresolved: ['(d if e)'] },
    ]);
    expect(parseRepoclosureOutput('')).toEqual([]);
  });
});

/** Two repos per describe: Server-Gluster's package, and the one providing its dependency. */
function useGlusterRepos(take: (repos: { main: string; lookaside: string }) => void): void {
  const repos = { main: '', lookaside: '' };
  beforeAll(async () => {
    repos.main = await copyRpms(['dummy-glusterfs-resource-agents-3.9.5-8.x86_64.rpm']);
    repos.lookaside = await copyRpms(['dummy-resource-agents-3.9.5-8.x86_64.rpm']);
    await runCreaterepo(repos.main, { database: false });
    await runCreaterepo(repos.lookaside, { database: false });
    take(repos);
  });
  afterAll(async () => {
    await rm(repos.main, { recursive: true, force: true });
    await rm(repos.lookaside, { recursive: true, force: true });
  });
}

describe('runRepoclosure', () => {
  let main: string;
  let lookaside: string;
  useGlusterRepos((repos) => ({ main, lookaside } = repos));

  it('reports the dependency Pungi reported for Server-Gluster', async () => {
    const result = await runRepoclosure({ repos: [{ id: 'gluster', path: main }], arches: ['x86_64', 'noarch'], forcearch: 'x86_64' });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ package: 'dummy-glusterfs-resource-agents-3.9.5-8.x86_64', repo: 'gluster', unresolved: ['dummy-resource-agents = 3.9.5-8'] }]);
  });

  it('is clean when a lookaside repo provides the dependency', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'repoclosure-root-'));
    try {
      const result = await runRepoclosure({
        repos: [{ id: 'gluster', path: main }],
        lookaside: [{ id: 'server', path: lookaside }],
        arches: ['x86_64', 'noarch'],
        forcearch: 'x86_64',
        installroot: root,
      });
      expect(result).toMatchObject({ ok: true, problems: [] });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('fails clearly when a repo cannot be read', async () => {
    const error = await runRepoclosure({ repos: [{ id: 'nothing', path: path.join(main, 'missing') }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailedError);
    expect((error as Error).message).toMatch(/nothing \(.*missing\)/);
    expect((error as Error).message).toMatch(/Failed to download metadata/);
  });
});

describe('runRepoclosureBatch', () => {
  let main: string;
  let lookaside: string;
  useGlusterRepos((repos) => ({ main, lookaside } = repos));

  // A failing check between passing ones: nothing of one run (repos, findings, log lines) may leak into the next.
  const checks = () => [
    { repos: [{ id: 'gluster', path: main }], lookaside: [{ id: 'server', path: lookaside }], arches: ['x86_64', 'noarch'], forcearch: 'x86_64' },
    { repos: [{ id: 'gluster', path: main }], arches: ['x86_64', 'noarch'], forcearch: 'x86_64' },
    { repos: [{ id: 'server', path: lookaside }], arches: ['x86_64', 'noarch'], forcearch: 'x86_64' },
    { repos: [{ id: 'gluster', path: main }], arches: ['i686', 'noarch'], forcearch: 'i686' },
  ];
  // dnf's progress lines carry a transfer speed padded to a varying width
  const withoutNoise = (log: string) => log.replace(/ +[\d.]+ [kM]?B\/s/g, ' SPEED');

  it('gives each check exactly what its own dnf process gives, in order, from one dnf start-up', async () => {
    expect(await findDnfPython()).toMatch(/python/);
    const batch = await runRepoclosureBatch(checks());
    const separate = [];
    for (const check of checks()) separate.push(await runRepoclosure(check));
    expect(batch.map((r) => [r.ok, r.problems])).toEqual(separate.map((r) => [r.ok, r.problems]));
    expect(batch.map((r) => r.ok)).toEqual([true, false, true, true]);
    expect(batch.map((r) => withoutNoise(r.log))).toEqual(separate.map((r) => withoutNoise(r.log)));
    expect(batch[2]!.log).not.toContain('gluster');
    for (const result of batch) expect(result.argv.find((arg) => arg.startsWith('--installroot='))).toBeDefined();
  }, 60_000);

  it('fails clearly when one repo of a check cannot be read', async () => {
    const error = await runRepoclosureBatch([checks()[0]!, { repos: [{ id: 'nothing', path: path.join(main, 'missing') }] }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailedError);
    expect((error as Error).message).toMatch(/nothing \(.*missing\)[^]*Failed to download metadata/);
  }, 60_000);
});
