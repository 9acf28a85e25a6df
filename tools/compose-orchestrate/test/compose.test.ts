import { existsSync, readlinkSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PhasesManifest } from '@compose/contracts';
import { runOrchestrate } from './cli-helpers.js';
import { UP_TO_CREATEREPO, composeArgs, makeWorkspace, readJson, readMessages, type Workspace } from './compose-helpers.js';

const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';
const readPhases = async (composeDir: string) => (await readJson<{ payload: PhasesManifest }>(path.join(composeDir, 'logs/global/phases.json'))).payload;

describe('compose-orchestrate compose (pkgset, gather, createrepo)', () => {
  let ws: Workspace;
  let composeDir = '';
  let first: Awaited<ReturnType<typeof runOrchestrate>>;

  beforeAll(async () => {
    ws = await makeWorkspace();
    first = await runOrchestrate(composeArgs(ws, UP_TO_CREATEREPO));
    composeDir = lastLine(first.stdout);
  }, 120_000);

  it('finishes, prints the compose dir last and links latest-DP-1 to it', async () => {
    expect(first.exitCode, first.stderr).toBe(0);
    expect(path.isAbsolute(composeDir)).toBe(true);
    expect((await readFile(path.join(composeDir, 'STATUS'), 'utf8')).trim()).toBe('FINISHED');
    expect(readlinkSync(path.join(ws.target, 'latest-DP-1'))).toBe(path.basename(composeDir));
  });

  it('records every phase in phases.json: times, commands, logs, and why the others did not run', async () => {
    const phases = await readPhases(composeDir);
    expect(phases.status).toBe('FINISHED');
    const byName = Object.fromEntries(phases.phases.map((p) => [p.name, p]));
    for (const name of ['init', 'pkgset', 'gather', 'createrepo']) {
      expect(byName[name]?.status, name).toBe('done');
      expect(Date.parse(byName[name]!.finished!)).toBeGreaterThanOrEqual(Date.parse(byName[name]!.started!));
    }
    expect(byName['gather']!.command).toMatch(/compose-gather\.js --compose-dir /);
    expect(Date.parse(byName['gather']!.started!)).toBeGreaterThanOrEqual(Date.parse(byName['pkgset']!.finished!));
    expect(byName['createiso']).toMatchObject({ status: 'skipped', reason: 'skipped by --skip-phase' });
    expect(byName['ostree']).toMatchObject({ status: 'skipped', reason: 'no ostree option in the config' });
    expect(await readFile(path.join(composeDir, byName['createrepo']!.log!), 'utf8')).toMatch(/^\$ .*compose-createrepo\.js --compose-dir[^]*compose-createrepo: createrepo: 37 repos[^]*# done \(exit code 0\)/);
  });

  it('keeps the config copy, the effective config dump, a compose log and an empty deliverables.json', async () => {
    const logs = await readdir(path.join(composeDir, 'logs/global'));
    expect(logs).toEqual(expect.arrayContaining(['config-copy', 'config-dump.json', 'compose.global.log', 'init.global.log', 'pkgset.global.log', 'gather.global.log', 'createrepo.global.log', 'deliverables.json']));
    expect(await readdir(path.join(composeDir, 'logs/global/config-copy'))).toEqual(['dummy-pungi.conf', 'test.conf']);
    expect((await readJson(path.join(composeDir, 'logs/global/config-dump.json')))['release_short']).toBe('DP');
    expect(await readFile(path.join(composeDir, 'logs/global/compose.global.log'), 'utf8')).toMatch(/\[gather\] compose-gather: gather: 267 packages/);
    expect(await readJson(path.join(composeDir, 'logs/global/deliverables.json'))).toEqual({ required: {}, failed: {}, attempted: {} });
  });

  it("sends Pungi's progress messages with the compose keys", async () => {
    const messages = await readMessages(ws);
    const names = messages.map((m) => `${m.message}${m.payload['phase_name'] ? `:${String(m.payload['phase_name'])}` : ''}${m.payload['status'] ? `:${String(m.payload['status'])}` : ''}`);
    expect(names).toEqual([
      'status-change:STARTED',
      'phase-start:init', 'phase-stop:init',
      'phase-start:pkgset', 'phase-stop:pkgset',
      'phase-start:gather', 'phase-stop:gather',
      'phase-start:createrepo', 'phase-stop:createrepo',
      'status-change:FINISHED',
    ]);
    for (const { payload } of messages) {
      expect(payload).toMatchObject({ compose_id: path.basename(composeDir), location: path.join(composeDir, 'compose'), compose_type: 'test', compose_respin: 0, compose_label: null });
    }
  });

  it('reuses the package set and gather result of the previous compose with --old-composes', async () => {
    const second = await runOrchestrate(composeArgs(ws, [...UP_TO_CREATEREPO, '--old-composes', ws.target]));
    expect(second.exitCode, second.stderr).toBe(0);
    const secondDir = lastLine(second.stdout);
    expect(path.basename(secondDir)).toMatch(/\.t\.1$/);
    expect(second.stderr).toContain(`[pkgset] compose-pkgset: package set reused from ${composeDir}`);
    expect(second.stderr).toContain(`[gather] compose-gather: gather reused from ${composeDir}`);
    expect(second.stderr).toContain(`[createrepo] compose-createrepo: createrepo: repodata of 37 of 37 repos reused from ${composeDir} (inputs unchanged)`);
    expect(readlinkSync(path.join(ws.target, 'latest-DP-1'))).toBe(path.basename(secondDir));
    expect(await readFile(path.join(secondDir, 'compose/metadata/rpms.json'), 'utf8')).toContain(path.basename(secondDir));
  }, 120_000);
});

describe('compose-orchestrate compose failures', () => {
  it("shows a failing phase tool's own message in its output and logs, names the phase, and DOOMs the compose", async () => {
    const ws = await makeWorkspace('pkgset_repos = {"*": ["no-such-repo"]}');
    const r = await runOrchestrate(composeArgs(ws, UP_TO_CREATEREPO));
    expect(r.exitCode).toBe(1);
    const composeDir = lastLine(r.stdout);
    expect((await readFile(path.join(composeDir, 'STATUS'), 'utf8')).trim()).toBe('DOOMED');
    // The tool's message, prefixed with the phase, then the orchestrator's verdict naming it.
    expect(r.stderr).toMatch(/\[pkgset\] compose-pkgset: .*no-such-repo/);
    expect(r.stderr).toMatch(/error: phase pkgset failed after .*: compose-pkgset bad input: .*no-such-repo.*\(log: logs\/global\/pkgset\.global\.log\)/);
    expect(await readFile(path.join(composeDir, 'logs/global/pkgset.global.log'), 'utf8')).toMatch(/no-such-repo[^]*# failed \(exit code 2\)/);
    expect(await readFile(path.join(composeDir, 'logs/global/compose.global.log'), 'utf8')).toMatch(/\[pkgset\] compose-pkgset: .*no-such-repo[^]*phase pkgset failed/);
    const phases = await readPhases(composeDir);
    expect(phases.phases.find((p) => p.name === 'gather')).toMatchObject({ status: 'skipped', reason: 'not run: pkgset failed' });
    expect(phases.phases.find((p) => p.name === 'pkgset')).toMatchObject({ status: 'failed', exit_code: 2 });
    expect(existsSync(path.join(ws.target, 'latest-DP-1'))).toBe(false);
    expect((await readMessages(ws)).at(-1)).toMatchObject({ message: 'status-change', payload: { status: 'DOOMED' } });
  }, 120_000);

  it('creates nothing when a needed phase is skipped, and sends fail-to-start', async () => {
    const ws = await makeWorkspace();
    const r = await runOrchestrate(composeArgs(ws, ['--skip-phase', 'pkgset']));
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/the pkgset phase is skipped but the gather phase needs it/);
    expect(existsSync(ws.target)).toBe(false);
    const [message] = await readMessages(ws);
    expect(message).toMatchObject({ message: 'fail-to-start', payload: { target_dir: ws.target, config: ws.config } });
    expect(String(message?.payload['detail'])).toMatch(/pkgset phase is skipped/);
    expect(message?.payload['compose_id']).toBeUndefined();
  }, 60_000);

  it('stops before creating anything when a configured phase has no tool, and names how to skip it', async () => {
    const ws = await makeWorkspace('buildinstall_method = "lorax"');
    const r = await runOrchestrate(composeArgs(ws));
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/the buildinstall phase \(configured in the config\) is not implemented/);
    expect(r.stderr).toMatch(/--skip-phase buildinstall/);
    expect(existsSync(ws.target)).toBe(false);
  }, 60_000);

  it('rejects an unknown phase name as a usage error', async () => {
    const ws = await makeWorkspace();
    const r = await runOrchestrate(composeArgs(ws, ['--skip-phase', 'gahter']));
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/Invalid values:[^]*gahter/);
  }, 60_000);
});
