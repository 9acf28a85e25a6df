import type { SourceLocation } from '@compose/errors';
import { configError } from './config-error.js';
import { pythonTypeName } from './nodes.js';
import type { Node } from './nodes.js';
import { formatNumberConversion } from './format-number.js';
import type { ConversionSpec } from './format-number.js';
import { asciiOf, reprPython, strPython } from './python-repr.js';

/**
 * Python's `str % args`, which kobo applies when a string literal is followed by `%`.
 * A tuple supplies positional arguments; any other value is a single argument; a dict (or,
 * through CPython's mapping check, a list) also serves `%(key)s` lookups and silences the
 * "not all arguments converted" error.
 */
// Python allows any size; JS toFixed stops at 100 digits, and huge padding is never intended.
const MAX_FIELD = 100;

export function formatPercent(template: string, args: Node, where: SourceLocation): string {
  const fail = (message: string) =>
    configError('CONFIG_FORMAT', `%-formatting failed: ${message}`, where,
      'match the % conversions in the string with the values after %; write %% for a literal %');
  const positional = args.kind === 'tuple' ? args.items : [args];
  const mapping = args.kind === 'dict' || args.kind === 'list' ? args : undefined;
  let argIndex = 0;
  const nextArg = (): Node => {
    const arg = positional[argIndex++];
    if (arg === undefined) throw fail('not enough arguments for format string');
    return arg;
  };

  let out = '';
  let i = 0;
  while (i < template.length) {
    const percent = template.indexOf('%', i);
    if (percent === -1) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, percent);
    i = percent + 1;
    let arg: Node | undefined;
    if (template[i] === '(') {
      const close = findKeyEnd(template, i);
      if (close === -1) throw fail('incomplete format key');
      arg = lookupKey(mapping, template.slice(i + 1, close), fail);
      i = close + 1;
    }
    const spec: ConversionSpec = { left: false, plus: false, space: false, alt: false, zero: false };
    for (; i < template.length && '-+ #0'.includes(template[i] as string); i++) {
      const flag = template[i];
      if (flag === '-') spec.left = true;
      else if (flag === '+') spec.plus = true;
      else if (flag === ' ') spec.space = true;
      else if (flag === '#') spec.alt = true;
      else spec.zero = true;
    }
    [spec.width, i] = readCount(template, i, nextArg, fail);
    if (template[i] === '.') [spec.precision, i] = readCount(template, i + 1, nextArg, fail, 0);
    if ((spec.width ?? 0) > MAX_FIELD || (spec.precision ?? 0) > MAX_FIELD) throw fail(`width or precision above ${MAX_FIELD}`);
    while (i < template.length && 'hlL'.includes(template[i] as string)) i++;
    const conversion = template[i];
    if (conversion === undefined) throw fail('incomplete format');
    i++;
    if (conversion === '%') {
      out += '%';
      continue;
    }
    out += convertArgument(conversion, arg ?? nextArg(), spec, i - 1, fail);
  }
  if (argIndex < positional.length && mapping === undefined) {
    throw fail('not all arguments converted during string formatting');
  }
  return out;
}

function findKeyEnd(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === '(') depth++;
    else if (template[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

function lookupKey(mapping: Node | undefined, key: string, fail: (m: string) => Error): Node {
  if (mapping === undefined) throw fail('format requires a mapping');
  if (mapping.kind !== 'dict') throw fail(`${mapping.kind} indices must be integers or slices, not str`);
  const entry = mapping.entries.find((e) => e.key.kind === 'str' && e.key.value === key);
  if (entry === undefined) throw fail(`KeyError: '${key}' is not a key of the dict`);
  return entry.value;
}

/** Width or precision: digits, or `*` taking the next positional argument. */
function readCount(template: string, start: number, nextArg: () => Node, fail: (m: string) => Error,
  empty?: number): [number | undefined, number] {
  if (template[start] === '*') {
    const arg = nextArg();
    if (arg.kind !== 'int' && arg.kind !== 'bool') throw fail('* wants int');
    return [Number(arg.value), start + 1];
  }
  let i = start;
  while (i < template.length && /[0-9]/.test(template[i] as string)) i++;
  return [i > start ? Number(template.slice(start, i)) : empty, i];
}

function convertArgument(conversion: string, arg: Node, spec: ConversionSpec, index: number,
  fail: (m: string) => Error): string {
  if (conversion === 's' || conversion === 'r' || conversion === 'a') {
    const text = conversion === 's' ? strPython(arg) : conversion === 'r' ? reprPython(arg) : asciiOf(reprPython(arg));
    return padText(spec.precision === undefined ? text : [...text].slice(0, spec.precision).join(''), spec);
  }
  if (conversion === 'c') return padText(characterOf(arg, fail), spec);
  if ('diuxXoeEfFgG'.includes(conversion)) return formatNumberConversion(conversion, arg, spec, fail);
  const code = conversion.codePointAt(0) ?? 0;
  throw fail(`unsupported format character '${conversion}' (0x${code.toString(16)}) at index ${index}`);
}

function characterOf(arg: Node, fail: (m: string) => Error): string {
  if (arg.kind === 'str' && [...arg.value].length === 1) return arg.value;
  if (arg.kind === 'int' || arg.kind === 'bool') {
    const code = Number(arg.value);
    if (code < 0 || code > 0x10ffff) throw fail('%c arg not in range(0x110000)');
    return String.fromCodePoint(code);
  }
  throw fail(`%c requires int or char, not ${pythonTypeName(arg)}`);
}

export function padText(text: string, spec: ConversionSpec): string {
  const width = spec.width ?? 0;
  const length = [...text].length;
  if (length >= width) return text;
  const padding = ' '.repeat(width - length);
  return spec.left ? text + padding : padding + text;
}
