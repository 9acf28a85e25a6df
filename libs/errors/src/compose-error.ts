/** Exit codes every executable uses: 0 ok, 1 failed, 2 bad input or usage, 130 interrupted. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERRUPTED = 130;

export type ExitCode = typeof EXIT_OK | typeof EXIT_FAILED | typeof EXIT_BAD_INPUT | typeof EXIT_INTERRUPTED;

/** Where in an input file a problem is; line and column are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  col?: number;
}

export interface ComposeErrorOptions {
  /** How to fix it, shown after the message. */
  hint?: string;
  location?: SourceLocation;
  cause?: unknown;
}

/**
 * Base of every error we raise on purpose. `code` is a stable machine-readable identifier
 * (shown in --json output), `exitCode` decides what the executable exits with.
 */
export class ComposeError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;
  readonly location: SourceLocation | undefined;

  constructor(code: string, message: string, exitCode: ExitCode, options: ComposeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.hint = options.hint;
    this.location = options.location;
  }
}

/** The user's input (file, manifest, argument, repo) is wrong: exit 2. */
export class InputError extends ComposeError {
  constructor(code: string, message: string, options: ComposeErrorOptions = {}) {
    super(code, message, EXIT_BAD_INPUT, options);
  }
}

/** Several input problems found in one pass (e.g. config validation): exit 2, one line each. */
export class InputErrors extends ComposeError {
  readonly problems: readonly InputError[];
  constructor(problems: readonly InputError[], summary?: string) {
    super('INPUT_PROBLEMS', summary ?? `${problems.length} problem(s) found`, EXIT_BAD_INPUT);
    this.problems = problems;
  }
}

/** The work itself failed (a phase, an external tool): exit 1. */
export class FailedError extends ComposeError {
  constructor(code: string, message: string, options: ComposeErrorOptions = {}) {
    super(code, message, EXIT_FAILED, options);
  }
}

/** A capability that is designed but not built: fails loudly instead of pretending. */
export class NotImplementedError extends ComposeError {
  constructor(what: string, hint?: string) {
    super('NOT_IMPLEMENTED', `${what} is not implemented`, EXIT_BAD_INPUT, { hint });
  }
}

/** Raised when SIGINT/SIGTERM stops the work. */
export class InterruptedError extends ComposeError {
  constructor(signal: string) {
    super('INTERRUPTED', `interrupted by ${signal}`, EXIT_INTERRUPTED);
  }
}

export function isComposeError(value: unknown): value is ComposeError {
  return value instanceof ComposeError;
}
