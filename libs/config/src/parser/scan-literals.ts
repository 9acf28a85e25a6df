import type { SourceLocation } from '@compose/errors';
import { configError } from './config-error.js';

/**
 * Number and string literal scanning with Python's tokenize rules, which decide token
 * boundaries kobo relies on (e.g. `0777` is the two tokens `0` and `777`).
 */
const DIGITS = '[0-9](?:_?[0-9])*';
const EXPONENT = `[eE][-+]?${DIGITS}`;
const POINT_FLOAT = `(?:${DIGITS}\\.(?:${DIGITS})?|\\.${DIGITS})(?:${EXPONENT})?`;
const FLOAT = `(?:${POINT_FLOAT}|${DIGITS}${EXPONENT})`;
const IMAGINARY = `(?:${DIGITS}[jJ]|${FLOAT}[jJ])`;
const INTEGER = `(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?0)*|[1-9](?:_?[0-9])*)`;
// Alternation order matters as in Python: the first alternative that matches wins.
const NUMBER = new RegExp(`${IMAGINARY}|${FLOAT}|${INTEGER}`, 'y');
const STRING_START = /(?:[bB][rR]?|[rR][bBfF]?|[uU]|[fF][rR]?)?('''|"""|'|")/y;

/** End index of the number literal starting at `start` (caller saw a digit or `.digit`). */
export function scanNumber(source: string, start: number): number {
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(source);
  return start + (match ? match[0].length : 1);
}

export function startsString(source: string, start: number): boolean {
  STRING_START.lastIndex = start;
  return STRING_START.test(source);
}

export interface ScannedString {
  end: number;
  newlines: number;
  lastLineStart: number;
}

/**
 * Finds the end of the string literal at `start`. A backslash always protects the next
 * character (including a newline); a bare newline ends a single-quoted string unterminated.
 */
export function scanString(source: string, start: number, where: SourceLocation): ScannedString {
  STRING_START.lastIndex = start;
  const match = STRING_START.exec(source);
  const quote = match?.[1] ?? '"';
  const triple = quote.length === 3;
  let i = start + (match?.[0].length ?? 1);
  let newlines = 0;
  let lastLineStart = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') {
      if (source[i + 1] === '\n') {
        newlines++;
        lastLineStart = i + 2;
      }
      i += 2;
    } else if (source.startsWith(quote, i)) {
      return { end: i + quote.length, newlines, lastLineStart };
    } else if (ch === '\n') {
      if (!triple) break;
      newlines++;
      i++;
      lastLineStart = i;
    } else {
      i++;
    }
  }
  const kind = triple ? 'triple-quoted string' : 'string';
  throw configError('CONFIG_UNTERMINATED_STRING', `unterminated ${kind}: no closing ${quote}`, where,
    triple ? `add the closing ${quote}` : `close the string with ${quote} on the same line`);
}
