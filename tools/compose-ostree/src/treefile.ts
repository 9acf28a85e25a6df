// rpm-ostree treefiles (JSON or YAML), with `include` resolved, read for what the dnf builder needs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError, NotImplementedError } from '@compose/errors';

export type Treefile = Record<string, unknown>;

/** Keys that would change the tree in ways the dnf builder cannot reproduce: refused, not skipped. */
const UNSUPPORTED_KEYS = ['postprocess', 'postprocess-script', 'remove-from-packages', 'repo-packages', 'arch-include', 'conditional-include', 'modules', 'lockfile-repos', 'variables'];

/** Keys that only matter to rpm-ostree's own checks or to client hosts: noted in the log, no effect here. */
export const IGNORED_KEYS = [
  'selinux', 'machineid-compat', 'etc-group-members', 'check-passwd', 'check-groups', 'ignore-removed-users',
  'ignore-removed-groups', 'initramfs-args', 'automatic-version-prefix', 'automatic_version_prefix', 'gpg-key', 'gpg_key',
  'rpmdb', 'cliwrap', 'container', 'preserve-passwd', 'rojig', 'add-commit-metadata', 'opt-usrlocal', 'sysroot-readonly',
];

const HANDLED_KEYS = [
  'ref', 'include', 'repos', 'packages', 'exclude-packages', 'recommends', 'documentation', 'install-langs', 'releasever',
  'boot-location', 'tmp-is-dir', 'units', 'default-target', 'add-files', 'remove-files', 'mutate-os-release', 'readonly-executables',
];

/**
 * Reads a treefile and the treefiles it includes. As in rpm-ostree, an include comes first:
 * lists are concatenated (included items first), any other key of the including file wins.
 */
export async function loadTreefile(file: string, seen: readonly string[] = []): Promise<Treefile> {
  const resolved = path.resolve(file);
  if (seen.includes(resolved)) throw new InputError('TREEFILE_INCLUDE_LOOP', `treefile ${resolved} includes itself (via ${seen.join(' -> ')})`);
  const own = await parseTreefile(resolved);
  const includes = own['include'] === undefined ? [] : Array.isArray(own['include']) ? own['include'] : [own['include']];
  let merged: Treefile = {};
  for (const include of includes) {
    if (typeof include !== 'string') throw new InputError('TREEFILE_BAD_INCLUDE', `${resolved}: include must be a file name or a list of them`);
    merged = mergeTreefiles(merged, await loadTreefile(path.resolve(path.dirname(resolved), include), [...seen, resolved]));
  }
  const { include: _include, ...rest } = own;
  return mergeTreefiles(merged, rest);
}

async function parseTreefile(file: string): Promise<Treefile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError('TREEFILE_MISSING', `treefile ${file} does not exist`, { hint: 'check treefile (relative to the config_url repository) and config_branch' });
  }
  let parsed: unknown;
  try {
    parsed = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new InputError('TREEFILE_SYNTAX', `treefile ${file} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InputError('TREEFILE_SYNTAX', `treefile ${file} is not a mapping`);
  return parsed as Treefile;
}

export function mergeTreefiles(base: Treefile, over: Treefile): Treefile {
  const result: Treefile = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const old = result[key];
    result[key] = Array.isArray(old) && Array.isArray(value) ? [...old, ...value] : value;
  }
  return result;
}

/** Refuses keys the builder cannot honour; returns the ignored and unknown keys for the log. */
export function checkTreefileKeys(treefile: Treefile): { ignored: string[]; unknown: string[] } {
  const keys = Object.keys(treefile);
  const unsupported = keys.filter((key) => UNSUPPORTED_KEYS.includes(key));
  if (unsupported.length) {
    throw new NotImplementedError(`treefile keys ${unsupported.join(', ')} without rpm-ostree`, 'install rpm-ostree (the dnf builder cannot run them), or drop these keys from the treefile');
  }
  const archPackages = (key: string): boolean => key.startsWith('packages-');
  return {
    ignored: keys.filter((key) => IGNORED_KEYS.includes(key)),
    unknown: keys.filter((key) => !IGNORED_KEYS.includes(key) && !HANDLED_KEYS.includes(key) && !archPackages(key)),
  };
}

/** The ref with ${basearch} filled in; ostree_ref from the config wins over the treefile's. */
export function getTreefileRef(treefile: Treefile, basearch: string, override?: string): string {
  const ref = override ?? treefile['ref'];
  if (typeof ref !== 'string' || !ref) throw new InputError('TREEFILE_NO_REF', 'the treefile has no ref and ostree_ref is not set', { hint: 'add "ref" to the treefile or ostree_ref to the ostree config' });
  return ref.replaceAll('${basearch}', basearch);
}

/** `packages` plus `packages-<basearch>`; rpm-ostree lets one string name several packages. */
export function getTreefilePackages(treefile: Treefile, basearch: string): string[] {
  const names = [...readStrings(treefile, 'packages'), ...readStrings(treefile, `packages-${basearch}`)];
  return [...new Set(names.flatMap((entry) => entry.split(/\s+/)).filter(Boolean))];
}

export function readStrings(treefile: Treefile, key: string): string[] {
  const value = treefile[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new InputError('TREEFILE_BAD_VALUE', `treefile ${key} must be a list of strings`);
  return value as string[];
}

export function readBoolean(treefile: Treefile, key: string, fallback: boolean): boolean {
  const value = treefile[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new InputError('TREEFILE_BAD_VALUE', `treefile ${key} must be true or false`);
  return value;
}

export function readString(treefile: Treefile, key: string): string | undefined {
  const value = treefile[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputError('TREEFILE_BAD_VALUE', `treefile ${key} must be a string`);
  return value;
}
