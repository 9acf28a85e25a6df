import { configError } from './config-error.js';
import { isSameTypedKey, jsonKeyOf, pythonEquals } from './nodes.js';
import type { DictEntry, Node } from './nodes.js';
import { expected, locate, readValue, skipCommas } from './parse-values.js';
import type { ValueContext } from './parse-values.js';
import { formatPythonFloat, reprPython } from './python-repr.js';
import { isOp } from './token-cursor.js';

/**
 * Reads `key: value` pairs up to `}` with kobo's rules: commas are optional separators, a key
 * repeated with the same type is an error, and a key equal only across types (1 and True)
 * overwrites the first one's value as a Python dict would.
 */
export function readDictEntries(ctx: ValueContext): DictEntry[] {
  const entries: DictEntry[] = [];
  for (;;) {
    const token = skipCommas(ctx, ctx.cursor.next());
    if (isOp(token, '}')) return entries;
    const key = readValue(ctx, token, true);
    checkKeyType(key);
    const colon = ctx.cursor.next();
    if (!isOp(colon, ':')) throw expected(ctx, colon, `':' after dict key ${reprPython(key)}`);
    const value = readValue(ctx, ctx.cursor.next());
    addEntry(entries, key, value, locate(ctx, token));
  }
}

function checkKeyType(key: Node): void {
  if (jsonKeyOf(key, formatPythonFloat) !== undefined) return;
  throw configError('CONFIG_SYNTAX', `a ${key.kind} cannot be a dict key`, key.loc,
    'use a string, number, True/False or None as the key');
}

function addEntry(entries: DictEntry[], key: Node, value: Node, where: Node['loc']): void {
  if (entries.some((entry) => isSameTypedKey(entry.key, key))) {
    throw configError('CONFIG_DUPLICATE_KEY', `duplicate dict key ${reprPython(key)}`, where,
      'each key may appear once in a dict; remove or rename one of them');
  }
  const equal = entries.find((entry) => pythonEquals(entry.key, key));
  if (equal !== undefined) {
    equal.value = value;
    return;
  }
  const jsonKey = jsonKeyOf(key, formatPythonFloat);
  const clash = entries.find((entry) => jsonKeyOf(entry.key, formatPythonFloat) === jsonKey);
  if (clash !== undefined) {
    throw configError('CONFIG_DUPLICATE_KEY',
      `dict keys ${reprPython(clash.key)} and ${reprPython(key)} both become "${jsonKey}" in the JSON dump`, where,
      'use one key type consistently');
  }
  entries.push({ key, value });
}
