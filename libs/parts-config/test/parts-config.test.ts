import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, InputErrors, NotImplementedError } from '@compose/errors';
import { buildPartsConfig, fillPlaceholders, listAllDependencies, listAllDependents, listPlaceholders, parseIni, readPartsConfig } from '@compose/parts-config';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dummy = path.resolve(repoRoot, '../shared/fixtures/pungi-dummy');

const fromText = (text: string) => buildPartsConfig(parseIni(text, '/etc/parts/parts.ini'));

function problemsOf(text: string): string[] {
  try {
    fromText(text);
  } catch (error) {
    if (error instanceof InputErrors) return error.problems.map((p) => `${p.location?.line}:${p.code}`);
    if (error instanceof InputError) return [`${error.location?.line}:${error.code}`];
    throw error;
  }
  return [];
}

const GENERAL = '[general]\nrelease_name = R\nrelease_short = r\nrelease_version = 1\ncompose_type = test\n';

describe('parseIni', () => {
  it('reads continuation lines, comments, both delimiters and lower-cases keys', () => {
    const doc = parseIni('# c\n[general]\nKey: v1\nmulti =\n    one\n\n    two\n; c\nnext = x\n', 'f.ini');
    const section = doc.sections[0]!;
    expect([...section.entries.keys()]).toEqual(['key', 'multi', 'next']);
    expect(section.entries.get('key')!.value).toBe('v1');
    expect(section.entries.get('multi')!.value).toBe('\none\n\ntwo');
    expect(section.entries.get('next')).toEqual({ value: 'x', line: 9 });
  });

  it('rejects duplicates and keys outside a section with their line', () => {
    expect(() => parseIni('a = 1\n', 'f.ini')).toThrow(/before any \[section\]/);
    expect(() => parseIni('[a]\nx = 1\nX = 2\n', 'f.ini')).toThrow(/'x' is set twice in \[a\] \(first on line 2\)/);
    expect(() => parseIni('[a]\n[b]\n[a]\n', 'f.ini')).toThrow(/section \[a\] appears twice/);
  });

  it('offers [DEFAULT] values as fallbacks', () => {
    const config = fromText(`[DEFAULT]\nfailable = yes\n${GENERAL}[p]\nconfig = p.conf\n`);
    expect(config.parts.map((p) => [p.name, p.failable])).toEqual([['p', true]]);
  });
});

