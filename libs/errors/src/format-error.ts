import { ComposeError, InputErrors, type SourceLocation } from './compose-error.js';

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.col !== undefined) text += `:${location.col}`;
  }
  return text;
}

/** One line per problem, `FILE:LINE:COL: message (hint)`; the form editors and CI logs understand. */
export function formatErrorLines(error: ComposeError): string[] {
  if (error instanceof InputErrors) return error.problems.flatMap((p) => formatErrorLines(p));
  // A message that already names the file (and no line to add) needs no location prefix.
  const redundant = error.location && error.location.line === undefined && error.message.includes(error.location.file);
  const prefix = error.location && !redundant ? `${formatLocation(error.location)}: ` : '';
  const hint = error.hint ? ` (${error.hint})` : '';
  return [`${prefix}${error.message}${hint}`];
}

/** A JSON-able description of an error for --json summaries. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof InputErrors) {
    return { code: error.code, message: error.message, problems: error.problems.map((p) => describeError(p)) };
  }
  if (error instanceof ComposeError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.hint ? { hint: error.hint } : {}),
      ...(error.location ? { location: error.location } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
