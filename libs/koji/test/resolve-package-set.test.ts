import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FailedError, InputError } from '@compose/errors';
import {
  checkSignedCopies,
  createKojiSession,
  listTaggedRPMS,
  resolveKojiPackageSet,
  type KojiPackageSetOptions,
  type KojiSession,
} from '@compose/koji';
import { startFakeKojiHub, type FakeKojiHub } from '@compose/testkit';
import { PRIMARY_KEY, SECONDARY_KEY } from '@compose/testkit';

const TOPDIR = 'https://kojipkgs.example.org/';
let hub: FakeKojiHub;
let session: KojiSession;

beforeEach(async () => {
  hub = await startFakeKojiHub();
  session = createKojiSession(hub.url, { timeoutMs: 2000, retries: 0 });
});
afterEach(() => hub.close());

function options(overrides: Partial<KojiPackageSetOptions> = {}): KojiPackageSetOptions {
  return {
    tag: 'dist-f40-updates',
    inherit: true,
    extraBuilds: [],
    sigkeys: [PRIMARY_KEY, SECONDARY_KEY],
    arches: ['x86_64', 'noarch', 'src'],
    topdir: TOPDIR,
    ...overrides,
  };
}

function summarise(set: Awaited<ReturnType<typeof resolveKojiPackageSet>>): string[] {
  return set.packages.map((p) => `${p.nevra} ${p.sigkey ?? 'unsigned'}`);
}

const methodsCalled = (): string[] => hub.calls.map((c) => c.method);

