// --old-composes: a finished compose with the same gather inputs digest is reused, anything else is not.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dummy, makeConfigDir, preparePkgset, readPayload, runGatherCli, writeConfig } from './helpers.js';

type Rpms = { compose: Record<string, unknown>; rpms: unknown };
type GatherRun = { compose_id: string; inputs_digest: string; reused_from: string | null; manifests: string[] };
type Manifest = { compose_id: string; packages: { file: string; path: string; source_path: string }[] };

async function gather(composeDir: string, oldComposes: string[]): Promise<{ summary: { reused_from: string | null; inputs_digest: string; packages: number }; stderr: string }> {
  const r = await runGatherCli(['--compose-dir', composeDir, '--old-composes', ...oldComposes, '--json']);
  if (r.exitCode !== 0) throw new Error(r.stderr);
  return { summary: JSON.parse(r.stdout), stderr: r.stderr };
}

async function finish(composeDir: string, status = 'FINISHED'): Promise<void> {
  await writeFile(path.join(composeDir, 'STATUS'), `${status}\n`);
}

describe('compose-gather --old-composes', () => {
  let configDir = '';
  let target = '';
  let first = '';
  let unfinishedRun = '';
  beforeAll(async () => {
    configDir = await makeConfigDir();
    target = path.join(configDir, 'composes');
    ({ composeDir: first } = await preparePkgset('', configDir));
    expect((await gather(first, [])).summary.reused_from).toBeNull();
  }, 120_000);

  it('does not reuse an unfinished compose (it gathers afresh)', async () => {
    ({ composeDir: unfinishedRun } = await preparePkgset('', configDir));
    const { summary } = await gather(unfinishedRun, [target]);
    expect(summary.reused_from).toBeNull();
    expect(summary.packages).toBe(267);
  }, 120_000);

  it('reuses a finished compose with unchanged inputs: same rpms.json but for the compose block', async () => {
    await finish(first);
    const { composeDir } = await preparePkgset('', configDir);
    const { summary, stderr } = await gather(composeDir, [target]);
    expect(summary.reused_from).toBe(first);
    expect(stderr).toContain(`reused from ${first}`);

    const ours = readPayload<Rpms>(path.join(composeDir, 'compose/metadata/rpms.json'));
    const fresh = readPayload<Rpms>(path.join(unfinishedRun, 'compose/metadata/rpms.json'));
    expect(ours.rpms).toEqual(fresh.rpms);
    const compose = readPayload<{ compose_id: string; date: string; respin: number; type: string }>(path.join(composeDir, 'work/global/compose.json'));
    expect(ours.compose).toEqual({ date: compose.date, id: compose.compose_id, respin: compose.respin, type: compose.type });
    expect(ours.compose['id']).not.toBe(fresh.compose['id']);

    const run = readPayload<GatherRun>(path.join(composeDir, 'work/global/gather.json'));
    expect(run).toMatchObject({ compose_id: compose.compose_id, reused_from: first, inputs_digest: summary.inputs_digest });
    expect(run.inputs_digest).toBe(readPayload<GatherRun>(path.join(first, 'work/global/gather.json')).inputs_digest);
    const server = readPayload<Manifest>(path.join(composeDir, 'work/x86_64/gather-Server.json'));
    expect(server.compose_id).toBe(compose.compose_id);
    // The trees are there, linked (hardlink-or-copy) from the package set like a fresh run's.
    for (const pkg of server.packages) {
      const file = path.join(composeDir, 'compose', pkg.path);
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).ino).toBe(statSync(pkg.source_path).ino);
    }
  }, 120_000);

  it('also reuses FINISHED_INCOMPLETE, given the compose dir itself', async () => {
    await finish(first, 'FINISHED_INCOMPLETE');
    const { composeDir } = await preparePkgset('', configDir);
    expect((await gather(composeDir, [first])).summary.reused_from).toBe(first);
    await finish(first);
  }, 120_000);

  it('does not reuse when a gather option changed (greedy_method)', async () => {
    const otherConfig = await makeConfigDir();
    const { composeDir: old } = await preparePkgset('', otherConfig);
    await gather(old, []);
    await finish(old);
    await writeConfig(otherConfig, 'greedy_method = "all"');
    const { composeDir } = await preparePkgset('', otherConfig);
    const { summary, stderr } = await gather(composeDir, [path.dirname(old)]);
    expect(summary.reused_from).toBeNull();
    expect(stderr).toMatch(/not reusing gather of .*: changed config/);
  }, 120_000);

  it('does not reuse when the comps changed', async () => {
    const otherConfig = await makeConfigDir();
    const { composeDir: old } = await preparePkgset('', otherConfig);
    await gather(old, []);
    await finish(old);
    const comps = await readFile(path.join(dummy, 'dummy-comps.xml'), 'utf8');
    await rm(path.join(otherConfig, 'dummy-comps.xml'));
    await writeFile(path.join(otherConfig, 'dummy-comps.xml'), comps.replace('<packagereq>dummy-icedtea-web</packagereq>', ''));
    const { composeDir } = await preparePkgset('', otherConfig);
    const { summary, stderr } = await gather(composeDir, [path.dirname(old)]);
    expect(summary.reused_from).toBeNull();
    expect(stderr).toMatch(/not reusing gather of .*: changed comps/);
    expect(readFileSync(path.join(composeDir, 'work/global/gather.json'), 'utf8')).toContain('"reused_from": null');
  }, 120_000);
});
