import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PhasesManifest } from '@compose/contracts';
import { runOrchestrate } from './cli-helpers.js';
import { UP_TO_CREATEREPO, composeArgs, listProcessesUnder, makeWorkspace, readJson, startOrchestrate, waitFor } from './compose-helpers.js';

async function readPhaseStatus(target: string, phase: string): Promise<string | undefined> {
  const [id] = (await readdir(target).catch(() => [] as string[])).filter((d) => d.startsWith('DP-'));
  if (!id) return undefined;
  try {
    const phases = (await readJson<{ payload: PhasesManifest }>(path.join(target, id, 'logs/global/phases.json'))).payload;
    return phases.phases.find((p) => p.name === phase)?.status;
  } catch {
    return undefined;
  }
}

describe('SIGTERM during a compose', () => {
  it('stops every child, marks the compose TERMINATED, and the next compose reuses what had finished', async () => {
    const ws = await makeWorkspace();
    const child = startOrchestrate(composeArgs(ws, UP_TO_CREATEREPO));
    // createrepo runs createrepo_c children of its own: the deepest tree of processes we have.
    const reached = await waitFor(async () => (await readPhaseStatus(ws.target, 'createrepo')) === 'running', 60_000);
    expect(reached).toBe(true);
    await waitFor(async () => (await listProcessesUnder(ws.target)).some((line) => line.includes('compose-createrepo')), 10_000);
    child.kill('SIGTERM');
    const result = await child;
    expect(result.exitCode).toBe(1);
    const composeDir = String(result.stdout).trim().split('\n').at(-1) ?? '';
    expect((await readFile(path.join(composeDir, 'STATUS'), 'utf8')).trim()).toBe('TERMINATED');
    expect(await listProcessesUnder(ws.target)).toEqual([]);
    const phases = (await readJson<{ payload: PhasesManifest }>(path.join(composeDir, 'logs/global/phases.json'))).payload;
    expect(phases.status).toBe('TERMINATED');
    expect(phases.phases.find((p) => p.name === 'createrepo')?.status).toBe('terminated');
    expect(phases.phases.find((p) => p.name === 'gather')?.status).toBe('done');

    const rerun = await runOrchestrate(composeArgs(ws, [...UP_TO_CREATEREPO, '--old-composes', ws.target]));
    expect(rerun.exitCode, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain(`package set reused from ${composeDir}`);
    expect(rerun.stderr).toContain(`gather reused from ${composeDir}`);
  }, 180_000);
});
