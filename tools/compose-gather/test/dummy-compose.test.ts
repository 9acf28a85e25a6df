// Acceptance: gather on the dummy product puts exactly Pungi's packages in exactly Pungi's places.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenRpms, preparePkgset, referenceRpms, runGatherCli } from './helpers.js';

describe('compose-gather on the dummy product', () => {
  let composeDir = '';
  let stdout = '';
  beforeAll(async () => {
    ({ composeDir } = await preparePkgset());
    const r = await runGatherCli(['--compose-dir', composeDir, '--json']);
    if (r.exitCode !== 0) throw new Error(r.stderr);
    stdout = r.stdout;
  }, 120_000);

  it('matches the reference rpms.json entry for entry (267 entries)', () => {
    const ours = flattenRpms(JSON.parse(readFileSync(path.join(composeDir, 'compose/metadata/rpms.json'), 'utf8')));
    const reference = flattenRpms(JSON.parse(readFileSync(referenceRpms, 'utf8')));
    expect(reference.length).toBe(267);
    expect(ours).toEqual(reference);
  });

  it('writes rpms.json byte for byte as productmd does', () => {
    expect(readFileSync(path.join(composeDir, 'compose/metadata/rpms.json'), 'utf8')).toBe(readFileSync(referenceRpms, 'utf8'));
  });

  it('writes modules.json as Pungi does for a compose without modules', () => {
    const ours = JSON.parse(readFileSync(path.join(composeDir, 'compose/metadata/modules.json'), 'utf8'));
    const reference = JSON.parse(readFileSync(path.join(path.dirname(referenceRpms), 'modules.json'), 'utf8'));
    const rpms = JSON.parse(readFileSync(path.join(composeDir, 'compose/metadata/rpms.json'), 'utf8'));
    expect(ours).toEqual({ ...reference, payload: { ...reference.payload, compose: rpms.payload.compose } });
  });

  it('links every listed package to a real file (hardlink-or-copy)', () => {
    const rows = flattenRpms(JSON.parse(readFileSync(path.join(composeDir, 'compose/metadata/rpms.json'), 'utf8')));
    for (const row of rows) {
      const file = path.join(composeDir, 'compose', row.split(' ').at(-1) as string);
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).isFile()).toBe(true);
    }
    expect(existsSync(path.join(composeDir, 'compose/Server/x86_64/os/addons/ResilientStorage/d/dummy-gfs2-utils-3.1.4-3.x86_64.rpm'))).toBe(true);
  });

  it('records why each package is there in work/<arch>/gather-<variant>.json', () => {
    const manifest = JSON.parse(readFileSync(path.join(composeDir, 'work/x86_64/gather-Server.json'), 'utf8'));
    expect(manifest.header).toEqual({ type: 'compose.gather', version: '1.0' });
    const byFile = new Map(manifest.payload.packages.map((p: { file: string }) => [p.file, p]));
    const bash = byFile.get('dummy-bash-4.2.37-6.x86_64.rpm') as { reasons: { kind: string; from?: string }[] };
    expect(bash.reasons).toContainEqual({ kind: 'input', from: 'comps group core' });
    const libtool = manifest.payload.inputs.packages;
    expect(libtool).toContain('dummy-libtool');
    expect(manifest.payload.inputs.multilib_methods).toEqual(['devel', 'runtime']);
    const gluster = JSON.parse(readFileSync(path.join(composeDir, 'work/x86_64/gather-Server-Gluster.json'), 'utf8'));
    expect(gluster.payload.removed).toContainEqual({ file: 'dummy-resource-agents-3.9.5-8.x86_64.rpm', category: 'binary', reason: 'an addon ships it' });
  });

  it('prints a JSON summary', () => {
    const summary = JSON.parse(stdout);
    expect(summary.packages).toBe(267);
    expect(summary.per_variant_arch['Server-Gluster.x86_64']).toBe(3);
  });

  it('is idempotent: a second run gives the same rpms.json', async () => {
    const before = readFileSync(path.join(composeDir, 'compose/metadata/rpms.json'), 'utf8');
    const r = await runGatherCli(['--compose-dir', composeDir, '--quiet']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readFileSync(path.join(composeDir, 'compose/metadata/rpms.json'), 'utf8')).toBe(before);
  }, 60_000);
});
