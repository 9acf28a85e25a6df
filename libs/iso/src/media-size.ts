import { InputError } from '@compose/errors';

const MULTIPLIERS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * Reads a media size as Pungi's convert_media_size does: a number of bytes, or a string of
 * digits with an optional K/M/G suffix (binary units). `option` names the setting in errors.
 */
export function convertMediaSize(value: unknown, option: string): number {
  let size: number;
  if (typeof value === 'number') size = value;
  else if (typeof value === 'string') {
    const match = /^\s*(\d+)\s*([KkMmGg])?\s*$/.exec(value);
    if (!match) throw new InputError('MEDIA_SIZE', `${option}: cannot read "${value}" as a size`, { hint: 'use bytes or digits with a K, M or G suffix, e.g. 4700000000 or 4400M' });
    size = Number(match[1]) * (match[2] ? MULTIPLIERS[match[2].toLowerCase()]! : 1);
  } else {
    throw new InputError('MEDIA_SIZE', `${option}: expected a number or a string, got ${JSON.stringify(value)}`);
  }
  if (!Number.isFinite(size) || size <= 0) throw new InputError('MEDIA_SIZE', `${option}: media size must be a positive number, got ${String(value)}`);
  return Math.trunc(size);
}
