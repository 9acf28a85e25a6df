import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { effectiveConfig, validateConfig, MACHINE_DEPENDENT_OPTIONS, parseConfigFile } from '@compose/config';
import { makeParsedConfig } from './helpers/make-parsed-config.js';
import { dummyConfigPath, referenceEffectivePath } from './helpers/shared-paths.js';

const reference = JSON.parse(readFileSync(referenceEffectivePath, 'utf8')) as Record<string, unknown>;

/** The options dummy-pungi.conf sets itself; everything else in the reference is a default. */
const DUMMY_KEYS = [
  'release_name', 'release_short', 'release_version', 'release_type', 'comps_file', 'variants_file',
  'runroot_tag', 'sigkeys', 'pkgset_source', 'pkgset_repos', 'createrepo_checksum', 'gather_method',
  'greedy_method', 'check_deps', 'hashed_directories', 'multilib', 'additional_packages', 'filter_packages',
  'multilib_blacklist', 'multilib_whitelist', 'createiso_skip', 'extra_isos',
];

function dummyValuesFromReference(): Record<string, unknown> {
  const values = Object.fromEntries(DUMMY_KEYS.map((key) => [key, structuredClone(reference[key])]));
  // extra_isos items got two defaults filled in; the file itself has only these keys.
  values.extra_isos = { '^Server$': [{ include_variants: ['Client'], filename: 'extra-{filename}' }] };
  return values;
}

function withoutMachineDependent(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([key]) => !MACHINE_DEPENDENT_OPTIONS.includes(key)));
}

describe('effective config of the dummy compose', () => {
  it('equals Pungi\'s effective dump key for key (values taken from the reference)', () => {
    const config = effectiveConfig(makeParsedConfig(dummyValuesFromReference()));
    expect(Object.keys(config).sort()).toEqual(Object.keys(reference).sort());
    expect(withoutMachineDependent(config)).toEqual(withoutMachineDependent(reference));
  });

  it('uses the CPU count for createrepo_num_threads, the one machine-dependent default', () => {
    expect(MACHINE_DEPENDENT_OPTIONS).toEqual(['createrepo_num_threads']);
    const config = effectiveConfig(makeParsedConfig(dummyValuesFromReference()));
    expect(config.createrepo_num_threads).toBe(availableParallelism());
  });

  it('equals Pungi\'s effective dump when read from the real dummy-pungi.conf', () => {
    const parsed = parseConfigFile(dummyConfigPath);
    const result = validateConfig(parsed);
    expect(result.problems.map((p) => p.message)).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(withoutMachineDependent(result.config)).toEqual(withoutMachineDependent(reference));
  });

  it('does not modify the parsed values', () => {
    const values = dummyValuesFromReference();
    const before = structuredClone(values);
    effectiveConfig(makeParsedConfig(values));
    expect(values).toEqual(before);
  });

  it('keeps values written in the file over defaults', () => {
    const values = { ...dummyValuesFromReference(), link_type: 'copy', createrepo_num_threads: 7 };
    const config = effectiveConfig(makeParsedConfig(values));
    expect(config.link_type).toBe('copy');
    expect(config.createrepo_num_threads).toBe(7);
  });
});
