import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseConfigFile, parseConfigText } from '../src/index.js';
import { writeTree } from './parser-helpers.js';

const shared = path.resolve(import.meta.dirname, '../../../../shared');
const dummyDir = path.join(shared, 'fixtures/pungi-dummy');
const FILE = '/virtual/loc.conf';

describe('locationOf', () => {
  const parsed = parseConfigText([
    'name = "x"',
    'opts = [',
    "    ('^Server$', {",
    "        '*': ['a', 'b'],",
    '    }),',
    ']',
    'copy = opts',
  ].join('\n'), FILE);

  test('a top-level value points at its first character', () => {
    expect(parsed.locationOf(['name'])).toEqual({ file: FILE, line: 1, col: 8 });
    expect(parsed.locationOf(['opts'])).toEqual({ file: FILE, line: 2, col: 8 });
  });

  test('nested list, tuple and dict paths, numbers or digit strings as indexes', () => {
    expect(parsed.locationOf(['opts', 0])).toEqual({ file: FILE, line: 3, col: 5 });
    expect(parsed.locationOf(['opts', 0, 1])).toEqual({ file: FILE, line: 3, col: 18 });
    expect(parsed.locationOf(['opts', 0, 1, '*'])).toEqual({ file: FILE, line: 4, col: 14 });
    expect(parsed.locationOf(['opts', '0', '1', '*', 1])).toEqual({ file: FILE, line: 4, col: 20 });
  });

  test('a missing tail reports the nearest ancestor; an unknown name reports nothing', () => {
    expect(parsed.locationOf(['opts', 0, 1, 'nope', 3])).toEqual({ file: FILE, line: 3, col: 18 });
    expect(parsed.locationOf(['name', 'x'])).toEqual({ file: FILE, line: 1, col: 8 });
    expect(parsed.locationOf(['missing'])).toBeUndefined();
    expect(parsed.locationOf([])).toBeUndefined();
  });

  test('a reference is located where it is written, its insides where they were defined', () => {
    expect(parsed.locationOf(['copy'])).toEqual({ file: FILE, line: 7, col: 8 });
    expect(parsed.locationOf(['copy', 0, 1, '*'])).toEqual({ file: FILE, line: 4, col: 14 });
  });

  test('the missing-comma dict in dummy-pungi.conf keeps exact positions', () => {
    const dummy = parseConfigFile(path.join(dummyDir, 'dummy-pungi.conf'));
    const file = path.join(dummyDir, 'dummy-pungi.conf');
    expect(dummy.locationOf(['extra_isos', '^Server$', 0, 'include_variants'])).toEqual({ file, line: 108, col: 29 });
    expect(dummy.locationOf(['extra_isos', '^Server$', 0, 'filename'])).toEqual({ file, line: 109, col: 21 });
  });

  test('values that come from an import carry the imported file', () => {
    const server = parseConfigFile(path.join(dummyDir, 'server.conf'));
    const imported = path.join(dummyDir, 'dummy-pungi.conf');
    expect(server.locationOf(['release_name'])).toEqual({ file: imported, line: 2, col: 16 });
    expect(server.locationOf(['multilib', 0, 1, '*', 1])).toEqual({ file: imported, line: 44, col: 24 });
    expect(server.locationOf(['release_short'])).toEqual({ file: path.join(dummyDir, 'server.conf'), line: 3, col: 17 });
  });

  test('columns count after multi-line strings and imports by name', () => {
    const dir = writeTree({ 'lib.conf': 'x = """a\nb""" y = [1]\n', 'main.conf': 'from lib import y\n' });
    const main = parseConfigFile(path.join(dir, 'main.conf'));
    expect(main.locationOf(['y', 0])).toEqual({ file: path.join(dir, 'lib.conf'), line: 2, col: 11 });
  });
});
