import { mkdirSync, openSync, closeSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseConfigFile, parseConfigText } from '../src/index.js';
import { catchInputError, errorOf, writeTree } from './parser-helpers.js';

const FILE = '/virtual/test.conf';

describe('errors carry file:line:col and a hint', () => {
  test.each([
    ['unterminated string', 'a = 1\nb = "open\n', 'CONFIG_UNTERMINATED_STRING', 2, 5, /unterminated string/],
    ['unterminated triple-quoted string', "a = '''never\nclosed", 'CONFIG_UNTERMINATED_STRING', 1, 5, /unterminated triple-quoted/],
    ['unclosed bracket', 'a = [1,\n  {"k": 2}\n', 'CONFIG_UNBALANCED', 1, 5, /'\[' opened here is never closed/],
    ['mismatched bracket', 'a = [1, 2)\n', 'CONFIG_UNBALANCED', 1, 10, /'\)' does not match '\[' opened at line 1, column 5/],
    ['stray closing bracket', 'a = 1\n}\n', 'CONFIG_UNBALANCED', 2, 1, /closes nothing/],
    ['unknown name', 'a = 1\nb = [a, c]\n', 'CONFIG_UNDEFINED_NAME', 2, 9, /undefined name 'c'/],
    ['name used before its definition', 'b = a\na = 1\n', 'CONFIG_UNDEFINED_NAME', 1, 5, /undefined name 'a'/],
    ['control character', 'a = 1\nb = \u0001\n', 'CONFIG_SYNTAX', 2, 5, /unexpected character U\+0001/],
    ['missing colon', 'a = {"k" 1}', 'CONFIG_SYNTAX', 1, 10, /expected ':' after dict key 'k'/],
    ['duplicate key', 'a = {\n  "k": 1,\n  "k": 2}', 'CONFIG_DUPLICATE_KEY', 3, 3, /duplicate dict key 'k'/],
  ])('%s', (_name, text, code, line, col, message) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(message);
    expect(error.location).toEqual({ file: FILE, line, col });
    expect(error.hint).toBeTruthy();
  });

  test('NUL bytes are reported as binary content at their position', () => {
    const dir = writeTree({ 'bin.conf': Buffer.from('a = 1\nb = \u0000\u0001\u0002', 'utf8') });
    const error = catchInputError(() => parseConfigFile(path.join(dir, 'bin.conf')));
    expect(error.code).toBe('CONFIG_NOT_TEXT');
    expect(error.message).toMatch(/NUL byte/);
    expect(error.location).toEqual({ file: path.join(dir, 'bin.conf'), line: 2, col: 5 });
    expect(errorOf('a = "\u0000"').location).toEqual({ file: FILE, line: 1, col: 6 });
  });

  test('invalid UTF-8 is reported with the offending byte', () => {
    const dir = writeTree({ 'latin.conf': Buffer.concat([Buffer.from('a = "é"\nb = "'), Buffer.from([0xe9, 0x22])]) });
    const error = catchInputError(() => parseConfigFile(path.join(dir, 'latin.conf')));
    expect(error.message).toMatch(/invalid UTF-8 \(byte 0xe9\)/);
    expect(error.location).toEqual({ file: path.join(dir, 'latin.conf'), line: 2, col: 6 });
  });

  test('a missing config file, a directory and a file over maxBytes', () => {
    const dir = writeTree({ 'small.conf': 'a = "0123456789"\n' });
    mkdirSync(path.join(dir, 'adir.conf'));
    const missing = catchInputError(() => parseConfigFile(path.join(dir, 'nope.conf')));
    expect(missing.code).toBe('CONFIG_NOT_FOUND');
    expect(missing.location).toEqual({ file: path.join(dir, 'nope.conf') });
    expect(catchInputError(() => parseConfigFile(path.join(dir, 'adir.conf'))).code).toBe('CONFIG_NOT_A_FILE');
    const large = catchInputError(() => parseConfigFile(path.join(dir, 'small.conf'), { maxBytes: 10 }));
    expect(large.code).toBe('CONFIG_TOO_LARGE');
    expect(large.message).toMatch(/17 bytes, more than the limit of 10/);
    expect(catchInputError(() => parseConfigText('a = "0123456789"', FILE, { maxBytes: 10 })).code).toBe('CONFIG_TOO_LARGE');
  });

  test('a 50 MB file is refused by size before it is read', () => {
    const dir = writeTree({});
    const big = path.join(dir, 'big.conf');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const started = Date.now();
    const error = catchInputError(() => parseConfigFile(big));
    expect(error.code).toBe('CONFIG_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(200);
  });

  test('an imported file over the limit points at the from statement', () => {
    const dir = writeTree({ 'big.conf': `a = "${'x'.repeat(100)}"\n`, 'main.conf': 'from big import *\n' });
    const error = catchInputError(() => parseConfigFile(path.join(dir, 'main.conf'), { maxBytes: 50 }));
    expect(error.code).toBe('CONFIG_TOO_LARGE');
    expect(error.location).toEqual({ file: path.join(dir, 'main.conf'), line: 1, col: 1 });
  });

  test('a syntax error inside an imported file is located in that file', () => {
    const dir = writeTree({ 'broken.conf': 'x = 1\ny = [1,\n', 'main.conf': 'from broken import *\n' });
    const error = catchInputError(() => parseConfigFile(path.join(dir, 'main.conf')));
    expect(error.location).toEqual({ file: path.join(dir, 'broken.conf'), line: 2, col: 5 });
  });

  test('absurd input is refused cleanly: deep nesting, huge ints, huge format widths', () => {
    expect(errorOf(`a = ${'['.repeat(5000)}${']'.repeat(5000)}`).message).toMatch(/nested more than 400/);
    expect(errorOf(`a = ${'9'.repeat(400)}`).message).toMatch(/too large/);
    expect(errorOf('a = "%999999999s" % 1').code).toBe('CONFIG_FORMAT');
  });

  test('from without import', () => {
    expect(errorOf('from foo\n').message).toMatch(/'from' without 'import'/);
  });
});
