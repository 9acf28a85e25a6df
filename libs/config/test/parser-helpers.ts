import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { InputError } from '@compose/errors';
import { parseConfigText } from '../src/index.js';
import type { ConfigValue } from '../src/index.js';

/** Parses a snippet as /virtual/test.conf and returns its values. */
export function valuesOf(text: string): Readonly<Record<string, ConfigValue>> {
  return parseConfigText(text, '/virtual/test.conf').values;
}

/** Writes files into a fresh temp dir and returns the dir. */
export function writeTree(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'compose-parser-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Runs `fn`, asserts it throws an InputError and returns it. */
export function catchInputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

export function errorOf(text: string): InputError {
  return catchInputError(() => parseConfigText(text, '/virtual/test.conf'));
}
