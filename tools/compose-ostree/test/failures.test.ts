import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createrepoDummyCompose, makeConfigRepo, runOstreeCli } from './helpers.js';

// Per-deliverable outcomes the orchestrator turns into FINISHED_INCOMPLETE (failable) or a
// failed compose, and config mistakes that stop the tool before any work (exit 2).
let composeDir = '';
let ostreeRepo = '';

async function runWith(change: Record<string, unknown>) {
  const manifest = JSON.parse(await readFile(path.join(composeDir, 'work/global/compose.json'), 'utf8'));
  Object.assign(manifest.payload.config.ostree['^Server$'], change);
  const input = path.join(await mkdtemp(path.join(tmpdir(), 'ostree-input-')), 'compose.json');
  await writeFile(input, JSON.stringify(manifest));
  const r = await runOstreeCli(['--compose-dir', composeDir, '--input', input, '--json']);
  return { ...r, summary: r.exitCode === 2 ? undefined : JSON.parse(r.stdout) };
}

beforeAll(async () => {
  const configRepo = await makeConfigRepo({
    // s390x asks for a package no repo has, so that deliverable fails in dnf
    'server.yaml': 'ref: dummy/${basearch}/server\npackages: [dummy-bash]\npackages-s390x: [dummy-no-such-package]\n',
    'scripted.json': JSON.stringify({ ref: 'dummy/scripted', packages: ['dummy-bash'], 'postprocess-script': 'post.sh' }),
  });
  ostreeRepo = path.join(await mkdtemp(path.join(tmpdir(), 'ostree-out-')), 'repo');
  ({ composeDir } = await createrepoDummyCompose(`
ostree = {
    "^Server$": {
        "treefile": "server.yaml",
        "config_url": "${configRepo}",
        "config_branch": "master",
        "repo": ["Server"],
        "ostree_repo": "${ostreeRepo}",
        "arches": ["x86_64", "s390x"],
        "failable": ["s390x"],
    },
}
`));
}, 180_000);

describe('compose-ostree failures', () => {
  it('reports a failed failable deliverable and still exits 0, the other arch committed', async () => {
    const r = await runWith({});
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/ostree Server\.s390x failed \(failable\): .*dummy-no-such-package/s);
    expect(r.summary.deliverables).toMatchObject([
      { kind: 'ostree', variant: 'Server', arch: 'x86_64', status: 'done', failable: false },
      { kind: 'ostree', variant: 'Server', arch: 's390x', status: 'failed', failable: true },
    ]);
    expect(r.summary.commits.map((c: { ref: string }) => c.ref)).toEqual(['dummy/x86_64/server']);
  }, 120_000);

  it('exits 1 when a deliverable that may not fail fails', async () => {
    const r = await runWith({ failable: [] });
    expect(r.exitCode).toBe(1);
    expect(r.summary.deliverables.find((d: { arch: string }) => d.arch === 's390x')).toMatchObject({ status: 'failed', failable: false, error: expect.stringMatching(/dnf/) });
  }, 120_000);

  it("fails a treefile's postprocess-script as not implemented without rpm-ostree", async () => {
    const r = await runWith({ treefile: 'scripted.json', arches: ['x86_64'], failable: ['*'] });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.summary.deliverables[0]).toMatchObject({ status: 'failed', failable: true, error: expect.stringMatching(/postprocess-script without rpm-ostree is not implemented/) });
  }, 60_000);

  it('fails a deliverable whose treefile is not in the config repo', async () => {
    const r = await runWith({ treefile: 'missing.json', arches: ['x86_64'] });
    expect(r.exitCode).toBe(1);
    expect(r.summary.deliverables[0].error).toMatch(/treefile .*missing\.json does not exist/);
  }, 60_000);

  it('exits 2 before any work for a repo naming no variant or an unknown version generator', async () => {
    const noVariant = await runWith({ repo: ['NoSuchVariant'] });
    expect(noVariant.exitCode).toBe(2);
    expect(noVariant.stderr).toContain('There is no variant NoSuchVariant to get repo from');
    const badVersion = await runWith({ version: '!NO_SUCH_GENERATOR' });
    expect(badVersion.exitCode).toBe(2);
    expect(badVersion.stderr).toContain("unknown version generator '!NO_SUCH_GENERATOR'");
  }, 60_000);
});
