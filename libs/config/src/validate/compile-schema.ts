import AjvModule from 'ajv';
import type { ValidateFunction } from 'ajv';
import { buildConfigSchema } from '../schema/index.js';
import { isValidPythonRegex } from '../lookup/python-regex.js';

// ajv is CommonJS: under NodeNext the default import is the module object, its class is `.default`.
const Ajv = AjvModule.default ?? AjvModule;

let compiled: ValidateFunction | undefined;

/**
 * The config validator, compiled once. `useDefaults` fills Pungi's defaults into the data it
 * validates; `verbose` keeps each error's schema and data so messages can name both.
 */
export function getConfigValidator(): ValidateFunction {
  if (compiled) return compiled;
  // optimize: false halves the compile time of this large schema (a third of init's CPU) and
  // changes nothing in what is accepted: it only simplifies the generated code.
  const ajv = new Ajv({ allErrors: true, useDefaults: true, verbose: true, strict: false, code: { optimize: false } });
  ajv.addFormat('regex', { type: 'string', validate: isValidPythonRegex });
  compiled = ajv.compile(buildConfigSchema());
  return compiled;
}
