import { InputError, InputErrors, type SourceLocation } from '@compose/errors';
import type { ConfigPath, ParsedConfig } from '../parser/types.js';
import { getConfigValidator } from './compile-schema.js';
import { describeSchemaErrors } from './schema-problems.js';
import { applyRenamedKeys } from './renamed-keys.js';
import { checkSemantics } from './semantic.js';
import type { ConfigIssue, ConfigWarning, ValidateOptions, ValidationResult } from './types.js';

/**
 * Where to point at: the value's own location, else the start of the main file (an option that
 * is missing has no place of its own, and the one-line-per-problem format needs a line).
 */
function locate(parsed: ParsedConfig, path: ConfigPath): SourceLocation {
  const found = path.length > 0 ? parsed.locationOf(path) : undefined;
  return found ?? { file: parsed.file, line: 1, col: 1 };
}

function toInputError(parsed: ParsedConfig, issue: ConfigIssue): InputError {
  return new InputError(issue.code, issue.message, { hint: issue.hint, location: locate(parsed, issue.path) });
}

function toWarning(parsed: ParsedConfig, issue: ConfigIssue): ConfigWarning {
  return { message: issue.message, location: locate(parsed, issue.path) };
}

/** Top-level keys in name order, as Pungi writes its config dumps. */
function sortTopLevel(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(config).sort().map((key) => [key, config[key]]));
}

/**
 * Check a parsed config the way Pungi does: old spellings first, then the JSON Schema (which
 * also fills in defaults), then the relations between options. Never throws for bad input;
 * every problem comes back located in the file that holds it.
 */
export function validateConfig(parsed: ParsedConfig, options: ValidateOptions = {}): ValidationResult {
  const config = structuredClone(parsed.values) as Record<string, unknown>;
  const renamed = applyRenamedKeys(config);

  const validate = getConfigValidator();
  validate(config);
  const schemaIssues = describeSchemaErrors(validate.errors ?? [], config);

  const unknownAreWarnings = options.unknownOptions === 'warning';
  const isDemoted = (issue: ConfigIssue) => unknownAreWarnings && issue.code === 'CONFIG_UNKNOWN_OPTION';
  const problems = [...renamed.problems, ...schemaIssues.filter((i) => !isDemoted(i)), ...checkSemantics(config)];
  const warnings = [...renamed.warnings, ...schemaIssues.filter(isDemoted)];

  return {
    config: sortTopLevel(config),
    problems: problems.map((issue) => toInputError(parsed, issue)),
    warnings: warnings.map((issue) => toWarning(parsed, issue)),
  };
}

/** The config with Pungi's defaults filled in; throws InputErrors when the config is invalid. */
export function effectiveConfig(parsed: ParsedConfig, options: ValidateOptions = {}): Record<string, unknown> {
  const result = validateConfig(parsed, options);
  if (result.problems.length > 0) {
    throw new InputErrors(result.problems, `${parsed.file}: ${result.problems.length} config problem(s)`);
  }
  return result.config;
}
