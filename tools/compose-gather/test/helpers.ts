import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const shared = path.resolve(repoRoot, '../shared');
export const dummy = path.join(shared, 'fixtures/pungi-dummy');
export const referenceRpms = path.join(shared, 'reference/pungi-dummy-compose/compose/metadata/rpms.json');
const orchestrate = path.join(repoRoot, 'tools/compose-orchestrate/bin/compose-orchestrate.js');
const pkgset = path.join(repoRoot, 'tools/compose-pkgset/bin/compose-pkgset.js');
const gather = path.join(repoRoot, 'tools/compose-gather/bin/compose-gather.js');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function runNode(script: string, args: string[]): Promise<CliResult> {
  const r = await execa('node', [script, ...args], { reject: false, env: { NO_COLOR: '1' } });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export const runGatherCli = (args: string[]): Promise<CliResult> => runNode(gather, args);
export const runPkgsetCli = (args: string[]): Promise<CliResult> => runNode(pkgset, args);

/** A config dir importing dummy-pungi.conf plus `overrides` (test.conf), the fixture files linked in. */
export async function makeConfigDir(overrides = ''): Promise<string> {
  const configDir = await mkdtemp(path.join(tmpdir(), 'gather-conf-'));
  for (const file of ['dummy-pungi.conf', 'dummy-comps.xml', 'dummy-variants.xml', 'repo']) await symlink(path.join(dummy, file), path.join(configDir, file));
  await writeConfig(configDir, overrides);
  return configDir;
}

export async function writeConfig(configDir: string, overrides: string): Promise<void> {
  await writeFile(path.join(configDir, 'test.conf'), `from dummy-pungi import *\n${overrides}\n`);
}

/**
 * A dummy-product compose after init: in a new config dir with `overrides`, or in `existingConfigDir`
 * (whose composes/ target dir then holds several composes).
 */
export async function initDummyCompose(overrides = '', existingConfigDir?: string): Promise<{ composeDir: string; configDir: string }> {
  const configDir = existingConfigDir ?? (await makeConfigDir(overrides));
  const r = await execa('node', [orchestrate, 'init', '--config', path.join(configDir, 'test.conf'), '--target-dir', path.join(configDir, 'composes'), '--compose-type', 'test'], { reject: false });
  if (r.exitCode !== 0) throw new Error(`init failed: ${String(r.stderr)}`);
  return { composeDir: String(r.stdout).trim().split('\n').at(-1) ?? '', configDir };
}

/** init + pkgset: a compose ready for gather. */
export async function preparePkgset(overrides = '', existingConfigDir?: string): Promise<{ composeDir: string; configDir: string }> {
  const made = await initDummyCompose(overrides, existingConfigDir);
  const r = await runPkgsetCli(['--compose-dir', made.composeDir, '--quiet']);
  if (r.exitCode !== 0) throw new Error(`pkgset failed: ${r.stderr}`);
  return made;
}

type Rpms = { payload: { rpms: Record<string, Record<string, Record<string, Record<string, { category: string; path: string }>>>> } };

/** (variant, arch, srpm nevra, rpm nevra, category, path) tuples of an rpms.json. */
export function flattenRpms(data: Rpms): string[] {
  const rows: string[] = [];
  for (const [variant, arches] of Object.entries(data.payload.rpms)) {
    for (const [arch, bySource] of Object.entries(arches)) {
      for (const [srpm, rpms] of Object.entries(bySource)) {
        for (const [nevra, entry] of Object.entries(rpms)) rows.push([variant, arch, srpm, nevra, entry.category, entry.path].join(' '));
      }
    }
  }
  return rows.sort();
}

/** The payload of a manifest envelope ({header, payload}) on disk. */
export function readPayload<T>(file: string): T {
  return (JSON.parse(readFileSync(file, 'utf8')) as { payload: T }).payload;
}
