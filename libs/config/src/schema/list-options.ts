import { CONFIG_OPTIONS, MANDATORY_OPTIONS } from './options.js';
import { summarizeSchema } from './describe-schema.js';

/** One row of the option reference. */
export interface ConfigOptionInfo {
  name: string;
  /** Short summary of accepted values, e.g. "boolean" or "[(variant_regex, {arch: list of string})]". */
  type: string;
  /** Pungi's default; undefined when the option has none. */
  default: unknown;
  description: string;
  mandatory: boolean;
  /** Removed in Pungi: accepted with a warning, no effect. */
  deprecated: boolean;
  /** The default differs between machines (e.g. CPU count), so docs should say so. */
  machineDependent: boolean;
}

/** Options whose default is computed on the machine running the compose. */
export const MACHINE_DEPENDENT_OPTIONS: readonly string[] = ['createrepo_num_threads'];

/** Every option sorted by name, for generating workspace-docs/config-reference.md. */
export function listConfigOptions(): ConfigOptionInfo[] {
  const mandatory = new Set<string>(MANDATORY_OPTIONS);
  return Object.entries(CONFIG_OPTIONS)
    .map(([name, schema]) => ({
      name,
      type: schema.deprecated === true ? 'removed' : summarizeSchema(schema),
      default: structuredClone(schema.default),
      description: schema.description,
      mandatory: mandatory.has(name),
      deprecated: schema.deprecated === true,
      machineDependent: MACHINE_DEPENDENT_OPTIONS.includes(name),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
