import { describe, expect, it } from 'vitest';
import { formatErrorLines, InputErrors } from '@compose/errors';
import { effectiveConfig, validateConfig, parseConfigText } from '@compose/config';
import { makeParsedConfig, minimalValues } from './helpers/make-parsed-config.js';

function problemsOf(values: Record<string, unknown>): string[] {
  return validateConfig(makeParsedConfig(values)).problems.map((p) => p.message);
}

describe('validateConfig schema problems', () => {
  it('accepts the minimal config', () => {
    expect(problemsOf(minimalValues())).toEqual([]);
  });

  it('reports an unknown option with a did-you-mean, located at the option', () => {
    const { release_name: name, ...rest } = minimalValues();
    const result = validateConfig(makeParsedConfig({ ...rest, relase_name: name }));
    const unknown = result.problems.find((p) => p.code === 'CONFIG_UNKNOWN_OPTION');
    expect(unknown?.message).toBe("unknown option 'relase_name' (did you mean 'release_name'?)");
    expect(unknown?.location).toEqual({ file: '/virtual/test.conf', line: 7, col: 1 });
  });

  it('reports an unknown option without a suggestion when nothing is close', () => {
    expect(problemsOf({ ...minimalValues(), completely_made_up: 1 })).toEqual(["unknown option 'completely_made_up'"]);
  });

  it('can demote unknown options to warnings, as Pungi does', () => {
    const result = validateConfig(makeParsedConfig({ ...minimalValues(), gather_methd: 'deps' }), { unknownOptions: 'warning' });
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual(["unknown option 'gather_methd' (did you mean 'gather_method'?)"]);
  });

  it('reports a wrong type with expected and actual', () => {
    expect(problemsOf({ ...minimalValues(), hashed_directories: 'yes' })).toEqual([
      `'hashed_directories' must be a boolean, got string "yes"`,
    ]);
  });

  it('reports a missing mandatory option at line 1 of the main file', () => {
    const { gather_method: _unused, ...values } = minimalValues();
    const result = validateConfig(makeParsedConfig(values));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toBe("missing mandatory option 'gather_method'");
    expect(formatErrorLines(result.problems[0]!)).toEqual([
      "/virtual/test.conf:1:1: missing mandatory option 'gather_method'",
    ]);
  });

  it('reports a value outside the allowed set', () => {
    expect(problemsOf({ ...minimalValues(), link_type: 'softlink' })).toEqual([
      `'link_type' must be one of "hardlink", "copy", "hardlink-or-copy", "symlink", "abspath-symlink", got "softlink"`,
    ]);
  });

  it('reports errors inside variant/arch mappings with their path', () => {
    const values = { ...minimalValues(), multilib: [['^Server$', { x86_64: 'devel' }]] };
    expect(problemsOf(values)).toEqual([`'multilib[0][1].x86_64' must be a list, got string "devel"`]);
  });

  it('reports a variant regex that does not compile', () => {
    const values = { ...minimalValues(), filter_packages: [['^(Server$', { '*': ['a'] }]] };
    expect(problemsOf(values)).toEqual([`'filter_packages[0][0]' is not a valid regular expression: "^(Server$"`]);
  });

  it('follows the alternative matching the value type (string or scm dict)', () => {
    const values = { ...minimalValues(), comps_file: { scm: 'git', repo: 'https://x', files: 'comps.xml' } };
    expect(problemsOf(values)).toEqual([`unknown key 'files' in 'comps_file' (did you mean 'file'?)`]);
  });

  it('summarises alternatives when no branch fits the type', () => {
    expect(problemsOf({ ...minimalValues(), comps_file: 3 })).toEqual([`'comps_file' must be string or scm dict, got number 3`]);
  });

  it('reports a missing required key in extra_isos items', () => {
    const values = { ...minimalValues(), extra_isos: { '^Server$': [{ filename: 'x' }] } };
    expect(problemsOf(values)).toEqual([`'extra_isos["^Server$"][0]' is missing required key 'include_variants'`]);
  });

  it('accepts the per-variant dict form of gather_method and rejects a bad method', () => {
    expect(problemsOf({ ...minimalValues(), gather_method: { '^.*$': { comps: 'deps' } } })).toEqual([]);
    expect(problemsOf({ ...minimalValues(), gather_method: { '^.*$': { comps: 'greedy' } } })).toEqual([
      `'gather_method["^.*$"].comps' must be one of "deps", "nodeps", got "greedy"`,
    ]);
  });

  it('effectiveConfig throws InputErrors listing every problem', () => {
    const parsed = makeParsedConfig({ ...minimalValues(), hashed_directories: 'yes', relase_name: 'x' });
    expect(() => effectiveConfig(parsed)).toThrow(InputErrors);
    try {
      effectiveConfig(parsed);
    } catch (error) {
      expect((error as InputErrors).problems).toHaveLength(2);
    }
  });

  it('locates problems at the real line and column when parsed from text', () => {
    const text = [
      'release_name = "P"',
      'release_short = "P"',
      'release_version = "1"',
      'variants_file = "v.xml"',
      'pkgset_source = "repos"',
      'pkgset_repos = {"*": ["r"]}',
      'gather_method = "deps"',
      'hashed_directories = "yes"',
      '',
    ].join('\n');
    const result = validateConfig(parseConfigText(text, '/tmp/x.conf'));
    expect(result.problems.flatMap((p) => formatErrorLines(p))).toEqual([
      `/tmp/x.conf:8:22: 'hashed_directories' must be a boolean, got string "yes"`,
    ]);
  });
});

