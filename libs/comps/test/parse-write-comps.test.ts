import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, InputErrors } from '@compose/errors';
import { parseCompsFile, parseCompsXml, writeCompsXml, buildVariantComps } from '@compose/comps';
import { parseVariantsXml } from '@compose/variants';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = path.resolve(workspaceRoot, '../shared');

describe('parseCompsXml', () => {
  it('reads the dummy comps: packagereq types, requires, arch attributes, environments, langpacks', async () => {
    const comps = await parseCompsFile(path.join(shared, 'fixtures/pungi-dummy/dummy-comps.xml'));
    expect(comps.groups.map((g) => g.id)).toEqual(['core', 'standard', 'text-internet', 'firefox', 'skype', 'resilient-storage', 'gluster', 'basic-desktop']);
    expect(comps.groups.find((g) => g.id === 'basic-desktop')?.packages).toEqual([{ name: 'dummy-imsettings-gnome', type: 'conditional', requires: 'dummy-imsettings' }]);
    expect(comps.groups.find((g) => g.id === 'text-internet')?.packages[0]).toEqual({ name: 'dummy-elinks', type: 'optional', variant: 'Server' });
    expect(comps.groups.find((g) => g.id === 'skype')?.arch).toBe('i386 x86_64');
    expect(comps.environments.find((e) => e.id === 'desktop')).toMatchObject({ displayOrder: 10, groups: [{ id: 'core' }, { id: 'standard' }, { id: 'basic-desktop' }], options: [] });
    expect(comps.langpacks).toHaveLength(22);
  });

  it('reads the 148 kB Debian comps quickly, categories included, and writes it back parseable', async () => {
    const start = performance.now();
    const comps = await parseCompsFile(path.join(shared, 'bench/debian12-rpmmd/comps.xml'));
    expect(performance.now() - start).toBeLessThan(2000);
    expect(comps.groups).toHaveLength(224);
    expect(comps.categories).toHaveLength(3);
    expect(comps.environments).toHaveLength(5);
    const again = parseCompsXml(writeCompsXml(comps), 'roundtrip.xml');
    expect(again.groups.map((g) => [g.id, g.packages.length])).toEqual(
      [...comps.groups].sort((a, b) => (a.id < b.id ? -1 : 1)).map((g) => [g.id, g.packages.length]),
    );
    expect(again.environments.map((e) => e.options.length)).toEqual([...comps.environments].sort((a, b) => (a.id < b.id ? -1 : 1)).map((e) => new Set(e.options.map((o) => o.id)).size));
  });

  const problemOf = (xml: string): InputError => {
    try {
      parseCompsXml(xml, 'c.xml');
    } catch (error) {
      if (error instanceof InputErrors) return error.problems[0] as InputError;
      if (error instanceof InputError) return error;
      throw error;
    }
    throw new Error('expected an InputError');
  };

  it.each([
    ['<comps><group><id>g</id></comps>', /not well-formed/, 1],
    ['<notcomps/>', /expected <comps>/, 1],
    ['<comps>\n<widget/></comps>', /unknown element <widget>/, 2],
    ['<comps>\n<group><id>g</id><colour>red</colour></group></comps>', /unknown element <colour>/, 2],
    ['<comps>\n<group><name>G</name></group></comps>', /without an <id>/, 2],
    ['<comps><group><id>g</id>\n<default>maybe</default></group></comps>', /true or false/, 2],
    ['<comps><group><id>g</id><packagelist>\n<packagereq type="sometimes">p</packagereq></packagelist></group></comps>', /unknown type "sometimes"/, 2],
    ['<comps><group><id>g</id><packagelist>\n<packagereq type="conditional">p</packagereq></packagelist></group></comps>', /no requires/, 2],
    ['<comps><group><id>g</id><packagelist>\n<packagereq> p</packagereq></packagelist></group></comps>', /whitespace/, 2],
    ['<comps><environment><id>e</id>\n<display_order>x</display_order></environment></comps>', /integer/, 2],
    ['<comps><langpacks>\n<match name="x"/></langpacks></comps>', /<match name/, 2],
  ])('rejects %s', (xml, pattern, line) => {
    const problem = problemOf(xml);
    expect(problem.message).toMatch(pattern);
    expect(problem.location).toMatchObject({ file: 'c.xml', line });
    expect(problem.exitCode).toBe(2);
  });
});

