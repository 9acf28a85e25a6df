import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dummy, reference, runOrchestrate } from './cli-helpers.js';

async function scratch(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'orchestrate-config-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

describe('validate-config', () => {
  it('accepts the dummy product config', async () => {
    const result = await runOrchestrate(['validate-config', '--config', path.join(dummy, 'dummy-pungi.conf')]);
    expect(result.stderr).toContain('config is valid');
    expect(result.exitCode).toBe(0);
  });

  it('prints one FILE:LINE:COL line per problem, with did-you-mean and the imported file', async () => {
    const dir = await scratch({
      'base.conf': 'release_name = "Dummy"\nhashed_directories = "yes"\n',
      'bad.conf': 'from base import *\nrelase_short = "DP"\nrelease_version = "1.0"\nvariants_file = "v.xml"\npkgset_source = "repos"\ngather_method = "deps"\ncheck_deps = 3\n',
    });
    const result = await runOrchestrate(['validate-config', '--config', path.join(dir, 'bad.conf')]);
    expect(result.exitCode).toBe(2);
    const lines = result.stderr.split('\n').filter((l) => /^\/.*:\d+(:\d+)?: /.test(l));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad\.conf:1:1: missing mandatory option 'release_short'$/),
        expect.stringMatching(/bad\.conf:2:\d+: unknown option 'relase_short' \(did you mean 'release_short'\?\)$/),
        expect.stringMatching(/base\.conf:2:\d+: 'hashed_directories' must be a boolean, got string "yes"$/),
        expect.stringMatching(/bad\.conf:7:\d+: 'check_deps' must be a boolean, got number 3$/),
      ]),
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('--json reports problems as data', async () => {
    const dir = await scratch({ 'x.conf': 'release_nam = "x"\n' });
    const result = await runOrchestrate(['validate-config', '--json', '--config', path.join(dir, 'x.conf')]);
    expect(result.exitCode).toBe(2);
    const summary = JSON.parse(result.stdout) as { valid: boolean; problems: { location: { line: number } }[] };
    expect(summary.valid).toBe(false);
    expect(summary.problems.length).toBeGreaterThan(1);
  });

  it.each([
    ['garbage bytes', { 'c.conf': Buffer.from([0x72, 0x3d, 0x00, 0xff, 0xfe, 0x12]) }, /NUL byte|UTF-8/],
    ['an unterminated string', { 'c.conf': 'release_name = "Dummy\n' }, /c\.conf:1:\d+: unterminated string/],
    ['an import cycle', { 'c.conf': 'from d import *\n', 'd.conf': 'from c import *\n' }, /import cycle: c\.conf -> d\.conf -> c\.conf/],
    ['a missing imported file', { 'c.conf': 'from nothere import *\n' }, /nothere\.conf does not exist/],
  ])('rejects %s with exit 2 and no stack trace', async (_name, files, message) => {
    const dir = await scratch(files as Record<string, string | Buffer>);
    const result = await runOrchestrate(['validate-config', '--config', path.join(dir, 'c.conf')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('rejects a 50 MB file quickly', async () => {
    const dir = await scratch({ 'big.conf': '' });
    await truncate(path.join(dir, 'big.conf'), 50 * 1024 * 1024);
    const started = Date.now();
    const result = await runOrchestrate(['validate-config', '--config', path.join(dir, 'big.conf')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/big\.conf is 52428800 bytes, more than the limit/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports usage errors with exit 2', async () => {
    expect((await runOrchestrate(['validate-config'])).exitCode).toBe(2);
    const unknown = await runOrchestrate(['frobnicate']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/see compose-orchestrate --help/);
  });
});

describe('dump-config', () => {
  it('dumps every .conf of the dummy product', async () => {
    const confs = (await readdir(dummy)).filter((f) => f.endsWith('.conf') && f !== 'multi-compose.conf');
    expect(confs.length).toBeGreaterThanOrEqual(4);
    for (const conf of confs) {
      const result = await runOrchestrate(['dump-config', '--config', path.join(dummy, conf)]);
      expect(result.exitCode, `${conf}: ${result.stderr}`).toBe(0);
      const values = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(values['release_name']).toBe('Dummy Product');
    }
  });

  it('gives only the written values, with imports merged and overridden', async () => {
    const result = await runOrchestrate(['dump-config', '--config', path.join(dummy, 'server.conf')]);
    const values = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(values['release_short']).toBe('Server');
    expect(values['tree_variants']).toEqual(['Server']);
    expect(values['extra_isos']).toEqual({});
    expect(values['createrepo_checksum']).toBe('sha256');
    expect(values).not.toHaveProperty('createiso_break_hardlinks');
  });

  it('--effective equals the real Pungi effective dump, apart from machine-dependent defaults', async () => {
    const result = await runOrchestrate(['dump-config', '--effective', '--config', path.join(dummy, 'dummy-pungi.conf')]);
    expect(result.exitCode).toBe(0);
    const ours = JSON.parse(result.stdout) as Record<string, unknown>;
    const theirs = JSON.parse(await readFile(path.join(reference, 'config/config-dump.effective.json'), 'utf8')) as Record<string, unknown>;
    delete ours['createrepo_num_threads'];
    delete theirs['createrepo_num_threads'];
    expect(ours).toEqual(theirs);
  });
});
