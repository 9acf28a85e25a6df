import { describe, expect, test } from 'vitest';
import { errorOf, valuesOf } from './parser-helpers.js';

describe('scalars', () => {
  test('strings in single, double and triple quotes keep their text', () => {
    expect(valuesOf(`a = 'one'\nb = "two"\nc = ''\nd = "it's"`)).toEqual({ a: 'one', b: 'two', c: '', d: "it's" });
  });

  test('kobo strips only the outer character, so escapes and triple quotes stay raw', () => {
    const values = valuesOf(String.raw`a = "x\ty\"z"` + '\n' + `b = """multi\nline"""` + '\n' + String.raw`c = r'p\d'`);
    expect(values.a).toBe(String.raw`x\ty\"z`);
    expect(values.b).toBe('""multi\nline""');
    expect(values.c).toBe(String.raw`'p\d`);
  });

  test('a backslash-newline inside a string continues it and stays in the value', () => {
    expect(valuesOf("a = 'one\\\ntwo'").a).toBe('one\\\ntwo');
  });

  test('ints, floats and negatives follow int()/float() on the literal', () => {
    expect(valuesOf('a = 1\nb = -2\nc = 1.5\nd = -0.25\ne = .5\nf = 5.\ng = 1_000\nh = 1.5e3\ni = 00'))
      .toEqual({ a: 1, b: -2, c: 1.5, d: -0.25, e: 0.5, f: 5, g: 1000, h: 1500, i: 0 });
  });

  test('Python tokenizes 0777 as 0 and 777, so a list gets two items', () => {
    expect(valuesOf('a = [0777]')).toEqual({ a: [0, 777] });
  });

  test('True, False and None', () => {
    expect(valuesOf('a = True\nb = False\nc = None')).toEqual({ a: true, b: false, c: null });
  });
});

describe('containers', () => {
  test('lists and tuples become arrays, with or without trailing commas', () => {
    expect(valuesOf('a = [1,\n  2,\n  3,\n]\nb = (1, "one")\nc = ()\nd = (1, )\ne = []\nf = ("x")'))
      .toEqual({ a: [1, 2, 3], b: [1, 'one'], c: [], d: [1], e: [], f: ['x'] });
  });

  test('dicts with string, number, bool and None keys use json.dumps key strings', () => {
    expect(valuesOf("a = {\n  'foo': 'bar',\n  1: None,\n  2.5: 1,\n  None: 1,\n}\nb = {True: 0, False: 1}"))
      .toEqual({ a: { foo: 'bar', '1': null, '2.5': 1, null: 1 }, b: { true: 0, false: 1 } });
  });

  test('nested Pungi-style variant/arch options', () => {
    expect(valuesOf("x = [('^Server$', {'*': ['a', 'b'], 'src': True})]")).toEqual({ x: [['^Server$', { '*': ['a', 'b'], src: true }]] });
  });

  test('commas are optional separators: a missing comma between items is no error', () => {
    expect(valuesOf("a = {'k': ['v'] 'f': 'x',}\nb = [1 2 'three']\nc = (1 2)\nd = [,, 1,, 2,,]"))
      .toEqual({ a: { k: ['v'], f: 'x' }, b: [1, 2, 'three'], c: [1, 2], d: [1, 2] });
  });

  test('a repeated key of the same type is an error, 1 and True overwrite like Python', () => {
    expect(errorOf("a = {'x': 1, 'x': 2}").code).toBe('CONFIG_DUPLICATE_KEY');
    expect(valuesOf('a = {1: "one", True: "yes"}')).toEqual({ a: { '1': 'yes' } });
  });

  test('a dict key cannot be a container', () => {
    expect(errorOf("a = {[1]: 2}").message).toMatch(/dict key/);
  });
});

describe('names', () => {
  test('a name used as a value takes the earlier binding', () => {
    expect(valuesOf('one = 1\nanother = one\nl = [one, {"k": another}]')).toEqual({ one: 1, another: 1, l: [1, { k: 1 }] });
  });

  test('redefinition replaces the value but keeps the first position', () => {
    const values = valuesOf('a = 1\nb = 2\na = 3');
    expect(values).toEqual({ a: 3, b: 2 });
    expect(Object.keys(values)).toEqual(['a', 'b']);
  });

  test('a reference sees the value at that point, not a later redefinition', () => {
    expect(valuesOf('a = 1\nb = a\na = 2')).toEqual({ a: 2, b: 1 });
  });

  test('statements need no newline between them and may span lines', () => {
    expect(valuesOf('a = 1 b = 2\nc =\n 3\nd \\\n = 4')).toEqual({ a: 1, b: 2, c: 3, d: 4 });
  });

  test('comments are ignored anywhere, including inside containers', () => {
    expect(valuesOf("# top\na = [ # open\n  1, # one\n  # nothing\n  2]  # done\nb = '# not a comment'"))
      .toEqual({ a: [1, 2], b: '# not a comment' });
  });

  test('global NAME binds None', () => {
    expect(valuesOf('global g\nx = g')).toEqual({ g: null, x: null });
  });

  test('an empty file or one with only comments has no values', () => {
    expect(valuesOf('')).toEqual({});
    expect(valuesOf('# nothing\n\n')).toEqual({});
  });

  test('CRLF line endings parse like LF', () => {
    expect(valuesOf('a = [1,\r\n 2]\r\nb = "x"\r\n')).toEqual({ a: [1, 2], b: 'x' });
  });

  test('indented statements are fine; a dedent to an unknown column is not', () => {
    expect(valuesOf('a = 1\n    b = 2\nc = 3')).toEqual({ a: 1, b: 2, c: 3 });
    expect(errorOf('    a = 1\n  b = 2').message).toMatch(/unindent/);
  });
});

describe('what kobo refuses', () => {
  test('adjacent string literals are not joined at top level', () => {
    const error = errorOf("a = 'x' 'y'");
    expect(error.message).toMatch(/expected a variable name, found string 'y'/);
    expect(error.hint).toMatch(/adjacent string/);
  });

  test('inside a list adjacent strings are two items', () => {
    expect(valuesOf("a = ['x' 'y']")).toEqual({ a: ['x', 'y'] });
  });

  test('hex, exponent-only and complex literals fail like int()/float() do', () => {
    expect(errorOf('a = 0x10').message).toMatch(/unsupported number 0x10/);
    expect(errorOf('a = 1e3').message).toMatch(/unsupported number/);
    expect(errorOf('a = 1.5j').message).toMatch(/unsupported number/);
  });

  test('assigning to a keyword, an underscore name or missing the =', () => {
    expect(errorOf('if = 1').message).toMatch(/keyword 'if'/);
    expect(errorOf('True = 1').message).toMatch(/keyword 'True'/);
    expect(errorOf('_x = 1').message).toMatch(/underscore|'_'/);
    expect(errorOf('a 1').message).toMatch(/expected '=' after a/);
  });

  test('expressions other than % are not values', () => {
    expect(errorOf('a = 1 + 2').message).toMatch(/expected a variable name, found '\+'/);
    expect(errorOf('a = -b').message).toMatch(/expected a number after -/);
    expect(errorOf('a = ;').message).toMatch(/expected a value, found ';'/);
  });
});
