import { execa } from 'execa';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const dummy = path.resolve(repoRoot, '../shared/fixtures/pungi-dummy');
const bin = (tool: string): string => path.join(repoRoot, `tools/${tool}/bin/${tool}.js`);

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runCli(tool: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const r = await execa('node', [bin(tool), ...args], { reject: false, env: { NO_COLOR: '1', ...env } });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export const runOstreeCli = (args: string[], env: Record<string, string> = {}): Promise<CliResult> => runCli('compose-ostree', args, env);

/** A git repository (branch master, Pungi's default config_branch) holding the given files. */
export async function makeConfigRepo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ostree-config-repo-'));
  await execa('git', ['init', '--quiet', '-b', 'master', dir]);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  await execa('git', ['-C', dir, 'add', '-A']);
  await execa('git', ['-C', dir, '-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '--quiet', '-m', 'treefiles']);
  return dir;
}

/**
 * A dummy-product compose through createrepo: a config dir importing dummy-pungi.conf plus
 * `overrides`, then init -> pkgset -> gather -> createrepo through the built executables.
 */
export async function createrepoDummyCompose(overrides = ''): Promise<{ composeDir: string; configDir: string }> {
  const configDir = await mkdtemp(path.join(tmpdir(), 'ostree-conf-'));
  for (const file of ['dummy-pungi.conf', 'dummy-comps.xml', 'dummy-variants.xml', 'repo']) await symlink(path.join(dummy, file), path.join(configDir, file));
  await writeFile(path.join(configDir, 'test.conf'), `from dummy-pungi import *\n${overrides}\n`);
  const init = await runCli('compose-orchestrate', ['init', '--config', path.join(configDir, 'test.conf'), '--target-dir', path.join(configDir, 'composes'), '--compose-type', 'test']);
  if (init.exitCode !== 0) throw new Error(`init failed: ${init.stderr}`);
  const composeDir = init.stdout.trim().split('\n').at(-1) ?? '';
  for (const tool of ['compose-pkgset', 'compose-gather', 'compose-createrepo']) {
    const r = await runCli(tool, ['--compose-dir', composeDir, '--quiet']);
    if (r.exitCode !== 0) throw new Error(`${tool} failed: ${r.stderr}`);
  }
  return { composeDir, configDir };
}

/** Runs an ostree CLI command and returns its stdout. */
export async function ostree(args: string[]): Promise<string> {
  return String((await execa('ostree', args)).stdout);
}
