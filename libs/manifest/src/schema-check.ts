import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

export interface SchemaProblem {
  /** JSON pointer of the offending value ('' for the root). */
  pointer: string;
  message: string;
}

export type SchemaResult<T> = { ok: true; value: T } | { ok: false; problems: SchemaProblem[] };

const cache = new WeakMap<object, ValidateFunction>();
let ajv: Ajv | undefined;

function compile(schema: object): ValidateFunction {
  const cached = cache.get(schema);
  if (cached) return cached;
  // Every tool start compiles the schemas of the manifests it reads, which was a good part of a
  // small phase's CPU: one Ajv for all of them compiles the JSON Schema meta-schema once, and
  // optimize: false compiles in about half the time, accepting exactly the same data.
  ajv ??= new Ajv({ allErrors: true, strict: false, useDefaults: true, code: { optimize: false } });
  const validate = ajv.compile(schema);
  cache.set(schema, validate);
  return validate;
}

/** Validates `data` against a JSON Schema and returns the outcome as data, never throwing. */
export function checkSchema<T>(schema: object, data: unknown): SchemaResult<T> {
  const validate = compile(schema);
  if (validate(data)) return { ok: true, value: data as T };
  return { ok: false, problems: (validate.errors ?? []).map((e) => describeProblem(e)) };
}

function describeProblem(error: ErrorObject): SchemaProblem {
  const where = error.instancePath || '(root)';
  let message = `${where} ${error.message ?? 'is invalid'}`;
  if (error.keyword === 'additionalProperties') message = `${where} has unknown property '${String(error.params['additionalProperty'])}'`;
  if (error.keyword === 'enum') message = `${where} must be one of ${JSON.stringify(error.params['allowedValues'])}`;
  return { pointer: error.instancePath, message };
}
