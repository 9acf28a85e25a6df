// Bad input is exit 2 with a message saying what to do, never a stack trace.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initDummyCompose, preparePkgset, runGatherCli, shared } from './helpers.js';

async function caseFile(content: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gather-case-'));
  const file = path.join(dir, 'case.json');
  await writeFile(file, content);
  return file;
}

describe('compose-gather solve: bad input', () => {
  it('missing file', async () => {
    const r = await runGatherCli(['solve', '--input', '/nonexistent/case.json']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/cannot read/);
  });

  it('bad JSON', async () => {
    const r = await runGatherCli(['solve', '--input', await caseFile('{not json')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
  });

  it('unknown option', async () => {
    const r = await runGatherCli(['solve', '--input', await caseFile(JSON.stringify({ arch: 'x86_64', repos: [], packages: ['bash'], options: { greedy: 'all' } }))]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/unknown option 'greedy'/);
  });

  it('missing repo', async () => {
    const r = await runGatherCli(['solve', '--input', await caseFile(JSON.stringify({ arch: 'x86_64', repos: [{ id: 'r', path: 'nowhere' }], packages: ['bash'] }))]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/repo 'r' has no repodata/);
  });

  it('the wrapper and the bare input give the same answer', async () => {
    const wrapped = path.join(shared, 'conformance/gather/test_bash_greedy.json');
    const r = await runGatherCli(['solve', '--input', wrapped]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['rpm', 'srpm', 'debuginfo']);
  });
});

describe('compose-gather phase: bad input', () => {
  it('a compose without pkgset.json says to run compose-pkgset', async () => {
    const { composeDir } = await initDummyCompose();
    const r = await runGatherCli(['--compose-dir', composeDir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/compose-pkgset/);
  }, 60_000);

  it('hybrid gather_method is not implemented, clearly', async () => {
    const { composeDir } = await preparePkgset('gather_method = "hybrid"');
    const r = await runGatherCli(['--compose-dir', composeDir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/hybrid.*not implemented/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('require_all_comps_packages turns a missing comps package into an error', async () => {
    const { composeDir } = await preparePkgset('require_all_comps_packages = True');
    const r = await runGatherCli(['--compose-dir', composeDir]);
    expect(r.exitCode).toBe(1);
    // The first variant.arch with a missing comps package fails the phase, naming the package.
    expect(r.stderr).toMatch(/Packages mentioned in comps do not exist for Client\.(i386|x86_64): dummy-icedtea-web/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('without it, a missing comps package is a warning', async () => {
    const { composeDir } = await preparePkgset();
    const r = await runGatherCli(['--compose-dir', composeDir]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: Packages mentioned in comps do not exist for Client-optional.x86_64: dummy-icedtea-web/);
  }, 60_000);
});
