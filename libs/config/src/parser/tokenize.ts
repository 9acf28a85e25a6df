import type { SourceLocation } from '@compose/errors';
import { configError } from './config-error.js';
import { scanNumber, scanString, startsString } from './scan-literals.js';

/**
 * A token as kobo sees it through Python's `tokenize` module. Comments, INDENT and DEDENT are
 * dropped because kobo skips them; NL and NEWLINE both become NEWLINE because kobo only ever
 * tests for "either of them". `text` is the raw source text (a STRING keeps quotes and prefix).
 */
export interface Token {
  type: 'NAME' | 'NUMBER' | 'STRING' | 'OP' | 'NEWLINE' | 'END';
  text: string;
  line: number;
  col: number;
}

// Python's exact operator tokens, longest first so `**=` wins over `**` and `*`.
const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=',
  '<<', '<=', '==', '>=', '>>', '@=', '^=', '|=', '%', '&', '(', ')', '*', '+', ',', '-', '.', '/', ':',
  ';', '<', '=', '>', '@', '[', ']', '^', '{', '|', '}', '~',
];
const OPERATORS_BY_FIRST = new Map<string, string[]>();
for (const op of OPERATORS) OPERATORS_BY_FIRST.set(op[0] as string, [...(OPERATORS_BY_FIRST.get(op[0] as string) ?? []), op]);
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const TAB_SIZE = 8;
// kobo recurses per nesting level and Python stops it near 1000 frames; we stop earlier, cleanly.
const MAX_NESTING = 400;

interface OpenBracket {
  char: string;
  line: number;
  col: number;
}

/** Splits config text (newlines already normalised to \n) into kobo's view of Python tokens. */
export function tokenizeConfig(source: string, file: string): Token[] {
  const tokens: Token[] = [];
  const brackets: OpenBracket[] = [];
  const indents = [0];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let atLineStart = true;
  let continued = false;
  const here = (index: number): SourceLocation => ({ file, line, col: index - lineStart + 1 });
  const push = (type: Token['type'], start: number, end: number): void => {
    tokens.push({ type, text: source.slice(start, end), line, col: start - lineStart + 1 });
  };

  while (i < source.length) {
    if (atLineStart) {
      atLineStart = false;
      if (brackets.length === 0 && !continued) checkIndentation(source, i, indents, here);
      continued = false;
    }
    const ch = source[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\f') {
      i++;
    } else if (ch === '\n') {
      push('NEWLINE', i, i + 1);
      i++;
      line++;
      lineStart = i;
      atLineStart = true;
    } else if (ch === '#') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end;
    } else if (ch === '\\' && source[i + 1] === '\n') {
      i += 2;
      line++;
      lineStart = i;
      atLineStart = true;
      continued = true;
    } else if (isDigit(ch) || (ch === '.' && isDigit(source[i + 1]))) {
      const end = scanNumber(source, i);
      push('NUMBER', i, end);
      i = end;
    } else if (startsString(source, i)) {
      const scanned = scanString(source, i, here(i));
      push('STRING', i, scanned.end);
      if (scanned.newlines > 0) {
        line += scanned.newlines;
        lineStart = scanned.lastLineStart;
      }
      i = scanned.end;
    } else if (OPERATORS_BY_FIRST.has(ch) && readOperator(source, i) !== undefined) {
      const op = readOperator(source, i) as string;
      trackBracket(op, brackets, here(i));
      push('OP', i, i + op.length);
      i += op.length;
    } else {
      NAME.lastIndex = i;
      const match = NAME.exec(source);
      if (!match) throw unexpectedCharacter(source, i, here(i));
      push('NAME', i, i + match[0].length);
      i += match[0].length;
    }
  }
  finishTokens(tokens, brackets, continued, here(i), line, i - lineStart + 1);
  return tokens;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function readOperator(source: string, index: number): string | undefined {
  return OPERATORS_BY_FIRST.get(source[index] as string)?.find((op) => source.startsWith(op, index));
}

function trackBracket(op: string, brackets: OpenBracket[], where: SourceLocation): void {
  if (op === '(' || op === '[' || op === '{') {
    if (brackets.length >= MAX_NESTING) {
      throw configError('CONFIG_SYNTAX', `brackets nested more than ${MAX_NESTING} levels deep`, where,
        'flatten the value; real configs nest a few levels');
    }
    brackets.push({ char: op, line: where.line ?? 0, col: where.col ?? 0 });
    return;
  }
  const opener = CLOSERS[op];
  if (opener === undefined) return;
  const open = brackets.pop();
  if (open === undefined) {
    throw configError('CONFIG_UNBALANCED', `unbalanced bracket: '${op}' closes nothing`, where,
      'remove it or add the matching opening bracket');
  }
  if (open.char !== opener) {
    throw configError('CONFIG_UNBALANCED',
      `unbalanced bracket: '${op}' does not match '${open.char}' opened at line ${open.line}, column ${open.col}`,
      where, `close '${open.char}' before '${op}'`);
  }
}

/** Python refuses a dedent to a column that no enclosing block used; kobo inherits that. */
function checkIndentation(source: string, start: number, indents: number[], here: (i: number) => SourceLocation): void {
  let column = 0;
  let i = start;
  for (; i < source.length; i++) {
    const ch = source[i];
    if (ch === ' ') column++;
    else if (ch === '\t') column = (Math.floor(column / TAB_SIZE) + 1) * TAB_SIZE;
    else if (ch === '\f') column = 0;
    else break;
  }
  const next = source[i];
  if (next === undefined || next === '#' || next === '\n') return;
  if (column > (indents[indents.length - 1] ?? 0)) {
    indents.push(column);
    return;
  }
  while (column < (indents[indents.length - 1] ?? 0)) indents.pop();
  if (column !== indents[indents.length - 1]) {
    throw configError('CONFIG_SYNTAX', 'unindent does not match any outer indentation level', here(i),
      'indent this line like an earlier one, or start it in column 1');
  }
}

function finishTokens(tokens: Token[], brackets: OpenBracket[], continued: boolean, end: SourceLocation,
  line: number, col: number): void {
  const open = brackets[brackets.length - 1];
  if (open !== undefined) {
    throw configError('CONFIG_UNBALANCED',
      `unbalanced bracket: '${open.char}' opened here is never closed`,
      { file: end.file, line: open.line, col: open.col }, `add the closing bracket for this '${open.char}'`);
  }
  if (continued) {
    throw configError('CONFIG_SYNTAX', 'file ends right after a line-continuation backslash', end,
      'remove the trailing backslash');
  }
  // Python's tokenize always ends the last logical line, so `from x import *` needs no final newline.
  if (tokens.length > 0 && tokens[tokens.length - 1]?.type !== 'NEWLINE') {
    tokens.push({ type: 'NEWLINE', text: '', line, col });
  }
  tokens.push({ type: 'END', text: '', line, col });
}

function unexpectedCharacter(source: string, index: number, where: SourceLocation) {
  const ch = String.fromCodePoint(source.codePointAt(index) ?? 0);
  const code = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const shown = /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) ? `'${ch}' (${code})` : code;
  return configError('CONFIG_SYNTAX', `unexpected character ${shown}`, where,
    ch === '\\' ? 'a backslash is only allowed at the very end of a line or inside a string'
      : 'config files hold Python-like assignments; check for a stray character or a binary file');
}
