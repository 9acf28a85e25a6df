import type { ConfigValue } from './types.js';
import { defineOwn, jsonKeyOf } from './nodes.js';
import type { Node } from './nodes.js';
import { formatPythonFloat } from './python-repr.js';

/**
 * Drops the Python-only distinctions (tuple vs list, int vs float) to get the JSON shape
 * `dump-config` prints. Dict keys become strings the way json.dumps converts them.
 */
export function toConfigValue(node: Node): ConfigValue {
  switch (node.kind) {
    case 'str':
    case 'int':
    case 'float':
    case 'bool':
      return node.value;
    case 'none':
      return null;
    case 'list':
    case 'tuple':
      return node.items.map(toConfigValue);
    case 'dict': {
      const out: Record<string, ConfigValue> = {};
      for (const entry of node.entries) {
        // Keys were checked when the dict was read, so every key has a JSON form here.
        defineOwn(out, jsonKeyOf(entry.key, formatPythonFloat) ?? '', toConfigValue(entry.value));
      }
      return out;
    }
  }
}

/** The child of a parsed value at one path segment, if there is one. */
export function childNodeAt(node: Node, segment: string | number): Node | undefined {
  if (node.kind === 'list' || node.kind === 'tuple') {
    const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
    return index >= 0 ? node.items[index] : undefined;
  }
  if (node.kind === 'dict') {
    const wanted = String(segment);
    return node.entries.find((entry) => jsonKeyOf(entry.key, formatPythonFloat) === wanted)?.value;
  }
  return undefined;
}
