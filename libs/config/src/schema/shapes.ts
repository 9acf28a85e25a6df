/**
 * Building blocks for the config schema: the value shapes Pungi's options share. They are
 * functions returning fresh objects (no `$ref`) so ajv's `useDefaults` sees every `default`
 * exactly where Pungi's validator would apply it.
 */

/** A JSON Schema (draft-07) fragment, kept loose because options mix many keywords. */
export type JsonSchema = { [keyword: string]: unknown };

/** One option: its schema plus the text shown in the generated reference. */
export type OptionSchema = JsonSchema & { description: string };

export function stringValue(): JsonSchema {
  return { type: 'string' };
}

export function booleanValue(): JsonSchema {
  return { type: 'boolean' };
}

export function numberValue(): JsonSchema {
  return { type: 'number' };
}

/** A plain dict whose content Pungi does not check. */
export function anyObject(): JsonSchema {
  return { type: 'object' };
}

export function optionalString(): JsonSchema {
  return { anyOf: [{ type: 'string' }, { type: 'null' }] };
}

export function listOfStrings(): JsonSchema {
  return { type: 'array', items: { type: 'string' } };
}

/** Pungi accepts a single value where it also takes a list ("one or list"). */
export function oneOrList(value: JsonSchema): JsonSchema {
  return { anyOf: [value, { type: 'array', items: value }] };
}

export function stringOrList(): JsonSchema {
  return oneOrList(stringValue());
}

/** A variant UID regular expression; Pungi compiles it with Python's `re`. */
export function regexValue(): JsonSchema {
  return { type: 'string', format: 'regex' };
}

/**
 * `[(variant_uid_regex, {arch|*: value})]`: tuples arrive as 2-item arrays. The empty list
 * default mirrors Pungi, which gives every such option `[]` when it is not set.
 */
export function variantArchMapping(value: JsonSchema, withDefault = true): JsonSchema {
  const schema: JsonSchema = {
    type: 'array',
    items: {
      type: 'array',
      items: [regexValue(), { type: 'object', patternProperties: { '.+': value }, additionalProperties: false }],
      additionalItems: false,
      minItems: 2,
    },
  };
  if (withDefault) schema.default = [];
  return schema;
}

/** `{variant_uid_regex: value}`, the dict form the newer phases use. */
export function variantMapping(value: JsonSchema): JsonSchema {
  return { type: 'object', patternProperties: { '.+': value }, additionalProperties: false };
}

/** `{arch|*: [strings]}`, e.g. multilib_whitelist. */
export function archStringLists(): JsonSchema {
  return { type: 'object', patternProperties: { '^.+$': listOfStrings() }, additionalProperties: false };
}

/** A file taken from version control: `{scm, repo, branch, file, dir, command, options}`. */
export function scmDict(): JsonSchema {
  return {
    type: 'object',
    properties: {
      scm: { type: 'string', enum: ['file', 'cvs', 'git', 'rpm', 'koji'] },
      repo: stringValue(),
      branch: optionalString(),
      file: stringValue(),
      dir: stringValue(),
      command: stringValue(),
      options: {
        type: 'object',
        properties: { credential_helper: stringValue() },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}

export function stringOrScmDict(): JsonSchema {
  return { anyOf: [stringValue(), scmDict()] };
}

/** A repository: a URL/path string or a yum-style dict with at least `baseurl`. */
export function repoValue(): JsonSchema {
  const repoDict = {
    type: 'object',
    properties: {
      name: stringValue(),
      baseurl: stringValue(),
      exclude: stringValue(),
      gpgcheck: booleanValue(),
      enabled: stringValue(),
    },
    required: ['baseurl'],
    additionalProperties: false,
  };
  return { anyOf: [stringValue(), repoDict] };
}

export function reposValue(): JsonSchema {
  return oneOrList(repoValue());
}

/** A list of `(string, string)` pairs, e.g. translate_paths. */
export function stringPairs(): JsonSchema {
  return {
    type: 'array',
    items: { type: 'array', items: [stringValue(), stringValue()], minItems: 2, additionalItems: false },
  };
}

/** An option that takes `value` with a description; the common case in the area modules. */
export function option(description: string, schema: JsonSchema, defaultValue?: unknown): OptionSchema {
  const result: OptionSchema = { ...schema, description };
  if (defaultValue !== undefined) result.default = defaultValue;
  return result;
}
