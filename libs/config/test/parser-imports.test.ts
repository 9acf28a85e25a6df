import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseConfigFile } from '../src/index.js';
import { catchInputError, writeTree } from './parser-helpers.js';

const shared = path.resolve(import.meta.dirname, '../../../../shared');
const dummyDir = path.join(shared, 'fixtures/pungi-dummy');

describe('pungi-dummy fixtures', () => {
  const confFiles = readdirSync(dummyDir).filter((name) => name.endsWith('.conf') && name !== 'multi-compose.conf');

  test.each(confFiles)('%s parses', (name) => {
    const parsed = parseConfigFile(path.join(dummyDir, name));
    expect(parsed.file).toBe(path.join(dummyDir, name));
    expect(Object.keys(parsed.values).length).toBeGreaterThan(0);
  });

  test('every value dummy-pungi.conf sets equals the effective dump Pungi wrote', () => {
    const parsed = parseConfigFile(path.join(dummyDir, 'dummy-pungi.conf'));
    const dump = JSON.parse(readFileSync(path.join(shared, 'reference/pungi-dummy-compose/config/config-dump.effective.json'), 'utf8'));
    const { extra_isos: extraIsos, ...rest } = parsed.values as Record<string, unknown>;
    expect(Object.keys(parsed.values)).toHaveLength(22);
    for (const [name, value] of Object.entries(rest)) expect([name, value]).toEqual([name, dump[name]]);
    // Pungi's validation added defaults inside each extra_isos entry; the two keys written in the file match.
    expect(extraIsos).toEqual({ '^Server$': [{ include_variants: ['Client'], filename: 'extra-{filename}' }] });
    const dumped = dump.extra_isos['^Server$'][0];
    expect({ include_variants: dumped.include_variants, filename: dumped.filename })
      .toEqual({ include_variants: ['Client'], filename: 'extra-{filename}' });
  });

  test('server.conf overrides imported values and keeps the imported ones it does not touch', () => {
    const parsed = parseConfigFile(path.join(dummyDir, 'server.conf'));
    expect(parsed.files).toEqual([path.join(dummyDir, 'server.conf'), path.join(dummyDir, 'dummy-pungi.conf')]);
    expect(parsed.values.release_short).toBe('Server');
    expect(parsed.values.release_name).toBe('Dummy Product');
    expect(parsed.values.extra_isos).toEqual({});
    expect(parsed.values.pkgset_repos).toEqual({ '*': ['{{configdir}}/repo'] });
    // Rebinding keeps the imported position, as a Python dict does.
    expect(Object.keys(parsed.values).slice(0, 3)).toEqual(['release_name', 'release_short', 'release_version']);
  });
});

describe('imports', () => {
  test('from X import a, b brings only those names; a later import overrides', () => {
    const dir = writeTree({
      'constants.conf': 'PI = 3.14\nE = 2.71\nOTHER = 1\n',
      'main.conf': 'E = 0\nfrom constants import PI, E\nx = [PI, E]\n',
    });
    const parsed = parseConfigFile(path.join(dir, 'main.conf'));
    expect(parsed.values).toEqual({ E: 2.71, PI: 3.14, x: [3.14, 2.71] });
  });

  test('imports resolve relative to the importing file, also from subdirectories and without a final newline', () => {
    const dir = writeTree({
      'sub/base.conf': 'from ../common import *\nbase = common',
      'common.conf': 'common = "c"',
      'main.conf': 'from sub/base import *',
    });
    const parsed = parseConfigFile(path.join(dir, 'main.conf'));
    expect(parsed.values).toEqual({ common: 'c', base: 'c' });
    expect(parsed.files).toEqual(['main.conf', 'sub/base.conf', 'common.conf'].map((f) => path.join(dir, f)));
  });

  test('an imported file does not see the importer names, except globals', () => {
    const dir = writeTree({
      'child.conf': 'y = g\n',
      'hidden.conf': 'y = x\n',
      'main.conf': 'global g\ng = "G"\nfrom child import *\n',
      'main2.conf': 'x = 1\nfrom hidden import *\n',
    });
    expect(parseConfigFile(path.join(dir, 'main.conf')).values).toEqual({ g: 'G', y: 'G' });
    const error = catchInputError(() => parseConfigFile(path.join(dir, 'main2.conf')));
    expect(error.code).toBe('CONFIG_UNDEFINED_NAME');
    expect(error.location).toEqual({ file: path.join(dir, 'hidden.conf'), line: 1, col: 5 });
  });

  test('importing a name the file does not define is an error at the from statement', () => {
    const dir = writeTree({ 'a.conf': 'x = 1\n', 'main.conf': '\nfrom a import y\n' });
    const error = catchInputError(() => parseConfigFile(path.join(dir, 'main.conf')));
    expect(error.code).toBe('CONFIG_IMPORT_NAME');
    expect(error.message).toMatch(/cannot import 'y'/);
    expect(error.location).toEqual({ file: path.join(dir, 'main.conf'), line: 2, col: 1 });
  });

  test('a missing imported file points at the from statement', () => {
    const dir = writeTree({ 'main.conf': 'a = 1\nfrom nowhere import *\n' });
    const error = catchInputError(() => parseConfigFile(path.join(dir, 'main.conf')));
    expect(error.code).toBe('CONFIG_IMPORT_NOT_FOUND');
    expect(error.message).toContain(path.join(dir, 'nowhere.conf'));
    expect(error.location).toEqual({ file: path.join(dir, 'main.conf'), line: 2, col: 1 });
  });

  test('an import cycle is named with its chain', () => {
    const dir = writeTree({ 'a.conf': 'from b import *\n', 'b.conf': 'x = 1\nfrom c import *\n', 'c.conf': 'from a import *\n' });
    const error = catchInputError(() => parseConfigFile(path.join(dir, 'a.conf')));
    expect(error.code).toBe('CONFIG_IMPORT_CYCLE');
    expect(error.message).toBe('import cycle: a.conf -> b.conf -> c.conf -> a.conf');
    expect(error.location).toEqual({ file: path.join(dir, 'c.conf'), line: 1, col: 1 });
  });

  test('importing the same file twice is no cycle and lists it once', () => {
    const dir = writeTree({ 'c.conf': 'v = 1\n', 'b.conf': 'from c import *\n', 'main.conf': 'from c import *\nfrom b import *\n' });
    const parsed = parseConfigFile(path.join(dir, 'main.conf'));
    expect(parsed.values).toEqual({ v: 1 });
    expect(parsed.files).toHaveLength(3);
  });
});
