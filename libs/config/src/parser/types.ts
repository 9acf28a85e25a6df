import type { SourceLocation } from '@compose/errors';

/**
 * A config value after parsing: Python's str, int/float, bool, None, list and tuple (both as
 * arrays) and dict (string keys). This is the shape `dump-config` prints.
 */
export type ConfigValue = string | number | boolean | null | ConfigValue[] | { [key: string]: ConfigValue };

/** Path into the parsed values: top-level option name, then dict keys and list indexes. */
export type ConfigPath = readonly (string | number)[];

/** What parsing a Pungi config (and its imports) yields. */
export interface ParsedConfig {
  /** The main config file (absolute path). */
  readonly file: string;
  /** Every file read: the main file first, then imports in the order they were read. */
  readonly files: readonly string[];
  /** Top-level names bound by the file and its imports, in binding order. */
  readonly values: Readonly<Record<string, ConfigValue>>;
  /**
   * Where the value at `path` was written (file, line, column of its first character).
   * For a path without a recorded location, the nearest recorded ancestor's location.
   */
  locationOf(path: ConfigPath): SourceLocation | undefined;
}
