import path from 'node:path';
import { configError } from './config-error.js';
import { checkImportCycle, mergeImport, resolveImportPath } from './imports.js';
import { runStatements } from './parse-statements.js';
import type { ImportRequest } from './parse-statements.js';
import { buildParsedConfig } from './parsed-config.js';
import { DEFAULT_MAX_BYTES, checkSize, normalizeText, readConfigSource } from './read-source.js';
import { Scope } from './scope.js';
import { tokenizeConfig } from './tokenize.js';
import type { ParsedConfig } from './types.js';

export interface ParseOptions {
  /** Largest file (main or imported) accepted, in bytes; default 10 MiB. */
  maxBytes?: number;
}

interface LoadState {
  maxBytes: number;
  /** Every file read, main first, without repeats. */
  files: string[];
  /** Files currently being evaluated, outermost first: the import stack. */
  chain: string[];
}

/** Parses a Pungi config file and the files it imports, the way kobo's PyConfigParser does. */
export function parseConfigFile(file: string, options: ParseOptions = {}): ParsedConfig {
  const absolute = path.resolve(file);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return evaluateMain(readConfigSource(absolute, maxBytes), absolute, maxBytes);
}

/** Parses config text as if read from `file`; imports resolve relative to its directory. */
export function parseConfigText(text: string, file: string, options: ParseOptions = {}): ParsedConfig {
  const absolute = path.resolve(file);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  checkSize(Buffer.byteLength(text, 'utf8'), maxBytes, absolute, { file: absolute });
  rejectNul(text, absolute);
  return evaluateMain(normalizeText(text), absolute, maxBytes);
}

function evaluateMain(source: string, file: string, maxBytes: number): ParsedConfig {
  const state: LoadState = { maxBytes, files: [file], chain: [file] };
  const scope = new Scope();
  evaluateSource(source, file, scope, state);
  return buildParsedConfig(file, state.files, scope.values);
}

function evaluateSource(source: string, file: string, scope: Scope, state: LoadState): void {
  const tokens = tokenizeConfig(source, file);
  runStatements(tokens, file, scope, (request) => runImport(request, file, scope, state));
}

function runImport(request: ImportRequest, file: string, scope: Scope, state: LoadState): void {
  const target = resolveImportPath(file, request);
  checkImportCycle(state.chain, target, request);
  const source = readConfigSource(target, state.maxBytes, request.location);
  if (!state.files.includes(target)) state.files.push(target);
  const imported = scope.createImportScope();
  state.chain.push(target);
  try {
    evaluateSource(source, target, imported, state);
  } finally {
    state.chain.pop();
  }
  mergeImport(scope, imported, request, target);
}

function rejectNul(text: string, file: string): void {
  const index = text.indexOf('\0');
  if (index === -1) return;
  const lines = text.slice(0, index).split(/\r\n|\r|\n/);
  throw configError('CONFIG_NOT_TEXT', 'config text contains a NUL byte; it does not look like a text file',
    { file, line: lines.length, col: (lines[lines.length - 1] ?? '').length + 1 },
    'config files must be UTF-8 text; check that the path names the right file');
}
