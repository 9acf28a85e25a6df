import type { JsonSchema } from './shapes.js';

const TYPE_NAMES: Record<string, string> = {
  boolean: 'boolean',
  string: 'string',
  number: 'number',
  integer: 'integer',
  array: 'list',
  object: 'dict',
  null: 'None',
};

function asSchema(value: unknown): JsonSchema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : undefined;
}

function joinAlternatives(parts: string[]): string {
  return [...new Set(parts)].join(' or ');
}

/** `[(regex, {arch: value})]` is recognised by its items: tuples of a regex and a pattern dict. */
function describeVariantArchMapping(items: unknown[]): string | undefined {
  const [first, second] = items.map(asSchema);
  if (first?.format !== 'regex' || !second) return undefined;
  const archValue = Object.values(asSchema(second.patternProperties) ?? {})[0];
  return `[(variant_regex, {arch: ${summarizeSchema(asSchema(archValue) ?? {})}})]`;
}

function describeArray(schema: JsonSchema): string {
  if (Array.isArray(schema.items)) {
    return `(${schema.items.map((s) => summarizeSchema(asSchema(s) ?? {})).join(', ')})`;
  }
  const items = asSchema(schema.items);
  if (!items) return 'list';
  const mapping = Array.isArray(items.items) ? describeVariantArchMapping(items.items) : undefined;
  return mapping ?? `list of ${summarizeSchema(items)}`;
}

function describeObject(schema: JsonSchema): string {
  const properties = asSchema(schema.properties);
  if (properties && 'scm' in properties && 'repo' in properties) return 'scm dict';
  if (properties && 'baseurl' in properties) return 'repo dict';
  const patterns = asSchema(schema.patternProperties);
  if (patterns && !properties) {
    const value = asSchema(Object.values(patterns)[0]) ?? {};
    return `{name: ${summarizeSchema(value)}}`;
  }
  return 'dict';
}

/**
 * A short human summary of what a schema accepts, e.g. "string or list of string" or
 * "[(variant_regex, {arch: list of string})]". Used in type errors and the option reference.
 */
export function summarizeSchema(schema: JsonSchema): string {
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) return joinAlternatives(alternatives.map((s) => summarizeSchema(asSchema(s) ?? {})));
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const type = schema.type;
  if (Array.isArray(type)) return joinAlternatives(type.map((t) => TYPE_NAMES[String(t)] ?? String(t)));
  if (type === 'string' && schema.format === 'regex') return 'regex';
  if (type === 'array') return describeArray(schema);
  if (type === 'object') return describeObject(schema);
  if (typeof type === 'string') return TYPE_NAMES[type] ?? type;
  return 'any';
}

/** JSON types a schema may accept at its top, or undefined when it accepts any type. */
export function acceptedTypes(schema: JsonSchema): Set<string> | undefined {
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) {
    const union = new Set<string>();
    for (const alternative of alternatives) {
      const types = acceptedTypes(asSchema(alternative) ?? {});
      if (!types) return undefined;
      types.forEach((t) => union.add(t));
    }
    return union;
  }
  if (typeof schema.type === 'string') return new Set([schema.type]);
  if (Array.isArray(schema.type)) return new Set(schema.type.map(String));
  return undefined;
}
