import { execa } from 'execa';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const dummy = path.resolve(repoRoot, '../shared/fixtures/pungi-dummy');
export const reference = path.resolve(repoRoot, '../shared/reference/pungi-dummy-compose');
const bin = (tool: string): string => path.join(repoRoot, `tools/${tool}/bin/${tool}.js`);

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runCli(tool: string, args: string[]): Promise<CliResult> {
  const r = await execa('node', [bin(tool), ...args], { reject: false, env: { NO_COLOR: '1' } });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export const runCreaterepoCli = (args: string[]): Promise<CliResult> => runCli('compose-createrepo', args);

/**
 * A gathered compose of the dummy product: a config dir importing dummy-pungi.conf plus
 * `overrides`, then init -> pkgset -> gather through the built executables.
 */
export async function gatherDummyCompose(overrides = ''): Promise<{ composeDir: string; configDir: string }> {
  const configDir = await mkdtemp(path.join(tmpdir(), 'createrepo-conf-'));
  for (const file of ['dummy-pungi.conf', 'dummy-comps.xml', 'dummy-variants.xml', 'repo']) await symlink(path.join(dummy, file), path.join(configDir, file));
  await writeFile(path.join(configDir, 'test.conf'), `from dummy-pungi import *\n${overrides}\n`);
  const init = await runCli('compose-orchestrate', ['init', '--config', path.join(configDir, 'test.conf'), '--target-dir', path.join(configDir, 'composes'), '--compose-type', 'test']);
  if (init.exitCode !== 0) throw new Error(`init failed: ${init.stderr}`);
  const composeDir = init.stdout.trim().split('\n').at(-1) ?? '';
  for (const tool of ['compose-pkgset', 'compose-gather']) {
    const r = await runCli(tool, ['--compose-dir', composeDir, '--quiet']);
    if (r.exitCode !== 0) throw new Error(`${tool} failed: ${r.stderr}`);
  }
  return { composeDir, configDir };
}

/** dnf's arch for a tree arch (see chooseForcearch). */
export function forcearchOf(arch: string): string {
  return arch === 'i386' ? 'i686' : arch;
}

/** `dnf repoquery` of one local repo, isolated from the host's repos and cache. */
export async function repoquery(repoDir: string, arch: string, queryFormat: string, extra: string[] = []): Promise<string[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'repoquery-'));
  const r = await execa('dnf', ['repoquery', '-q', `--installroot=${root}`, '--releasever=1', `--forcearch=${forcearchOf(arch)}`, '--setopt=reposdir=/dev/null', `--repofrompath=t,file://${repoDir}`, '--repo=t', `--qf=${queryFormat}`, ...extra]);
  return String(r.stdout).split('\n').filter(Boolean).sort();
}
