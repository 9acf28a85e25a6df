import { ComposeError, EXIT_FAILED, EXIT_INTERRUPTED, InterruptedError, type ExitCode } from './compose-error.js';
import { describeError, formatErrorLines } from './format-error.js';

export interface BoundaryOptions {
  /** Program name used as prefix on error lines. */
  program: string;
  /** When true, errors are also written to stdout as `{"ok":false,"error":{...}}`. */
  json?: () => boolean;
  /** Show stack traces of unexpected errors (COMPOSE_DEBUG=1 also does). */
  debug?: boolean;
}

/**
 * The one place an executable turns errors into exit codes. Expected errors print as
 * `program: message` lines without a stack; anything else is an internal bug and says so.
 */
export async function runWithBoundary(main: (signal: AbortSignal) => Promise<ExitCode>, options: BoundaryOptions): Promise<never> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort(new InterruptedError(signal));
  };
  // A reader that stops early (`| head`) closes the pipe: that is not a failure of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // Progress on stderr is only for people: a closed log pipe must not stop a compose half-way.
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let code: ExitCode;
  try {
    code = await main(controller.signal);
  } catch (error) {
    code = reportError(error, options);
  }
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  // Let stdout/stderr drain before exiting so piped output is complete.
  process.exitCode = code;
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}

export function reportError(error: unknown, options: BoundaryOptions): ExitCode {
  const debug = options.debug ?? process.env['COMPOSE_DEBUG'] === '1';
  if (options.json?.()) process.stdout.write(`${JSON.stringify({ ok: false, error: describeError(error) })}\n`);
  if (error instanceof ComposeError) {
    for (const line of formatErrorLines(error)) process.stderr.write(`${options.program}: ${line}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error instanceof InterruptedError ? EXIT_INTERRUPTED : error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${options.program}: internal error: ${message}\n`);
  process.stderr.write(`${options.program}: this is a bug in compose; rerun with COMPOSE_DEBUG=1 for a stack trace\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_FAILED;
}
