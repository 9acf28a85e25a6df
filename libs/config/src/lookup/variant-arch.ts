import { matchesPythonRegex } from './python-regex.js';

type Config = Readonly<Record<string, unknown>>;

/** Arch keys of `{arch|*: value}` maps that apply to `arch`: `*` covers every arch but src. */
function archKeyApplies(key: string, arch: string): boolean {
  if (key === '*') return arch !== 'src';
  return key === arch;
}

/** Lists contribute their items, anything else contributes itself, as in Pungi. */
function collect(into: unknown[], value: unknown): void {
  if (Array.isArray(value)) into.push(...value);
  else into.push(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Pungi's `get_arch_variant_data` for `[(variant_uid_regex, {arch|*: value})]` options: every
 * block whose regex matches the variant UID (from its start) contributes, in config order.
 * `variantUid` null means "any variant". Returns [] when the option is not set.
 */
export function getVariantArchValue(
  config: Config,
  key: string,
  variantUid: string | null,
  arch: string,
): unknown[] {
  const blocks = config[key];
  const result: unknown[] = [];
  if (!Array.isArray(blocks)) return result;
  for (const block of blocks) {
    if (!Array.isArray(block) || typeof block[0] !== 'string' || !isRecord(block[1])) continue;
    if (variantUid !== null && !matchesPythonRegex(block[0], variantUid)) continue;
    for (const [archKey, value] of Object.entries(block[1])) {
      if (archKeyApplies(archKey, arch)) collect(result, value);
    }
  }
  return result;
}

/** The variant regexes of `key` that apply to a variant and arch (Pungi's `keys=` argument). */
export function getMatchingVariantPatterns(
  config: Config,
  key: string,
  variantUid: string | null,
  arch: string,
): string[] {
  const blocks = config[key];
  const patterns = new Set<string>();
  if (!Array.isArray(blocks)) return [];
  for (const block of blocks) {
    if (!Array.isArray(block) || typeof block[0] !== 'string' || !isRecord(block[1])) continue;
    if (variantUid !== null && !matchesPythonRegex(block[0], variantUid)) continue;
    if (Object.keys(block[1]).some((archKey) => archKeyApplies(archKey, arch))) patterns.add(block[0]);
  }
  return [...patterns];
}

/** Pungi's `get_variant_data` for `{variant_uid_regex: value}` options. */
export function getVariantValue(config: Config, key: string, variantUid: string): unknown[] {
  const mapping = config[key];
  const result: unknown[] = [];
  if (!isRecord(mapping)) return result;
  for (const [pattern, value] of Object.entries(mapping)) {
    if (matchesPythonRegex(pattern, variantUid)) collect(result, value);
  }
  return result;
}

/** Pungi's `get_arch_data` for `{arch|*: value}` options such as multilib_whitelist. */
export function getArchValue(config: Config, key: string, arch: string): unknown[] {
  const mapping = config[key];
  const result: unknown[] = [];
  if (!isRecord(mapping)) return result;
  for (const [archKey, value] of Object.entries(mapping)) {
    if (archKeyApplies(archKey, arch)) collect(result, value);
  }
  return result;
}
