import { describe, expect, test } from 'vitest';
import { errorOf, valuesOf } from './parser-helpers.js';

// Expected strings were produced by CPython 3.11's `str % args`.
describe('% formatting', () => {
  test('the forms the Pungi docs show: tuple args and a dict', () => {
    const values = valuesOf([
      'var_a = "a"', 'var_b = 2', 'joined = "%s %s" % (var_a, var_b)',
      'a_dict = {"fst": 1, "snd": 2}', 'another = "%(fst)s %(snd)s" % a_dict',
    ].join('\n'));
    expect(values.joined).toBe('a 2');
    expect(values.another).toBe('1 2');
  });

  test('a single non-tuple argument, literal or name', () => {
    expect(valuesOf('a = "v%s" % 1\nb = "%s!" % a\nc = "%d" % -3\nd = "%s" % "x"')).toEqual({ a: 'v1', b: 'v1!', c: '-3', d: 'x' });
  });

  test('containers print as Python repr', () => {
    const values = valuesOf([
      `a = "%s" % ([1, 'a', None, True, 1.5],)`,
      `b = "%s" % ({'k': (1,), 2: [1.0]},)`,
      `c = "%r" % ([(1, 2), {}],)`,
    ].join('\n'));
    expect(values.a).toBe("[1, 'a', None, True, 1.5]");
    expect(values.b).toBe("{'k': (1,), 2: [1.0]}");
    expect(values.c).toBe('[(1, 2), {}]');
  });

  test('a list argument is a single value, and like a dict it silences the unused-argument error', () => {
    expect(valuesOf('a = "%s" % [1, 2]\nb = "hello" % [1]\nc = "hello" % {"a": 1}')).toEqual({ a: '[1, 2]', b: 'hello', c: 'hello' });
  });

  test('flags, width, precision and numeric conversions', () => {
    const values = valuesOf([
      `a = "%5s|%-5s|" % ("ab", "cd")`,
      `b = "%05d|%+d|% d|%x|%#X|%o|%#o" % (42, 5, 5, 255, 255, 8, 8)`,
      `c = "%.2f|%e|%g|%g|%g|%G|%.3g" % (3.14159, 12345.678, 0.0001, 0.00001, 123456789.0, 100000000000000000000.0, 2.0)`,
      `d = "%d|%d|%i|%c%c|100%%|%.1s" % (3.9, -3.9, True, 65, "b", "abc")`,
      `e = "%*d|%-*d|" % (4, 1, 4, 2)`,
      `f = "%.0f|%.2f|%#g|%g|%g|%s|%s|%s" % (2.5, 0.125, 1.0, 100000.0, 1000000.0, 0.1, 0.00001, -0.0)`,
      `g = "%r|%r" % ("it's", 'a"b')`,
    ].join('\n'));
    expect(values.a).toBe('   ab|cd   |');
    expect(values.b).toBe('00042|+5| 5|ff|0XFF|10|0o10');
    expect(values.c).toBe('3.14|1.234568e+04|0.0001|1e-05|1.23457e+08|1E+20|2');
    expect(values.d).toBe('3|-3|1|Ab|100%|a');
    expect(values.e).toBe('   1|2   |');
    expect(values.f).toBe('2|0.12|1.00000|100000|1e+06|0.1|1e-05|-0.0');
    expect(values.g).toBe(`"it's"|'a"b'`);
  });

  test('% binds to the value right after it; a string there formats first (right to left)', () => {
    expect(valuesOf('a = "<%s>" % "[%s]" % "x"').a).toBe('<[x]>');
  });

  test('the template keeps kobo raw escapes: %% is the only special sequence', () => {
    expect(valuesOf(String.raw`a = "%s\n" % 1`).a).toBe(String.raw`1\n`);
  });

  test('a % on the next line does not format (kobo peeks at the very next token)', () => {
    expect(errorOf('a = "%s"\n% 1').message).toMatch(/expected a variable name, found '%'/);
  });

  test('formatting works for dict keys and list items too', () => {
    expect(valuesOf('v = "1"\na = {"k%s" % v: ["i%s" % v]}')).toEqual({ v: '1', a: { k1: ['i1'] } });
  });

  test.each([
    ['"%s %s" % ("a",)', 'not enough arguments for format string'],
    ['"%s" % ("a", "b")', 'not all arguments converted during string formatting'],
    ['"x" % 5', 'not all arguments converted'],
    ['"%(a)s" % ("a",)', 'format requires a mapping'],
    ['"%(z)s" % {"a": 1}', "KeyError: 'z'"],
    ['"%d" % "x"', '%d format: a real number is required, not str'],
    ['"%x" % 1.5', '%x format: an integer is required, not float'],
    ['"%q" % 1', "unsupported format character 'q' (0x71) at index 1"],
    ['"%" % 1', 'incomplete format'],
    ['"%(a)s" % [1]', 'list indices must be integers'],
  ])('%s fails like Python: %s', (expression, message) => {
    const error = errorOf(`a = ${expression}`);
    expect(error.code).toBe('CONFIG_FORMAT');
    expect(error.message).toContain(message);
    expect(error.location).toEqual({ file: '/virtual/test.conf', line: 1, col: 5 });
  });
});
