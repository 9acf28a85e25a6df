import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import AjvModule from 'ajv';
import {
  buildConfigSchema,
  CONFIG_OPTIONS,
  listConfigOptions,
  MANDATORY_OPTIONS,
  summarizeSchema,
} from '@compose/config';
import { referenceEffectivePath } from './helpers/shared-paths.js';

const Ajv = AjvModule.default ?? AjvModule;

describe('config schema', () => {
  it('is a valid draft-07 schema that ajv compiles in strict mode', () => {
    const ajv = new Ajv({ strict: true, strictTuples: false, strictTypes: false, allowUnionTypes: true });
    ajv.addFormat('regex', () => true);
    expect(() => ajv.compile(buildConfigSchema())).not.toThrow();
  });

  it('refuses unknown top-level options and requires Pungi\'s mandatory ones', () => {
    const schema = buildConfigSchema();
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual([...MANDATORY_OPTIONS]);
  });

  it('knows every option Pungi dumped for the dummy compose', () => {
    const reference = JSON.parse(readFileSync(referenceEffectivePath, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(reference).filter((key) => !(key in CONFIG_OPTIONS))).toEqual([]);
  });

  it('covers every area of Pungi\'s option list', () => {
    const names = Object.keys(CONFIG_OPTIONS);
    for (const prefix of ['release_', 'base_product_', 'pkgset_', 'gather_', 'createrepo_', 'createiso_', 'buildinstall_', 'lorax_', 'ostree', 'image_build', 'live_media', 'osbs', 'osbuild', 'repoclosure_', 'runroot_']) {
      expect(names.some((name) => name.startsWith(prefix)), prefix).toBe(true);
    }
    for (const name of ['comps_file', 'variants_file', 'module_defaults_dir', 'koji_profile', 'multilib', 'extra_files', 'extra_isos', 'failable_deliverables', 'skip_phases', 'translate_paths', 'sigkeys']) {
      expect(names, name).toContain(name);
    }
    expect(names.length).toBeGreaterThan(180);
  });

  it('gives every option a description', () => {
    for (const [name, schema] of Object.entries(CONFIG_OPTIONS)) {
      expect(schema.description.length, name).toBeGreaterThan(5);
    }
  });
});

describe('summarizeSchema and listConfigOptions', () => {
  it('summarises Pungi\'s special shapes', () => {
    expect(summarizeSchema(CONFIG_OPTIONS.multilib!)).toBe('[(variant_regex, {arch: list of string})]');
    expect(summarizeSchema(CONFIG_OPTIONS.pkgset_koji_tag!)).toBe('string or list of string');
    expect(summarizeSchema(CONFIG_OPTIONS.comps_file!)).toBe('string or scm dict');
    expect(summarizeSchema(CONFIG_OPTIONS.multilib_whitelist!)).toBe('{name: list of string}');
    expect(summarizeSchema(CONFIG_OPTIONS.createrepo_deltas!)).toBe('boolean or [(variant_regex, {arch: boolean})]');
    expect(summarizeSchema(CONFIG_OPTIONS.translate_paths!)).toBe('list of (string, string)');
  });

  it('lists options sorted with type, default, description and flags', () => {
    const options = listConfigOptions();
    expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
    expect(options.find((o) => o.name === 'link_type')).toEqual({
      name: 'link_type',
      type: 'one of "hardlink", "copy", "hardlink-or-copy", "symlink", "abspath-symlink"',
      default: 'hardlink-or-copy',
      description: 'How packages are placed into the compose.',
      mandatory: false,
      deprecated: false,
      machineDependent: false,
    });
    expect(options.find((o) => o.name === 'release_name')?.mandatory).toBe(true);
    expect(options.find((o) => o.name === 'gather_source')?.deprecated).toBe(true);
    expect(options.find((o) => o.name === 'createrepo_num_threads')?.machineDependent).toBe(true);
  });
});
