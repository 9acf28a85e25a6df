import type { SourceLocation } from '@compose/errors';
import { configError, describeTokenText } from './config-error.js';
import { expected, locate, readValue } from './parse-values.js';
import type { ValueContext } from './parse-values.js';
import { TokenCursor, isOp } from './token-cursor.js';
import type { Token } from './tokenize.js';
import type { Scope } from './scope.js';

/** Python keywords (3.11 keyword.kwlist): kobo refuses to bind any of them. */
const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** One `from NAME import ...` statement, for the loader to carry out. */
export interface ImportRequest {
  /** NAME exactly as kobo builds it: the token texts between `from` and `import`, joined. */
  name: string;
  /** `*` and/or the imported names. */
  names: string[];
  location: SourceLocation;
}

/**
 * Runs a file's statements into `scope`, following kobo's `_parse`: `NAME = value`,
 * `global NAME` (binds None and hands the name to imported files), and imports. Statements
 * need no newline between them, and a later binding silently replaces an earlier one.
 */
export function runStatements(tokens: readonly Token[], file: string, scope: Scope,
  runImport: (request: ImportRequest) => void): void {
  const ctx: ValueContext = { cursor: new TokenCursor(tokens), file, scope };
  let previous: Token | undefined;
  for (;;) {
    let token = ctx.cursor.next();
    if (token.type === 'NAME' && token.text === 'from') {
      runImport(readImport(ctx, token));
      previous = undefined;
      continue;
    }
    const isGlobal = token.type === 'NAME' && token.text === 'global';
    if (isGlobal) token = ctx.cursor.next();
    if (token.type === 'NAME' && KEYWORDS.has(token.text)) {
      throw configError('CONFIG_SYNTAX', `cannot assign to Python keyword '${token.text}'`, locate(ctx, token),
        'pick another variable name');
    }
    if (token.type === 'END') return;
    if (token.type !== 'NAME') throw statementStartError(ctx, token, previous);
    if (token.text.startsWith('_')) {
      throw configError('CONFIG_SYNTAX', `variable names may not start with '_' (${token.text})`, locate(ctx, token),
        'kobo reserves names starting with an underscore; rename the variable');
    }
    if (isGlobal) {
      scope.values.set(token.text, { kind: 'none', loc: locate(ctx, token) });
      scope.globals.add(token.text);
      previous = token;
      continue;
    }
    const equals = ctx.cursor.next();
    if (!isOp(equals, '=')) throw expected(ctx, equals, `'=' after ${token.text}`);
    scope.values.set(token.text, readValue(ctx, ctx.cursor.next()));
    previous = ctx.cursor.current;
  }
}

function statementStartError(ctx: ValueContext, token: Token, previous: Token | undefined): Error {
  const found = describeTokenText(token.type, token.text);
  const hint = token.type === 'STRING' && previous?.type === 'STRING'
    ? 'kobo does not join adjacent string literals; put them in one string'
    : previous !== undefined && token.line === previous.line
      ? 'the value before this ends here; a top-level value cannot continue with an operator or another value'
      : 'each statement must look like NAME = value';
  return configError('CONFIG_SYNTAX', `expected a variable name, found ${found}`, locate(ctx, token), hint);
}

/**
 * kobo glues every token between `from` and `import` into the file name (so `dummy-pungi`
 * works although it is three tokens), then reads names up to the end of the line.
 */
function readImport(ctx: ValueContext, from: Token): ImportRequest {
  let name = '';
  for (let token = ctx.cursor.next(); !(token.type === 'NAME' && token.text === 'import'); token = ctx.cursor.next()) {
    if (token.type === 'END') {
      throw configError('CONFIG_SYNTAX', "'from' without 'import'", locate(ctx, from), 'write: from FILE import *');
    }
    name += token.text;
  }
  const names: string[] = [];
  let token = ctx.cursor.next(true);
  while (token.type !== 'NEWLINE' && token.type !== 'END') {
    if (token.type !== 'NAME' && !isOp(token, '*')) throw expected(ctx, token, "a name or '*' to import");
    names.push(token.text);
    token = skipCommasOnLine(ctx, ctx.cursor.next(true));
  }
  return { name, names, location: locate(ctx, from) };
}

function skipCommasOnLine(ctx: ValueContext, token: Token): Token {
  let current = token;
  while (isOp(current, ',')) current = ctx.cursor.next(true);
  return current;
}

