import { InputError } from '@compose/errors';
import type { SourceLocation } from '@compose/errors';

/**
 * Every parser failure is bad input (exit 2) that must point at a file position, so the
 * parser builds its errors through this one constructor instead of throwing raw exceptions.
 */
export function configError(code: string, message: string, location: SourceLocation, hint?: string): InputError {
  return new InputError(code, message, { location: { ...location }, hint });
}

/** Names a token the way a user sees it in an error message. */
export function describeTokenText(type: string, text: string): string {
  if (type === 'END') return 'end of file';
  if (type === 'NEWLINE') return 'end of line';
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  if (type === 'STRING') return `string ${shown}`;
  if (type === 'NUMBER') return `number ${shown}`;
  if (type === 'NAME') return `name '${shown}'`;
  return `'${shown}'`;
}
