import type { SourceLocation } from '@compose/errors';
import { defineOwn } from './nodes.js';
import type { Node } from './nodes.js';
import { childNodeAt, toConfigValue } from './to-config-value.js';
import type { ConfigPath, ConfigValue, ParsedConfig } from './types.js';

/** Wraps the evaluated names as the public ParsedConfig, keeping nodes for location lookups. */
export function buildParsedConfig(file: string, files: readonly string[], bound: ReadonlyMap<string, Node>): ParsedConfig {
  const values: Record<string, ConfigValue> = {};
  for (const [name, node] of bound) defineOwn(values, name, toConfigValue(node));
  return {
    file,
    files: [...files],
    values,
    locationOf: (configPath: ConfigPath) => locateNode(bound, configPath),
  };
}

/** Walks the path as far as it goes; a missing tail reports the nearest ancestor. */
function locateNode(bound: ReadonlyMap<string, Node>, configPath: ConfigPath): SourceLocation | undefined {
  const [first, ...rest] = configPath;
  if (first === undefined) return undefined;
  let node = bound.get(String(first));
  if (node === undefined) return undefined;
  for (const segment of rest) {
    const child = childNodeAt(node, segment);
    if (child === undefined) break;
    node = child;
  }
  return { ...node.loc };
}
