import type { ConfigPath } from '../parser/types.js';

/** Python's spelling of a value, so messages read like the config the user wrote. */
export function formatPythonValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatPythonValue).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${formatPythonValue(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/** JSON type of a parsed value as JSON Schema names it. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const SHORT_LIMIT = 40;

/** "got ..." part of type errors: the kind, plus the value itself when it is short. */
export function describeValue(value: unknown): string {
  const type = jsonTypeOf(value);
  if (type === 'null') return 'None';
  const kind = { array: 'list', object: 'dict', integer: 'number' }[type] ?? type;
  const text = formatPythonValue(value);
  return text.length <= SHORT_LIMIT ? `${kind} ${text}` : kind;
}

/** `extra_isos["^Server$"][0].filename`: the option name then keys and indexes. */
export function formatConfigPath(path: ConfigPath): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (index === 0) return segment;
      return /^[A-Za-z_][\w-]*$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
    })
    .join('');
}

/** Python truthiness, which Pungi's requires/conflicts rules are written in. */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
