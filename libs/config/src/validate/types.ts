import type { InputError, SourceLocation } from '@compose/errors';
import type { ConfigPath } from '../parser/types.js';

/** A problem found before it is located in the file. */
export interface ConfigIssue {
  code: string;
  path: ConfigPath;
  message: string;
  hint?: string;
}

/** Something worth telling the user that does not stop the compose (Pungi's WARNING lines). */
export interface ConfigWarning {
  message: string;
  location?: SourceLocation;
}

export interface ValidateOptions {
  /** Pungi only warns about unknown options; we refuse them unless this is "warning". */
  unknownOptions?: 'error' | 'warning';
}

export interface ValidationResult {
  /** The values with Pungi's defaults filled in, top-level keys sorted as Pungi dumps them. */
  config: Record<string, unknown>;
  problems: InputError[];
  warnings: ConfigWarning[];
}
