import type { SourceLocation } from '@compose/errors';
import { configError, describeTokenText } from './config-error.js';
import { formatPercent } from './format-percent.js';
import { relocateNode } from './nodes.js';
import type { Node } from './nodes.js';
import { readDictEntries } from './parse-dict.js';
import type { Scope } from './scope.js';
import { isOp } from './token-cursor.js';
import type { TokenCursor } from './token-cursor.js';
import type { Token } from './tokenize.js';

/** What reading a value needs: the tokens, the file for locations, and the names bound so far. */
export interface ValueContext {
  cursor: TokenCursor;
  file: string;
  scope: Scope;
}

export function locate(ctx: ValueContext, token: Token): SourceLocation {
  return { file: ctx.file, line: token.line, col: token.col };
}

/**
 * Reads the value starting at `token`, following kobo's `_get_value`. Containers never need
 * commas: kobo skips any run of commas between items, so `['a'] 'b': 1` inside a dict is
 * simply the next key, and `[1 2]` is `[1, 2]`.
 */
export function readValue(ctx: ValueContext, token: Token, keyOnly = false): Node {
  const loc = locate(ctx, token);
  if (isOp(token, '-')) {
    const number = ctx.cursor.next();
    if (number.type !== 'NUMBER') throw expected(ctx, number, 'a number after -');
    return readNumber(ctx, number, loc, true);
  }
  if (token.type === 'NUMBER') return readNumber(ctx, token, loc, false);
  if (token.type === 'STRING') return readString(ctx, token, loc);
  if (token.type === 'NAME') return readName(ctx, token, loc);
  const opensContainer = isOp(token, '{') || isOp(token, '[') || isOp(token, '(');
  if (keyOnly && opensContainer) {
    throw configError('CONFIG_SYNTAX', `a dict key must be a string, number or name, not ${describeTokenText(token.type, token.text)}`,
      loc, 'kobo only accepts basic values as dict keys');
  }
  if (isOp(token, '{')) return { kind: 'dict', entries: readDictEntries(ctx), loc };
  if (isOp(token, '[')) return { kind: 'list', items: readItems(ctx, ']'), loc };
  if (isOp(token, '(')) return { kind: 'tuple', items: readItems(ctx, ')'), loc };
  throw expected(ctx, token, 'a value');
}

/** Items of a list or tuple: `(1)` is a one-item tuple here, there is no grouping. */
function readItems(ctx: ValueContext, closer: string): Node[] {
  const items: Node[] = [];
  for (;;) {
    const token = skipCommas(ctx, ctx.cursor.next());
    if (isOp(token, closer)) return items;
    items.push(readValue(ctx, token));
  }
}

export function skipCommas(ctx: ValueContext, token: Token): Token {
  let current = token;
  while (isOp(current, ',')) current = ctx.cursor.next();
  return current;
}

/**
 * kobo strips the first and last character of the raw token and nothing else: escapes stay
 * as written and a prefix such as r'..' leaves its quote behind. A `%` right after the
 * literal (same logical line) formats it with the value that follows.
 */
function readString(ctx: ValueContext, token: Token, loc: SourceLocation): Node {
  const text = token.text.slice(1, -1);
  if (!isOp(ctx.cursor.peekRaw(), '%')) return { kind: 'str', value: text, loc };
  ctx.cursor.next();
  const args = readValue(ctx, ctx.cursor.next());
  return { kind: 'str', value: formatPercent(text, args, loc), loc };
}

/** kobo calls float() when the literal has a '.', else int(); other forms make Python raise. */
function readNumber(ctx: ValueContext, token: Token, loc: SourceLocation, negative: boolean): Node {
  const text = token.text;
  const isFloat = text.includes('.');
  if ((isFloat && /[jJ]$/.test(text)) || (!isFloat && !/^[0-9_]+$/.test(text))) {
    throw configError('CONFIG_SYNTAX', `unsupported number ${text}: kobo reads only decimal integers and floats with a '.'`,
      locate(ctx, token), 'write the number in decimal, e.g. 16 instead of 0x10 and 1000.0 instead of 1e3');
  }
  const magnitude = Number(text.replace(/_/g, ''));
  if (!isFloat && !Number.isSafeInteger(magnitude)) {
    throw configError('CONFIG_SYNTAX', `integer ${text} is too large to keep exactly (limit 2**53 - 1)`,
      locate(ctx, token), 'quote it if it is an identifier, or use a smaller number');
  }
  const value = negative ? -magnitude : magnitude;
  return isFloat ? { kind: 'float', value, loc } : { kind: 'int', value: value === 0 ? 0 : value, loc };
}

function readName(ctx: ValueContext, token: Token, loc: SourceLocation): Node {
  if (token.text === 'True' || token.text === 'False') return { kind: 'bool', value: token.text === 'True', loc };
  if (token.text === 'None') return { kind: 'none', loc };
  const bound = token.text.startsWith('_') ? undefined : ctx.scope.values.get(token.text);
  if (bound === undefined) {
    throw configError('CONFIG_UNDEFINED_NAME', `undefined name '${token.text}'`, loc,
      `define ${token.text} above this line or import it ('from FILE import ${token.text}'); quote it if it is meant as a string`);
  }
  return relocateNode(bound, loc);
}

export function expected(ctx: ValueContext, token: Token, what: string,
  hint = 'values are quoted strings, numbers, True/False/None, names defined earlier, or [..], (..), {..}'): Error {
  return configError('CONFIG_SYNTAX', `expected ${what}, found ${describeTokenText(token.type, token.text)}`,
    locate(ctx, token), hint);
}
