import { REMOVED_OPTIONS } from '../schema/index.js';
import type { ConfigPath } from '../parser/types.js';
import { formatConfigPath } from './describe-value.js';
import type { ConfigIssue } from './types.js';

/** A key renamed inside option items: `alias` is the old name, `append` old keys merged in. */
interface RenameRule {
  property: string;
  alias?: string;
  append?: string[];
}

export interface RenameOutcome {
  warnings: ConfigIssue[];
  problems: ConfigIssue[];
}

type Item = Record<string, unknown>;

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** Apply one rule to one dict in place, as Pungi's validator does before checking it. */
function applyRule(item: Item, path: ConfigPath, rule: RenameRule, outcome: RenameOutcome): void {
  const where = formatConfigPath(path);
  if (rule.alias && rule.alias in item) {
    if (rule.property in item) {
      outcome.problems.push({
        code: 'CONFIG_CONFLICT',
        path: [...path, rule.alias],
        message: `'${rule.alias}' is an old name of '${rule.property}' in '${where}'; only one can be used`,
      });
    } else {
      item[rule.property] = item[rule.alias];
      outcome.warnings.push({ code: 'CONFIG_RENAMED', path: [...path, rule.alias], message: `'${rule.alias}' in '${where}' is deprecated; use '${rule.property}'` });
    }
    delete item[rule.alias];
  }
  for (const old of rule.append ?? []) {
    if (!(old in item)) continue;
    item[rule.property] = rule.property in item ? [...asList(item[rule.property]), ...asList(item[old])] : item[old];
    delete item[old];
    outcome.warnings.push({
      code: 'CONFIG_RENAMED',
      path: [...path, old],
      message: `'${old}' in '${where}' is deprecated; its value is added to '${rule.property}'`,
    });
  }
}

/** Visit the dicts of `{variant_regex: item or [items]}` options. */
function eachVariantItem(value: unknown, name: string, visit: (item: Item, path: ConfigPath) => void): void {
  if (!isItem(value)) return;
  for (const [pattern, items] of Object.entries(value)) {
    if (isItem(items)) visit(items, [name, pattern]);
    if (Array.isArray(items)) items.forEach((item, i) => isItem(item) && visit(item, [name, pattern, i]));
  }
}

/** Visit the dicts of the legacy `[(variant_regex, {arch: item})]` form. */
function eachVariantArchItem(value: unknown, name: string, visit: (item: Item, path: ConfigPath) => void): void {
  if (!Array.isArray(value)) return;
  value.forEach((block, i) => {
    if (!Array.isArray(block) || !isItem(block[1])) return;
    for (const [arch, item] of Object.entries(block[1])) if (isItem(item)) visit(item, [name, i, 1, arch]);
  });
}

/**
 * Old spellings Pungi still accepts: removed options (warned about, no effect) and renamed
 * keys inside osbs, image_build and legacy ostree items (moved to their new names in place).
 */
export function applyRenamedKeys(config: Record<string, unknown>): RenameOutcome {
  const outcome: RenameOutcome = { warnings: [], problems: [] };
  for (const [name, advice] of Object.entries(REMOVED_OPTIONS)) {
    if (name in config) {
      outcome.warnings.push({ code: 'CONFIG_REMOVED', path: [name], message: `option '${name}' was removed and has no effect; ${advice}` });
    }
  }
  const repoFrom: RenameRule = { property: 'repo', append: ['repo_from'] };
  eachVariantItem(config.osbs, 'osbs', (item, path) => applyRule(item, path, repoFrom, outcome));
  eachVariantItem(config.image_build, 'image_build', (item, path) => {
    const inner = item['image-build'];
    if (isItem(inner)) applyRule(inner, [...path, 'image-build'], repoFrom, outcome);
  });
  if (Array.isArray(config.ostree)) {
    outcome.warnings.push({
      code: 'CONFIG_DEPRECATED_FORM',
      path: ['ostree'],
      message: `the [(variant_regex, {arch: ...})] form of 'ostree' is deprecated; use {variant_regex: config}`,
    });
    const legacy: RenameRule = { property: 'repo', alias: 'extra_source_repos', append: ['repo_from', 'source_repo_from'] };
    eachVariantArchItem(config.ostree, 'ostree', (item, path) => applyRule(item, path, legacy, outcome));
  }
  return outcome;
}
