import { execa } from 'execa';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const dummy = path.resolve(repoRoot, '../shared/fixtures/pungi-dummy');
export const dummyRepo = path.join(dummy, 'repo');
const orchestrate = path.join(repoRoot, 'tools/compose-orchestrate/bin/compose-orchestrate.js');
const pkgset = path.join(repoRoot, 'tools/compose-pkgset/bin/compose-pkgset.js');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runPkgsetCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const r = await execa('node', [pkgset, ...args], { reject: false, env: { NO_COLOR: '1', ...env } });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/**
 * A compose of the dummy product whose config overrides some options (e.g. pkgset_repos):
 * a temp config dir importing dummy-pungi.conf, then `compose-orchestrate init`.
 */
export async function initDummyCompose(overrides: string, existingConfigDir?: string): Promise<{ composeDir: string; configDir: string }> {
  const configDir = existingConfigDir ?? (await makeConfigDir(overrides));
  const target = path.join(configDir, 'composes');
  const r = await execa('node', [orchestrate, 'init', '--config', path.join(configDir, 'test.conf'), '--target-dir', target, '--compose-type', 'test'], { reject: false });
  if (r.exitCode !== 0) throw new Error(`init failed: ${String(r.stderr)}`);
  return { composeDir: String(r.stdout).trim().split('\n').at(-1) ?? '', configDir };
}

export async function makeConfigDir(overrides: string): Promise<string> {
  const configDir = await mkdtemp(path.join(tmpdir(), 'pkgset-conf-'));
  for (const file of ['dummy-pungi.conf', 'dummy-comps.xml', 'dummy-variants.xml', 'repo']) await symlink(path.join(dummy, file), path.join(configDir, file));
  await writeFile(path.join(configDir, 'test.conf'), `from dummy-pungi import *\n${overrides}\n`);
  return configDir;
}

export async function runTool(argv: string[]): Promise<string> {
  const [file, ...args] = argv;
  const r = await execa(file as string, args);
  return String(r.stdout);
}
