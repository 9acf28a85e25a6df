import type { SourceLocation } from '@compose/errors';
import type { ConfigValue } from './types.js';

/**
 * A parsed Python value with where it was written. Tuples stay distinct from lists and ints
 * from floats here because `%` formatting and dict-key rules depend on the Python type; the
 * distinction is dropped only when converting to ConfigValue.
 */
export type Node =
  | { kind: 'str'; value: string; loc: SourceLocation }
  | { kind: 'int'; value: number; loc: SourceLocation }
  | { kind: 'float'; value: number; loc: SourceLocation }
  | { kind: 'bool'; value: boolean; loc: SourceLocation }
  | { kind: 'none'; loc: SourceLocation }
  | { kind: 'list'; items: Node[]; loc: SourceLocation }
  | { kind: 'tuple'; items: Node[]; loc: SourceLocation }
  | { kind: 'dict'; entries: DictEntry[]; loc: SourceLocation };

export interface DictEntry {
  key: Node;
  value: Node;
}

/** Python's type name, as its error messages print it. */
export function pythonTypeName(node: Node): string {
  return node.kind === 'none' ? 'NoneType' : node.kind;
}

/** A copy of `node` that reports `loc` for itself while keeping its children's locations. */
export function relocateNode(node: Node, loc: SourceLocation): Node {
  return { ...node, loc };
}

/** Numbers and bools compare by numeric value in Python (1 == 1.0 == True). */
function numericValue(node: Node): number | undefined {
  if (node.kind === 'int' || node.kind === 'float') return node.value;
  if (node.kind === 'bool') return node.value ? 1 : 0;
  return undefined;
}

/** Python `==` for hashable values (the only ones allowed as dict keys). */
export function pythonEquals(a: Node, b: Node): boolean {
  const na = numericValue(a);
  const nb = numericValue(b);
  if (na !== undefined || nb !== undefined) return na === nb;
  if (a.kind === 'str' && b.kind === 'str') return a.value === b.value;
  if (a.kind === 'none' && b.kind === 'none') return true;
  if (a.kind === 'tuple' && b.kind === 'tuple') {
    return a.items.length === b.items.length && a.items.every((item, i) => pythonEquals(item, b.items[i] as Node));
  }
  return false;
}

/** kobo rejects a repeated key only when type and value both match ({1: .., True: ..} passes). */
export function isSameTypedKey(a: Node, b: Node): boolean {
  return a.kind === b.kind && pythonEquals(a, b);
}

/** The string json.dumps writes for a scalar dict key, or undefined for keys JSON cannot hold. */
export function jsonKeyOf(key: Node, formatFloat: (value: number) => string): string | undefined {
  switch (key.kind) {
    case 'str':
      return key.value;
    case 'int':
      return String(key.value);
    case 'float':
      return formatFloat(key.value);
    case 'bool':
      return key.value ? 'true' : 'false';
    case 'none':
      return 'null';
    default:
      return undefined;
  }
}

/** Sets an own enumerable property even for names like `__proto__`. */
export function defineOwn(target: Record<string, ConfigValue>, key: string, value: ConfigValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
