import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCompsFile, type Comps } from '@compose/comps';
import { dummy, reference, runOrchestrate } from './cli-helpers.js';

interface InfoVariant {
  uid: string; id: string; name: string; type: string; arches: string[]; paths: Record<string, unknown>; variants?: string[];
}
type ComposeInfo = { payload: { compose: Record<string, unknown>; release: Record<string, unknown>; variants: Record<string, InfoVariant> } };

const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
let target: string;
let composeDir: string;

beforeAll(async () => {
  target = await mkdtemp(path.join(tmpdir(), 'orchestrate-init-'));
  const result = await runOrchestrate(['init', '--config', path.join(dummy, 'dummy-pungi.conf'), '--target-dir', target, '--compose-type', 'test']);
  expect(result.exitCode, result.stderr).toBe(0);
  composeDir = result.stdout.trim().split('\n').at(-1) ?? '';
});

function summarizeGroups(comps: Comps) {
  return comps.groups
    .map((g) => ({
      id: g.id,
      default: g.default,
      uservisible: g.uservisible,
      packages: g.packages.map((p) => `${p.type}:${p.name}${p.requires ? `:${p.requires}` : ''}`).sort(),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('init', () => {
  it('creates <target>/DP-1.0-<date>.t.0 with STATUS and COMPOSE_ID', async () => {
    expect(composeDir).toBe(path.join(target, `DP-1.0-${today}.t.0`));
    expect(await readFile(path.join(composeDir, 'STATUS'), 'utf8')).toBe('STARTED\n');
    expect(await readFile(path.join(composeDir, 'COMPOSE_ID'), 'utf8')).toBe(`DP-1.0-${today}.t.0`);
    expect(existsSync(path.join(composeDir, 'logs/global/config-copy/dummy-pungi.conf'))).toBe(true);
    const dump = JSON.parse(await readFile(path.join(composeDir, 'logs/global/config-dump.json'), 'utf8')) as Record<string, unknown>;
    expect(dump['createiso_break_hardlinks']).toBe(false);
    const manifest = JSON.parse(await readFile(path.join(composeDir, 'work/global/compose.json'), 'utf8')) as { header: { type: string }; payload: { variants: unknown[] } };
    expect(manifest.header.type).toBe('compose.compose');
    expect(manifest.payload.variants).toHaveLength(10);
  });

  it("writes composeinfo.json whose variants equal the reference's", async () => {
    const ours = JSON.parse(await readFile(path.join(composeDir, 'compose/metadata/composeinfo.json'), 'utf8')) as ComposeInfo;
    const theirs = JSON.parse(await readFile(path.join(reference, 'compose/metadata/composeinfo.json'), 'utf8')) as ComposeInfo;
    expect(ours.payload.variants).toEqual(theirs.payload.variants);
    expect(ours.payload.release).toEqual(theirs.payload.release);
    expect(ours.payload.compose).toEqual({ ...theirs.payload.compose, date: today, id: `DP-1.0-${today}.t.0` });
  });

  it("writes per variant.arch comps with the reference's groups and package lists", async () => {
    const compared: string[] = [];
    for (const variant of await readdir(path.join(reference, 'compose'))) {
      if (variant === 'metadata') continue;
      for (const arch of await readdir(path.join(reference, 'compose', variant))) {
        const repodata = path.join(reference, 'compose', variant, arch, 'os/repodata');
        if (!existsSync(repodata)) continue;
        const file = (await readdir(repodata)).find((f) => f.endsWith(`-comps-${variant}.${arch}.xml`));
        if (!file) continue;
        const theirs = await parseCompsFile(path.join(repodata, file));
        const ours = await parseCompsFile(path.join(composeDir, 'work', arch, 'comps', `comps-${variant}.${arch}.xml`));
        expect(summarizeGroups(ours), `${variant}.${arch}`).toEqual(summarizeGroups(theirs));
        expect(ours.environments.map((e) => e.id).sort(), `${variant}.${arch}`).toEqual(theirs.environments.map((e) => e.id).sort());
        compared.push(`${variant}.${arch}`);
      }
    }
    expect(compared.length).toBeGreaterThanOrEqual(10);
  });

  it('gives the next init of the same day respin 1', async () => {
    const second = await runOrchestrate(['init', '--config', path.join(dummy, 'dummy-pungi.conf'), '--target-dir', target, '--compose-type', 'test', '--json']);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ composeId: `DP-1.0-${today}.t.1`, variants: 10, arches: ['i386', 's390x', 'x86_64'] });
  });

  it('creates nothing for an invalid config or a bad label', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'orchestrate-init-bad-'));
    const conf = path.join(empty, 'bad.conf');
    await writeFile(conf, 'from dummy-pungi import *\ncheck_deps = "no"\n');
    const copyDummy = await readFile(path.join(dummy, 'dummy-pungi.conf'), 'utf8');
    await writeFile(path.join(empty, 'dummy-pungi.conf'), copyDummy);
    const result = await runOrchestrate(['init', '--config', conf, '--target-dir', path.join(empty, 'out'), '--compose-type', 'test']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/bad\.conf:2:\d+: 'check_deps' must be a boolean/);
    expect(existsSync(path.join(empty, 'out'))).toBe(false);
    const label = await runOrchestrate(['init', '--config', path.join(dummy, 'dummy-pungi.conf'), '--target-dir', path.join(empty, 'out2'), '--label', 'Bogus-1']);
    expect(label.exitCode).toBe(2);
    expect(existsSync(path.join(empty, 'out2'))).toBe(false);
  });

  it('names a production compose without suffix and validates labels', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'orchestrate-init-label-'));
    const result = await runOrchestrate(['init', '--config', path.join(dummy, 'dummy-pungi.conf'), '--target-dir', dir, '--label', 'RC-1.2', '--compose-date', '20261001']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(path.join(dir, 'DP-1.0-20261001.0'));
    const info = JSON.parse(await readFile(path.join(dir, 'DP-1.0-20261001.0/compose/metadata/composeinfo.json'), 'utf8')) as ComposeInfo;
    expect(info.payload.compose).toMatchObject({ label: 'RC-1.2', type: 'production', respin: 0 });
  });
});
