import type { ErrorObject } from 'ajv';
import type { ConfigPath } from '../parser/types.js';
import { CONFIG_OPTIONS } from '../schema/index.js';
import { summarizeSchema, acceptedTypes, type JsonSchema } from '../schema/index.js';
import { describeValue, formatConfigPath, formatPythonValue, jsonTypeOf } from './describe-value.js';
import { suggestName } from './suggest-name.js';
import type { ConfigIssue } from './types.js';

const ARTICLE_TYPES: Record<string, string> = {
  boolean: 'a boolean',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  array: 'a list',
  object: 'a dict',
  null: 'None',
};

/** Turn ajv's JSON pointer into config path segments, numbers where the data is a list. */
function toConfigPath(pointer: string, data: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let current: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(current) ? Number(key) : key;
    path.push(segment);
    current = current === null || typeof current !== 'object' ? undefined : (current as Record<string, unknown>)[key];
  }
  return path;
}

function acceptsValue(schema: JsonSchema, value: unknown): boolean {
  const types = acceptedTypes(schema);
  if (!types) return true;
  const type = jsonTypeOf(value);
  return types.has(type) || (type === 'integer' && types.has('number'));
}

/**
 * anyOf/oneOf failures list every branch's errors. When the value's type picks exactly one
 * branch, that branch's errors are the useful ones; otherwise one summary line is clearer.
 */
function pruneAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const combinators = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const combinator of combinators) {
    if (dropped.has(combinator)) continue;
    const inside = errors.filter((e) => e !== combinator && e.schemaPath.startsWith(`${combinator.schemaPath}/`));
    const branches = Array.isArray(combinator.schema) ? (combinator.schema as JsonSchema[]) : [];
    const fitting = branches.map((b, i) => (acceptsValue(b, combinator.data) ? i : -1)).filter((i) => i >= 0);
    const branch = fitting.length === 1 ? fitting[0] : undefined;
    const branchErrors = inside.filter((e) => e.schemaPath.startsWith(`${combinator.schemaPath}/${branch}/`));
    if (branch === undefined || branchErrors.length === 0) {
      inside.forEach((e) => dropped.add(e));
    } else {
      dropped.add(combinator);
      inside.filter((e) => !branchErrors.includes(e)).forEach((e) => dropped.add(e));
    }
  }
  return errors.filter((e) => !dropped.has(e));
}

function describeTypeError(error: ErrorObject): string {
  const expected = String(error.params.type ?? '')
    .split(',')
    .map((t) => ARTICLE_TYPES[t] ?? t)
    .join(' or ');
  return `must be ${expected}, got ${describeValue(error.data)}`;
}

function unknownKeyIssue(path: ConfigPath, key: string, parentSchema: JsonSchema | undefined): ConfigIssue {
  const known = Object.keys((parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
  if (path.length === 0) {
    const suggestion = suggestName(key, Object.keys(CONFIG_OPTIONS));
    const did = suggestion ? ` (did you mean '${suggestion}'?)` : '';
    return { code: 'CONFIG_UNKNOWN_OPTION', path: [key], message: `unknown option '${key}'${did}` };
  }
  const suggestion = suggestName(key, known);
  const did = suggestion ? ` (did you mean '${suggestion}'?)` : '';
  return { code: 'CONFIG_UNKNOWN_KEY', path: [...path, key], message: `unknown key '${key}' in '${formatConfigPath(path)}'${did}` };
}

function issueFromError(error: ErrorObject, data: unknown): ConfigIssue {
  const path = toConfigPath(error.instancePath, data);
  const where = `'${formatConfigPath(path)}'`;
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKeyIssue(path, String(error.params.additionalProperty), error.parentSchema as JsonSchema);
    case 'required': {
      const missing = String(error.params.missingProperty);
      if (path.length === 0) {
        return { code: 'CONFIG_MISSING_OPTION', path: [], message: `missing mandatory option '${missing}'` };
      }
      return { code: 'CONFIG_MISSING_KEY', path, message: `${where} is missing required key '${missing}'` };
    }
    case 'type':
      return { code: 'CONFIG_WRONG_TYPE', path, message: `${where} ${describeTypeError(error)}` };
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(formatPythonValue).join(', ');
      return { code: 'CONFIG_BAD_VALUE', path, message: `${where} must be one of ${allowed}, got ${formatPythonValue(error.data)}` };
    }
    case 'anyOf':
    case 'oneOf': {
      const expected = summarizeSchema(error.parentSchema as JsonSchema);
      return { code: 'CONFIG_WRONG_TYPE', path, message: `${where} must be ${expected}, got ${describeValue(error.data)}` };
    }
    case 'format':
      return { code: 'CONFIG_BAD_REGEX', path, message: `${where} is not a valid regular expression: ${formatPythonValue(error.data)}` };
    default:
      return { code: 'CONFIG_INVALID', path, message: `${where} ${error.message ?? 'is invalid'}` };
  }
}

/** Readable, located problems from ajv's errors for the whole config. */
export function describeSchemaErrors(errors: readonly ErrorObject[], data: unknown): ConfigIssue[] {
  return pruneAlternatives([...errors]).map((error) => issueFromError(error, data));
}