describe('resolveKojiPackageSet', () => {
  it('takes the latest build per package through inheritance at the last event', async () => {
    const set = await resolveKojiPackageSet(session, options());
    expect(set.event).toEqual({ id: 300, ts: 1700200000 });
    expect(set.tag).toEqual({ id: 11, name: 'dist-f40-updates' });
    expect(set.tags).toEqual(['dist-f40-updates', 'dist-f40']);
    expect(set.missing).toEqual([]);
    expect(summarise(set)).toEqual([
      'bash-0:5.2.26-3.fc40.src a15b79cc',
      'bash-0:5.2.26-3.fc40.x86_64 a15b79cc',
      'bash-doc-0:5.2.26-3.fc40.noarch a15b79cc',
      'python-six-1:1.16.0-1.fc40.src a15b79cc',
      'python3-six-1:1.16.0-1.fc40.noarch a15b79cc',
    ]);
    const six = set.packages.find((p) => p.name === 'python3-six')!;
    expect(six).toMatchObject({
      epoch: 1, version: '1.16.0', release: '1.fc40', arch: 'noarch', buildId: 3, rpmId: 3002,
      buildNvr: 'python-six-1.16.0-1.fc40', tagName: 'dist-f40', sourcerpm: 'python-six-1.16.0-1.fc40.src.rpm', invalidSigkey: false,
      path: 'https://kojipkgs.example.org/packages/python-six/1.16.0/1.fc40/data/signed/a15b79cc/noarch/python3-six-1.16.0-1.fc40.noarch.rpm',
    });
    expect(set.packages.find((p) => p.arch === 'src' && p.name === 'bash')).toMatchObject({ sourcerpm: null, tagName: 'dist-f40-updates' });
    const listing = hub.calls.find((c) => c.method === 'listTaggedRPMS')!;
    expect(listing.opts).toEqual({ event: 300, inherit: true, latest: true, arch: ['x86_64', 'noarch', 'src'] });
  });

  it('pins an explicit event and reads the tag as it was then', async () => {
    const set = await resolveKojiPackageSet(session, options({ event: 200 }));
    expect(set.event).toEqual({ id: 200, ts: 1700100000 });
    expect(methodsCalled()).not.toContain('getLastEvent');
    expect(hub.calls.filter((c) => c.method !== 'queryRPMSigs' && c.method !== 'getEvent').every((c) => c.opts.event === 200)).toBe(true);
    // bash-5.2.26-3 was tagged at event 250, so at 200 the inherited -1 build is the latest.
    expect(summarise(set).filter((s) => s.startsWith('bash'))).toEqual([
      'bash-0:5.2.26-1.fc40.src deadbeef',
      'bash-0:5.2.26-1.fc40.x86_64 deadbeef',
      'bash-doc-0:5.2.26-1.fc40.noarch deadbeef',
    ]);
  });

  it('reads only the tag itself without inheritance, and every arch when none is given', async () => {
    const set = await resolveKojiPackageSet(session, options({ inherit: false, arches: [] }));
    expect(set.tags).toEqual(['dist-f40-updates']);
    expect(methodsCalled()).not.toContain('getFullInheritance');
    expect(set.packages.map((p) => `${p.name}.${p.arch}`)).toEqual(['bash.aarch64', 'bash.src', 'bash.x86_64', 'bash-doc.noarch']);
  });

  it('follows sigkey priority, matching keys case-insensitively', async () => {
    const secondFirst = await resolveKojiPackageSet(session, options({ sigkeys: [SECONDARY_KEY, PRIMARY_KEY.toUpperCase()] }));
    expect(secondFirst.packages.find((p) => p.name === 'python3-six')?.sigkey).toBe(SECONDARY_KEY);
    expect(secondFirst.packages.find((p) => p.name === 'bash-doc')?.sigkey).toBe(PRIMARY_KEY);
    expect(secondFirst.packages.find((p) => p.name === 'bash-doc')?.path).toContain('/data/signed/a15b79cc/noarch/');
  });

  it('uses unsigned copies for [null] without asking for signatures', async () => {
    const set = await resolveKojiPackageSet(session, options({ sigkeys: [null] }));
    expect(set.packages.every((p) => p.sigkey === null)).toBe(true);
    expect(set.packages.find((p) => p.name === 'bash' && p.arch === 'x86_64')?.path).toBe(
      'https://kojipkgs.example.org/packages/bash/5.2.26/3.fc40/x86_64/bash-5.2.26-3.fc40.x86_64.rpm',
    );
    expect(methodsCalled()).not.toContain('queryRPMSigs');
  });

  it('reports RPMs without an acceptable signed copy with the keys tried', async () => {
    const set = await resolveKojiPackageSet(session, options({ sigkeys: [PRIMARY_KEY], extraBuilds: ['zsh-5.9-4.fc40'] }));
    // python-six is signed by both keys and bash-3 by the primary one: only zsh lacks a copy.
    expect(set.missing).toEqual([
      { nvra: 'zsh-5.9-4.fc40.src', sigkeysTried: [PRIMARY_KEY], reason: `no copy signed with any of: ${PRIMARY_KEY}` },
      { nvra: 'zsh-5.9-4.fc40.x86_64', sigkeysTried: [PRIMARY_KEY], reason: `no copy signed with any of: ${PRIMARY_KEY}` },
    ]);
    expect(set.packages.some((p) => p.name === 'zsh')).toBe(false);
    expect(() => checkSignedCopies(set, [PRIMARY_KEY])).toThrow(FailedError);
    expect(() => checkSignedCopies(set, [PRIMARY_KEY])).toThrow(/zsh-5\.9-4\.fc40\.x86_64/);
  });

  it('lets unsigned RPMs in with allowInvalidSigkeys, or through a trailing None', async () => {
    const allowed = await resolveKojiPackageSet(session, options({ extraBuilds: ['zsh-5.9-4.fc40'], allowInvalidSigkeys: true }));
    expect(allowed.missing.map((m) => m.nvra)).toEqual(['zsh-5.9-4.fc40.src', 'zsh-5.9-4.fc40.x86_64']);
    expect(allowed.packages.find((p) => p.name === 'zsh' && p.arch === 'x86_64')).toMatchObject({
      sigkey: null, invalidSigkey: true, tagName: null,
      path: 'https://kojipkgs.example.org/packages/zsh/5.9/4.fc40/x86_64/zsh-5.9-4.fc40.x86_64.rpm',
    });
    const withNone = await resolveKojiPackageSet(session, options({ extraBuilds: ['zsh-5.9-4.fc40'], sigkeys: [null, PRIMARY_KEY] }));
    expect(withNone.missing).toEqual([]);
    // None never outranks a key that signed the RPM, wherever it stands in the list.
    expect(summarise(withNone)).toContain('bash-0:5.2.26-3.fc40.x86_64 a15b79cc');
    expect(summarise(withNone)).toContain('zsh-0:5.9-4.fc40.x86_64 unsigned');
  });

  it("lets an extra build replace the tag's build of the same package", async () => {
    const set = await resolveKojiPackageSet(session, options({ extraBuilds: ['bash-5.2.26-2.fc40'] }));
    expect(summarise(set).filter((s) => s.startsWith('bash'))).toEqual([
      'bash-0:5.2.26-2.fc40.src a15b79cc',
      'bash-0:5.2.26-2.fc40.x86_64 a15b79cc',
    ]);
  });

  it('names an unknown tag, build or event as bad input', async () => {
    const tag = await resolveKojiPackageSet(session, options({ tag: 'f99-nope' })).catch((e: unknown) => e);
    expect(tag).toBeInstanceOf(InputError);
    expect(tag).toMatchObject({ code: 'KOJI_UNKNOWN_TAG', exitCode: 2, message: expect.stringContaining("'f99-nope'") });
    const listed = await listTaggedRPMS(session, 'f99-nope', { latest: true }).catch((e: unknown) => e);
    expect(listed).toMatchObject({ code: 'KOJI_UNKNOWN_TAG', message: expect.stringContaining('f99-nope') });
    const build = await resolveKojiPackageSet(session, options({ extraBuilds: ['ghost-1-1'] })).catch((e: unknown) => e);
    expect(build).toMatchObject({ code: 'KOJI_UNKNOWN_BUILD', message: expect.stringContaining('ghost-1-1') });
    const event = await resolveKojiPackageSet(session, options({ event: 123 })).catch((e: unknown) => e);
    expect(event).toMatchObject({ code: 'KOJI_UNKNOWN_EVENT', exitCode: 2 });
    await expect(resolveKojiPackageSet(session, options({ event: -1 }))).rejects.toThrow(InputError);
  });
});
