import { CONFIG_OPTIONS } from '../schema/index.js';
import { formatPythonValue, isTruthy } from './describe-value.js';
import type { ConfigIssue } from './types.js';

type Condition = (value: unknown) => boolean;

interface Dependency {
  /** The option whose value triggers the rule. */
  option: string;
  when: Condition;
  /** Options that must be set when the rule triggers. */
  requires?: string[];
  /** Options that must not be set (to anything but their default) when the rule triggers. */
  conflicts?: string[];
}

const set: Condition = (v) => isTruthy(v);
const unset: Condition = (v) => !isTruthy(v);
const equals =
  (expected: string): Condition =>
  (v) => v === expected;

/** Pungi's CONFIG_DEPS: relations between options JSON Schema cannot say readably. */
const DEPENDENCIES: readonly Dependency[] = [
  { option: 'buildinstall_method', when: unset, conflicts: ['lorax_options', 'buildinstall_kickstart'] },
  { option: 'base_product_name', when: set, requires: ['base_product_short', 'base_product_version'] },
  { option: 'base_product_name', when: unset, conflicts: ['base_product_short', 'base_product_version'] },
  { option: 'base_product_short', when: set, requires: ['base_product_name', 'base_product_version'] },
  { option: 'base_product_short', when: unset, conflicts: ['base_product_name', 'base_product_version'] },
  { option: 'base_product_version', when: set, requires: ['base_product_name', 'base_product_short'] },
  { option: 'base_product_version', when: unset, conflicts: ['base_product_name', 'base_product_short'] },
  { option: 'cts_url', when: set, requires: ['translate_paths'] },
  { option: 'product_id', when: unset, conflicts: ['product_id_allow_missing'] },
  { option: 'pkgset_scratch_modules', when: set, requires: ['mbs_api_url'] },
  { option: 'pkgset_source', when: equals('repos'), requires: ['pkgset_repos'] },
  { option: 'pkgset_source', when: equals('koji'), conflicts: ['pkgset_repos'] },
  { option: 'pkgset_source', when: equals('repos'), conflicts: ['pkgset_koji_tag', 'pkgset_koji_inherit'] },
];

/** Pungi ignores a "conflicting" option still at its default, e.g. pkgset_koji_inherit = True. */
function hasNonDefaultValue(config: Record<string, unknown>, name: string): boolean {
  if (!(name in config)) return false;
  const defaultValue = CONFIG_OPTIONS[name]?.default;
  return JSON.stringify(defaultValue) !== JSON.stringify(config[name]);
}

/** Requires/conflicts problems, checked on the config with defaults filled in (as Pungi does). */
export function checkOptionDependencies(config: Record<string, unknown>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const rule of DEPENDENCIES) {
    const value = config[rule.option];
    if (!rule.when(value)) continue;
    const shown = `${rule.option}=${formatPythonValue(value)}`;
    for (const needed of rule.requires ?? []) {
      if (needed in config) continue;
      issues.push({
        code: 'CONFIG_REQUIRES',
        path: [rule.option],
        message: `option ${shown} requires '${needed}', which is not set`,
      });
    }
    for (const conflicting of rule.conflicts ?? []) {
      if (!hasNonDefaultValue(config, conflicting)) continue;
      issues.push({
        code: 'CONFIG_CONFLICT',
        path: [conflicting],
        message: `option '${conflicting}' conflicts with ${shown}`,
      });
    }
  }
  return issues;
}
