import path from 'node:path';
import { InputError, InputErrors, NotImplementedError } from '@compose/errors';
import { parseConfigFile, validateConfig, type ParsedConfig } from '@compose/config';

export interface LoadedConfig {
  parsed: ParsedConfig;
  /** Effective config with defaults. */
  config: Record<string, unknown>;
  warnings: string[];
  configDir: string;
}

/** Parses and validates; every problem is reported at once and nothing is created on failure. */
export function loadValidConfig(file: string): LoadedConfig {
  const parsed = parseConfigFile(file);
  const result = validateConfig(parsed);
  if (result.problems.length > 0) throw new InputErrors(result.problems, `${parsed.file} is not a valid config`);
  return { parsed, config: result.config, warnings: result.warnings.map(String), configDir: path.dirname(parsed.file) };
}

/**
 * A file option of the config (variants_file, comps_file): a path relative to the config's
 * directory. Pungi also allows an scm_dict here; fetching from SCM is not built yet.
 */
export function resolveConfigFile(loaded: LoadedConfig, option: string): string | undefined {
  const value = loaded.config[option];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return path.resolve(loaded.configDir, value);
  if (typeof value === 'object' && (value as { scm?: string }).scm === 'file') {
    const file = (value as { file?: string; repo?: string }).file;
    if (typeof file === 'string') return path.resolve(loaded.configDir, (value as { repo?: string }).repo ?? '', file);
  }
  throw new NotImplementedError(`${option} from an scm_dict other than {scm: "file"}`, `give ${option} as a path relative to the config file`);
}

export function requireConfigFile(loaded: LoadedConfig, option: string): string {
  const file = resolveConfigFile(loaded, option);
  if (!file) {
    throw new InputError('CONFIG_MISSING_OPTION', `${option} is required to create a compose`, {
      location: { file: loaded.parsed.file },
      hint: `set ${option} = "<path relative to the config file>"`,
    });
  }
  return file;
}