describe('validateConfig semantic checks', () => {
  it('pkgset_source = "repos" requires pkgset_repos', () => {
    const { pkgset_repos: _unused, ...values } = minimalValues();
    expect(problemsOf(values)).toEqual([`option pkgset_source="repos" requires 'pkgset_repos', which is not set`]);
  });

  it('pkgset_source = "koji" requires koji_profile and conflicts with pkgset_repos', () => {
    const values = { ...minimalValues(), pkgset_source: 'koji', pkgset_koji_tag: 'f40' };
    expect(problemsOf(values)).toEqual([
      `option 'pkgset_repos' conflicts with pkgset_source="koji"`,
      `option pkgset_source="koji" requires 'koji_profile', which is not set`,
    ]);
  });

  it('ignores a "conflicting" option left at its default', () => {
    expect(problemsOf({ ...minimalValues(), pkgset_koji_inherit: true })).toEqual([]);
    expect(problemsOf({ ...minimalValues(), pkgset_koji_inherit: false })).toEqual([
      `option 'pkgset_koji_inherit' conflicts with pkgset_source="repos"`,
    ]);
  });

  it('base product options go together', () => {
    expect(problemsOf({ ...minimalValues(), base_product_name: 'Base' })).toEqual([
      `option base_product_name="Base" requires 'base_product_short', which is not set`,
      `option base_product_name="Base" requires 'base_product_version', which is not set`,
      `option 'base_product_name' conflicts with base_product_short=None`,
      `option 'base_product_name' conflicts with base_product_version=None`,
    ]);
  });

  it('lorax_options without buildinstall_method is a conflict', () => {
    const values = { ...minimalValues(), lorax_options: [['^Server$', { '*': { nomacboot: true } }]] };
    expect(problemsOf(values)).toEqual([`option 'lorax_options' conflicts with buildinstall_method=None`]);
  });

  it('skipping pkgset but not gather is an error', () => {
    expect(problemsOf({ ...minimalValues(), skip_phases: ['pkgset'] })).toEqual([
      `phase 'pkgset' is skipped but the 'gather' phase needs it`,
    ]);
  });

  it('Koji runroot needs runroot_tag and koji_profile for Koji phases', () => {
    expect(problemsOf({ ...minimalValues(), koji_profile: 'koji', runroot_method: 'koji' })).toEqual([
      `Koji runroot requires 'runroot_tag', which is not set`,
    ]);
    const liveMedia = { '^Workstation$': [{ name: 'ws', kickstart: 'ws.ks' }] };
    expect(problemsOf({ ...minimalValues(), live_media: liveMedia })).toEqual([
      `option 'live_media' builds in Koji and requires 'koji_profile', which is not set`,
    ]);
  });
});

describe('validateConfig warnings', () => {
  it('warns about removed options without failing', () => {
    const result = validateConfig(makeParsedConfig({ ...minimalValues(), gather_source: 'comps', runroot: false }));
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      "option 'runroot' was removed and has no effect; remove it; set 'runroot_method' to use runroot, otherwise things run locally",
      "option 'gather_source' was removed and has no effect; remove it",
    ]);
  });

  it('moves the old repo_from key of osbs items into repo with a warning', () => {
    const osbs = { '^Server$': { url: 'git://x', target: 't', git_branch: 'b', repo: ['a'], repo_from: 'Everything' } };
    const result = validateConfig(makeParsedConfig({ ...minimalValues(), koji_profile: 'koji', osbs }));
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      `'repo_from' in 'osbs["^Server$"]' is deprecated; its value is added to 'repo'`,
    ]);
    expect(result.config.osbs).toEqual({ '^Server$': { url: 'git://x', target: 't', git_branch: 'b', repo: ['a', 'Everything'] } });
  });

  it('warns about the legacy ostree list form and renames its old keys', () => {
    const tree = { treefile: 't.json', config_url: 'https://x', ostree_repo: '/repo', extra_source_repos: ['a'], repo_from: 'Everything' };
    const result = validateConfig(makeParsedConfig({ ...minimalValues(), ostree: [['^Atomic$', { x86_64: tree }]] }));
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      "the [(variant_regex, {arch: ...})] form of 'ostree' is deprecated; use {variant_regex: config}",
      "'extra_source_repos' in 'ostree[0][1].x86_64' is deprecated; use 'repo'",
      "'repo_from' in 'ostree[0][1].x86_64' is deprecated; its value is added to 'repo'",
    ]);
    expect(result.config.ostree).toEqual([
      ['^Atomic$', { x86_64: { treefile: 't.json', config_url: 'https://x', ostree_repo: '/repo', repo: ['a', 'Everything'] } }],
    ]);
  });
});
