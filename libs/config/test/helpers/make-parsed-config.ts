import type { ConfigPath, ConfigValue, ParsedConfig } from '../../src/parser/types.js';
import type { SourceLocation } from '@compose/errors';

/**
 * A ParsedConfig from plain values, for tests that do not need the parser: option N (in
 * insertion order) "is written" on line N+1, and nested paths resolve to their option's line.
 */
export function makeParsedConfig(values: Record<string, unknown>, file = '/virtual/test.conf'): ParsedConfig {
  const lines = new Map(Object.keys(values).map((name, index) => [name, index + 1]));
  return {
    file,
    files: [file],
    values: values as Record<string, ConfigValue>,
    locationOf(path: ConfigPath): SourceLocation | undefined {
      const line = typeof path[0] === 'string' ? lines.get(path[0]) : undefined;
      return line === undefined ? undefined : { file, line, col: 1 };
    },
  };
}

/** The smallest config Pungi accepts: the mandatory options with a repos package set. */
export function minimalValues(): Record<string, unknown> {
  return {
    release_name: 'Dummy Product',
    release_short: 'DP',
    release_version: '1.0',
    variants_file: 'variants.xml',
    pkgset_source: 'repos',
    pkgset_repos: { '*': ['repo'] },
    gather_method: 'deps',
  };
}
