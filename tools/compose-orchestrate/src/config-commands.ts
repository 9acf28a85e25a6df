import { InputErrors, type InputError } from '@compose/errors';
import { parseConfigFile, validateConfig, type ConfigValue } from '@compose/config';
import { serializeJson } from '@compose/manifest';

export interface ValidateConfigResult {
  file: string;
  valid: boolean;
  problems: InputError[];
  warnings: string[];
}

/** Parses and validates a config; problems are returned, not thrown, so all of them are shown. */
export function runValidateConfig(file: string): ValidateConfigResult {
  const parsed = parseConfigFile(file);
  const result = validateConfig(parsed);
  return { file: parsed.file, valid: result.problems.length === 0, problems: result.problems, warnings: result.warnings.map(String) };
}

/**
 * The config as JSON. Without `effective`: exactly what the file and its imports bind, after
 * `%` formatting. With it: Pungi's defaults filled in, and the config must be valid.
 */
export function runDumpConfig(file: string, effective: boolean): string {
  const parsed = parseConfigFile(file);
  if (!effective) return serializeJson(parsed.values as Record<string, ConfigValue>, { sortKeys: true });
  const result = validateConfig(parsed);
  if (result.problems.length > 0) throw new InputErrors(result.problems, `${file} is not a valid config`);
  return serializeJson(result.config, { sortKeys: true });
}