describe('readPartsConfig', () => {
  it('reads the dummy multi-compose.conf as pungi-orchestrate does', () => {
    const config = readPartsConfig(path.join(dummy, 'multi-compose.conf'));
    expect(config.configDir).toBe(dummy);
    expect(config.general).toEqual({
      target: path.resolve(dummy, '../_composes'),
      composeType: 'nightly',
      release: { name: 'Multi Compose', short: 'multi', version: '1.0', type: 'ga', internal: false },
      extraArgs: ['--quiet'],
      preComposeScript: [],
      postComposeScript: ['compose-latest-symlink $COMPOSE_PATH'],
    });
    expect(config.parts.map((p) => ({ name: p.name, config: path.basename(p.config), deps: p.dependsOn, failable: p.failable }))).toEqual([
      { name: 'server', config: 'server.conf', deps: [], failable: false },
      { name: 'client', config: 'client.conf', deps: [], failable: false },
      { name: 'resilient-storage', config: 'resilient-storage.conf', deps: ['server'], failable: true },
    ]);
    expect(config.warnings).toEqual([]);
  });

  it('splits lists on commas and spaces and resolves paths against the file', () => {
    const config = fromText(`${GENERAL}target = ../out\nextra_args = --a, --b  --c\n[a]\nconfig = sub/a.conf\njust_phase = pkgset,gather createrepo\nskip_phase = createiso\n[b]\nconfig = /abs/b.conf\ndepends_on = a\n`);
    expect(config.general.target).toBe('/etc/out');
    expect(config.general.extraArgs).toEqual(['--a', '--b', '--c']);
    expect(config.parts[0]).toMatchObject({ config: '/etc/parts/sub/a.conf', justPhase: ['pkgset', 'gather', 'createrepo'], skipPhase: ['createiso'] });
    expect(config.parts[1]).toMatchObject({ config: '/abs/b.conf', dependsOn: ['a'] });
  });

  it('reports every problem at once with its line', () => {
    const text = '[general]\nrelease_name = R\ncompose_type = weekly\nrelease_internal = maybe\n[a]\nfailable = sure\n[b]\nconfig = b.conf\ndepends_on = zz\n';
    expect(problemsOf(text)).toEqual([
      '3:PARTS_BAD_COMPOSE_TYPE', '1:PARTS_MISSING_KEY', '1:PARTS_MISSING_KEY', '4:PARTS_BAD_BOOLEAN', '5:PARTS_MISSING_KEY',
    ]);
    expect(problemsOf(`${GENERAL}[b]\nconfig = b.conf\ndepends_on = zz\nfailable = sure\n`)).toEqual(['9:PARTS_BAD_BOOLEAN']);
    expect(problemsOf(`${GENERAL}[b]\nconfig = b.conf\ndepends_on = zz\n`)).toEqual(['6:PARTS_UNKNOWN_DEPENDENCY']);
  });

  it('rejects cycles, self dependencies, bad names and an empty parts list', () => {
    expect(problemsOf(`${GENERAL}[a]\nconfig = a\ndepends_on = b\n[b]\nconfig = b\ndepends_on = a\n`)).toEqual(['6:PARTS_DEPENDENCY_CYCLE']);
    expect(() => fromText(`${GENERAL}[a]\nconfig = a\ndepends_on = b\n[b]\nconfig = b\ndepends_on = a\n`)).toThrow(InputErrors);
    expect(problemsOf(`${GENERAL}[a]\nconfig = a\ndepends_on = a\n`)).toEqual(['6:PARTS_SELF_DEPENDENCY']);
    expect(problemsOf(`${GENERAL}[a b]\nconfig = a\n`)).toEqual(['6:PARTS_BAD_NAME']);
    expect(problemsOf(GENERAL)).toEqual(['undefined:PARTS_NONE']);
    expect(problemsOf('[x]\nconfig = a\n')).toEqual(['undefined:PARTS_NO_GENERAL']);
  });

  it('warns about unknown keys and refuses Koji and Kerberos setups it cannot do', () => {
    expect(fromText(`${GENERAL}colour = blue\n[a]\nconfig = a\n`).warnings[0]).toMatch(/parts.ini:6: unknown key 'colour' in \[general\]/);
    expect(() => fromText(`${GENERAL}koji_profile = koji\n[a]\nconfig = a\n`)).toThrow(NotImplementedError);
    expect(() => fromText(`${GENERAL}kerberos = yes\n[a]\nconfig = a\n`)).toThrow(/kerberos/);
    expect(fromText(`${GENERAL}kerberos = no\n[a]\nconfig = a\n`).parts).toHaveLength(1);
  });

  it('reads a layered release and the script lines', () => {
    const config = fromText(`${GENERAL}base_product_name = Base\nbase_product_short = b\nbase_product_version = 2\npre_compose_script =\n  echo one\n  echo two\nnotification_script = notify.sh\n[a]\nconfig = a\n`);
    expect(config.general.baseProduct).toEqual({ name: 'Base', short: 'b', version: '2', type: 'ga' });
    expect(config.general.preComposeScript).toEqual(['echo one', 'echo two']);
    expect(config.general.notificationScript).toBe('notify.sh');
  });
});

describe('dependencies', () => {
  const config = fromText(`${GENERAL}[a]\nconfig = a\n[b]\nconfig = b\ndepends_on = a\n[c]\nconfig = c\ndepends_on = b\n[d]\nconfig = d\n`);
  it('follows depends_on transitively both ways', () => {
    expect([...listAllDependencies(config.parts, 'c')].sort()).toEqual(['a', 'b']);
    expect([...listAllDependents(config.parts, 'a')].sort()).toEqual(['b', 'c']);
    expect([...listAllDependents(config.parts, 'd')]).toEqual([]);
  });
});

describe('placeholders', () => {
  it('fills {{configdir}} and {{part-NAME}}, spaces allowed', () => {
    const text = 'a = "{{configdir}}/repo"\nb = "{{ part-server }}/compose"\n';
    expect(listPlaceholders(text)).toEqual([{ name: 'configdir', line: 1, col: 6 }, { name: 'part-server', line: 2, col: 6 }]);
    expect(fillPlaceholders(text, { configdir: '/c', 'part-server': '/p/S' }, 'x.conf')).toBe('a = "/c/repo"\nb = "/p/S/compose"\n');
  });

  it('names the file and position of an unknown placeholder', () => {
    try {
      fillPlaceholders('x = 1\ny = "{{part-nope}}"', { configdir: '/c' }, 'p.conf');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).location).toEqual({ file: 'p.conf', line: 2, col: 6 });
      expect((error as InputError).message).toContain('{{part-nope}}');
    }
  });
});
