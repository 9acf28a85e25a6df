import { readFileSync, statSync } from 'node:fs';
import type { SourceLocation } from '@compose/errors';
import { configError } from './config-error.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Reads a config file after checking with stat that it is a regular file of sane size, so a
 * huge file or a device is refused before anything is read. `importedAt` is where a `from`
 * statement asked for the file; errors then point there.
 */
export function readConfigSource(file: string, maxBytes: number, importedAt?: SourceLocation): string {
  const where = importedAt ?? { file };
  const prefix = importedAt ? 'imported config file' : 'config file';
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      throw configError('CONFIG_NOT_A_FILE', `${prefix} ${file} is a directory`, where, 'give the path of a .conf file');
    }
    if (!stat.isFile()) {
      throw configError('CONFIG_NOT_A_FILE', `${prefix} ${file} is not a regular file`, where, 'give the path of a .conf file');
    }
    size = stat.size;
  } catch (error) {
    throw asReadError(error, file, where, prefix);
  }
  checkSize(size, maxBytes, file, where);
  try {
    return decodeConfigBytes(readFileSync(file), file);
  } catch (error) {
    throw asReadError(error, file, where, prefix);
  }
}

export function checkSize(size: number, maxBytes: number, file: string, where: SourceLocation): void {
  if (size <= maxBytes) return;
  throw configError('CONFIG_TOO_LARGE', `config file ${file} is ${size} bytes, more than the limit of ${maxBytes}`,
    where, 'a Pungi config is a few kilobytes; check that this is the right file');
}

function asReadError(error: unknown, file: string, where: SourceLocation, prefix: string): Error {
  if (error instanceof Error && 'exitCode' in error) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return configError(importedAt(where, file) ? 'CONFIG_IMPORT_NOT_FOUND' : 'CONFIG_NOT_FOUND',
      `${prefix} ${file} does not exist`, where,
      importedAt(where, file) ? 'imports name a sibling file without the .conf suffix' : 'check the path');
  }
  const reason = error instanceof Error ? error.message : String(error);
  return configError('CONFIG_UNREADABLE', `cannot read ${prefix} ${file}: ${reason}`, where, 'check the file permissions');
}

function importedAt(where: SourceLocation, file: string): boolean {
  return where.file !== file;
}

/** Decodes UTF-8 strictly: NUL bytes or invalid sequences mean this is not a config file. */
export function decodeConfigBytes(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  const bad = nul !== -1 ? nul : findInvalidUtf8(bytes);
  if (bad !== -1) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lines = before.split(/\r\n|\r|\n/);
    const location = { file, line: lines.length, col: (lines[lines.length - 1] ?? '').length + 1 };
    const what = nul !== -1 ? 'a NUL byte' : `invalid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')})`;
    throw configError('CONFIG_NOT_TEXT', `config file contains ${what}; it does not look like a text file`, location,
      'config files must be UTF-8 text; check that the path names the right file');
  }
  return normalizeText(new TextDecoder('utf-8').decode(bytes));
}

/** Python reads files with universal newlines; a leading BOM is dropped. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Byte offset of the first malformed UTF-8 sequence, or -1. */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3
      : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1] ?? 0;
    // Overlong 3/4-byte forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f)
      || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}