describe('writeCompsXml', () => {
  it('writes translations, escaping, categories, optionlists and libcomps defaults as Pungi does', () => {
    const comps = parseCompsXml(`<comps>
      <group><id>g</id><name>G &amp; co</name><name xml:lang="fr">Gé</name><name xml:lang="de">Ge</name>
        <packagelist><packagereq type="optional">b</packagereq><packagereq type="default">z</packagereq><packagereq>a "q"</packagereq></packagelist></group>
      <group><id>empty</id><name></name><packagelist/></group>
      <category><id>c</id><name>C</name><display_order>5</display_order><grouplist><groupid>g</groupid><groupid>gone</groupid></grouplist></category>
      <category><id>c2</id><name>C2</name><grouplist><groupid>gone</groupid></grouplist></category>
      <environment><id>e</id><name>E</name><description>Env</description><grouplist><groupid>g</groupid></grouplist><optionlist><groupid>x</groupid><groupid>b</groupid></optionlist></environment>
    </comps>`, 'w.xml');
    expect(writeCompsXml(comps)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE comps
  PUBLIC '-//Red Hat, Inc.//DTD Comps info//EN'
  'comps.dtd'>
<comps>
  <group>
    <id>empty</id>
    <name/>
    <description/>
    <default>false</default>
    <uservisible>true</uservisible>
    <packagelist/>
  </group>
  <group>
    <id>g</id>
    <name>G &amp; co</name>
    <name xml:lang="de">Ge</name>
    <name xml:lang="fr">Gé</name>
    <description/>
    <default>false</default>
    <uservisible>true</uservisible>
    <packagelist>
      <packagereq type="mandatory">a &quot;q&quot;</packagereq>
      <packagereq type="default">z</packagereq>
      <packagereq type="optional">b</packagereq>
    </packagelist>
  </group>
  <category>
    <id>c</id>
    <name>C</name>
    <display_order>5</display_order>
    <grouplist>
      <groupid>g</groupid>
    </grouplist>
  </category>
  <environment>
    <id>e</id>
    <name>E</name>
    <description>Env</description>
    <grouplist>
      <groupid>g</groupid>
    </grouplist>
    <optionlist>
      <groupid>b</groupid>
      <groupid>x</groupid>
    </optionlist>
  </environment>
</comps>
`);
  });
});

describe('buildVariantComps', () => {
  const comps = parseCompsXml(`<comps>
    <group><id>core</id><name>Core</name><packagelist><packagereq>bash</packagereq></packagelist></group>
    <group><id>kde-apps</id><name>K</name><packagelist><packagereq>k</packagereq></packagelist></group>
    <group><id>kde-desktop</id><name>KD</name><packagelist><packagereq>kd</packagereq></packagelist></group>
    <group><id>conflicts-server</id><name>C</name><packagelist/></group>
    <environment><id>kde</id><name>KDE</name><display_order>3</display_order><grouplist><groupid>kde-desktop</groupid></grouplist></environment>
  </comps>`, 'c.xml');
  const variants = parseVariantsXml(`<variants>
    <variant id="Server" name="S" type="variant"><arches><arch>x86_64</arch></arches>
      <groups><group glob="true" uservisible="false">kde-*</group><group>missing</group></groups>
      <environments><environment display_order="7">kde</environment></environments></variant>
    <variant id="Modular" name="M" type="variant"><arches><arch>x86_64</arch></arches><modules/></variant>
    <variant id="All" name="A" type="variant"><arches><arch>x86_64</arch></arches></variant>
  </variants>`, 'v.xml');
  const [server, modular, all] = variants;

  it('matches group globs, applies overrides, reports unmatched groups and keeps conflicts groups only when listed', () => {
    const result = buildVariantComps(comps, server!, 'x86_64', { variants });
    expect(result.comps.groups.map((g) => [g.id, g.uservisible])).toEqual([['kde-apps', false], ['kde-desktop', false]]);
    expect(result.unmatchedGroups).toEqual(['missing']);
    expect(result.comps.environments.map((e) => [e.id, e.displayOrder])).toEqual([['kde', 7]]);
  });

  it('a modular variant without groups gets no groups; a plain variant without groups gets them all', () => {
    expect(buildVariantComps(comps, modular!, 'x86_64').comps.groups).toEqual([]);
    expect(buildVariantComps(comps, all!, 'x86_64').comps.groups.map((g) => g.id)).toEqual(['core', 'kde-apps', 'kde-desktop']);
    expect(buildVariantComps(comps, all!, 'x86_64').comps.environments.map((e) => e.id)).toEqual(['kde']);
  });

  it('comps_filter_environments = False keeps every environment', () => {
    const result = buildVariantComps(comps, modular!, 'x86_64', { filterEnvironments: false });
    expect(result.comps.environments.map((e) => e.id)).toEqual(['kde']);
  });
});
