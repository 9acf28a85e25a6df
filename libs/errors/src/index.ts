export {
  ComposeError,
  InputError,
  InputErrors,
  FailedError,
  NotImplementedError,
  InterruptedError,
  isComposeError,
  EXIT_OK,
  EXIT_FAILED,
  EXIT_BAD_INPUT,
  EXIT_INTERRUPTED,
} from './compose-error.js';
export type { ExitCode, SourceLocation, ComposeErrorOptions } from './compose-error.js';
export { formatErrorLines, formatLocation, describeError } from './format-error.js';
export { runWithBoundary, reportError } from './error-boundary.js';
export type { BoundaryOptions } from './error-boundary.js';
