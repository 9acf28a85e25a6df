import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filterComps, filterCompsForArch, parseCompsFile, parseCompsXml } from '@compose/comps';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dummyComps = path.resolve(workspaceRoot, '../shared/fixtures/pungi-dummy/dummy-comps.xml');

const XML = `<comps>
  <group><id>a</id><name>A</name><packagelist>
    <packagereq arch="x86_64">only-x86</packagereq>
    <packagereq arch="i386,x86_64">multi</packagereq>
    <packagereq arch="s390x">only-s390x</packagereq>
    <packagereq>everywhere</packagereq>
    <packagereq variant="Server">server-only</packagereq>
  </packagelist></group>
  <group arch="s390x"><id>zonly</id><name>Z</name><packagelist><packagereq>z</packagereq></packagelist></group>
  <group><id>ppconly</id><name>P</name><packagelist><packagereq arch="ppc64le">p</packagereq></packagelist></group>
  <group><id>conflicts-server</id><name>C</name><packagelist><packagereq arch="ppc64le">c</packagereq></packagelist></group>
  <category><id>cat</id><name>Cat</name><grouplist><groupid>a</groupid><groupid>zonly</groupid></grouplist></category>
  <category><id>emptycat</id><name>E</name><grouplist><groupid>ppconly</groupid></grouplist></category>
  <environment><id>env</id><name>Env</name>
    <grouplist><groupid>a</groupid><groupid arch="s390x">zonly</groupid><groupid>parentgroup</groupid></grouplist>
    <optionlist><groupid>missing</groupid></optionlist></environment>
  <environment arch="s390x"><id>zenv</id><name>Z</name><grouplist><groupid>zonly</groupid></grouplist></environment>
</comps>`;

describe('filterComps (comps_filter)', () => {
  const comps = parseCompsXml(XML, 'test.xml');

  it('keeps packages whose arch list has the arch (comma or space separated) and those without arch', () => {
    const filtered = filterCompsForArch(comps, 'x86_64');
    expect(filtered.groups.find((g) => g.id === 'a')?.packages.map((p) => p.name)).toEqual(['only-x86', 'multi', 'everywhere', 'server-only']);
    expect(filtered.groups.find((g) => g.id === 'a')?.packages.every((p) => p.arch === undefined)).toBe(true);
  });

  it('drops groups and environments of other arches, but without cleanup keeps empty groups and dangling refs', () => {
    const filtered = filterCompsForArch(comps, 'x86_64');
    expect(filtered.groups.map((g) => g.id)).toEqual(['a', 'ppconly', 'conflicts-server']);
    expect(filtered.groups.find((g) => g.id === 'ppconly')?.packages).toEqual([]);
    expect(filtered.environments.map((e) => e.id)).toEqual(['env']);
    expect(filtered.environments[0]?.groups.map((r) => r.id)).toEqual(['a', 'zonly', 'parentgroup']);
    expect(filtered.categories.map((c) => c.id)).toEqual(['cat', 'emptycat']);
  });

  it('does not change its input', () => {
    filterCompsForArch(comps, 'x86_64');
    expect(comps.groups[0]?.packages[0]?.arch).toBe('x86_64');
  });

  it('cleanup removes empty groups, dangling and other-arch group refs, empty categories and environments', () => {
    const filtered = filterComps(comps, { arch: 'x86_64', keepEmptyGroups: ['conflicts-*'] });
    expect(filtered.groups.map((g) => g.id)).toEqual(['a', 'conflicts-server']);
    expect(filtered.categories.map((c) => [c.id, c.groups.map((r) => r.id)])).toEqual([['cat', ['a']]]);
    expect(filtered.environments[0]?.groups.map((r) => r.id)).toEqual(['a']);
    // optionlist is not cleaned by comps_filter
    expect(filtered.environments[0]?.options.map((r) => r.id)).toEqual(['missing']);
  });

  it('cleanup keeps lookaside groups in environments and drops group refs of other arches', () => {
    const filtered = filterComps(comps, { arch: 's390x', lookasideGroups: ['parentgroup'] });
    expect(filtered.environments.map((e) => [e.id, e.groups.map((r) => r.id)])).toEqual([
      ['env', ['a', 'zonly', 'parentgroup']],
      ['zenv', ['zonly']],
    ]);
    const x86 = filterComps(comps, { arch: 'x86_64', lookasideGroups: ['parentgroup'] });
    expect(x86.environments[0]?.groups.map((r) => r.id)).toEqual(['a', 'parentgroup']);
  });

  it('variant filtering removes packages of other variants', () => {
    const client = filterComps(comps, { arch: 'x86_64', variant: 'Client' });
    expect(client.groups[0]?.packages.map((p) => p.name)).not.toContain('server-only');
    const server = filterComps(comps, { arch: 'x86_64', variant: 'Server' });
    expect(server.groups[0]?.packages.map((p) => p.name)).toContain('server-only');
  });

  it('arch-only packages drops packages without an arch attribute (and, with a variant, without a variant attribute)', () => {
    const filtered = filterComps(comps, { arch: 'x86_64', archOnlyPackages: true, cleanup: false });
    expect(filtered.groups[0]?.packages.map((p) => p.name)).toEqual(['only-x86', 'multi']);
    const withVariant = filterComps(comps, { arch: 'x86_64', variant: 'Server', archOnlyPackages: true, cleanup: false });
    expect(withVariant.groups[0]?.packages.map((p) => p.name)).toEqual([]);
  });

  it('remove options drop categories, langpacks, environments and translations', async () => {
    const dummy = await parseCompsFile(dummyComps);
    const stripped = filterComps(dummy, { arch: 'x86_64', removeCategories: true, removeLangpacks: true, removeEnvironments: true });
    expect([stripped.categories.length, stripped.langpacks.length, stripped.environments.length]).toEqual([0, 0, 0]);
    const translated = parseCompsXml('<comps><group><id>g</id><name>G</name><name xml:lang="de">Ge</name><packagelist><packagereq>p</packagereq></packagelist></group></comps>', 't.xml');
    expect(filterComps(translated, { arch: 'x86_64', removeTranslations: true }).groups[0]?.nameByLang).toEqual({});
  });

  it('dummy comps for i386 lose the x86_64-only group and keep multi-arch ones', async () => {
    const dummy = await parseCompsFile(dummyComps);
    const i386 = filterCompsForArch(dummy, 'i386');
    expect(i386.groups.map((g) => g.id)).not.toContain('resilient-storage');
    expect(i386.groups.map((g) => g.id)).toContain('skype');
    expect(filterCompsForArch(dummy, 's390x').groups.map((g) => g.id)).not.toContain('skype');
  });
});
