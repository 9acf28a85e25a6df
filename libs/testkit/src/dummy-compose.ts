import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTool } from '@compose/exec';

/** The repository root, found from this file (libs/testkit/{src,dist}/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DUMMY_FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures/pungi-dummy');
export const DUMMY_REFERENCE = path.resolve(REPO_ROOT, '../shared/reference/pungi-dummy-compose');

/** The launcher of a built tool; tests spawn tools, they never import them. */
export function toolBin(tool: string): string {
  return path.join(REPO_ROOT, `tools/${tool}/bin/${tool}.js`);
}

export interface DummyCompose {
  composeDir: string;
  configDir: string;
}

/**
 * A compose of the dummy product made through the built executables: a config dir whose
 * test.conf imports dummy-pungi.conf and appends `overrides`, then init and each tool of
 * `tools` in order (e.g. ['compose-pkgset', 'compose-gather', 'compose-createrepo']).
 */
export async function prepareDummyCompose(tools: readonly string[], overrides = ''): Promise<DummyCompose> {
  const configDir = await mkdtemp(path.join(tmpdir(), 'dummy-compose-'));
  for (const file of ['dummy-pungi.conf', 'dummy-comps.xml', 'dummy-variants.xml', 'repo']) await symlink(path.join(DUMMY_FIXTURES, file), path.join(configDir, file));
  await writeFile(path.join(configDir, 'test.conf'), `from dummy-pungi import *\n${overrides}\n`);
  const init = await runTool(['node', toolBin('compose-orchestrate'), 'init', '--config', path.join(configDir, 'test.conf'), '--target-dir', path.join(configDir, 'composes'), '--compose-type', 'test']);
  const composeDir = init.stdout.trim().split('\n').at(-1) ?? '';
  for (const tool of tools) await runTool(['node', toolBin(tool), '--compose-dir', composeDir, '--quiet']);
  return { composeDir, configDir };
}

/**
 * Another compose in the target dir of a `prepareDummyCompose` config dir (respin + 1), each tool
 * of `tools` run with `extraArgs` too (e.g. ['--old-composes', `${configDir}/composes`]).
 * `beforeEach(tool)` runs before each tool, to change something between phases.
 */
export async function prepareNextDummyCompose(configDir: string, tools: readonly string[], extraArgs: readonly string[] = [], beforeEach?: (tool: string, composeDir: string) => Promise<void>): Promise<DummyCompose> {
  const init = await runTool(['node', toolBin('compose-orchestrate'), 'init', '--config', path.join(configDir, 'test.conf'), '--target-dir', path.join(configDir, 'composes'), '--compose-type', 'test']);
  const composeDir = init.stdout.trim().split('\n').at(-1) ?? '';
  for (const tool of tools) {
    await beforeEach?.(tool, composeDir);
    await runTool(['node', toolBin(tool), '--compose-dir', composeDir, '--quiet', ...extraArgs]);
  }
  return { composeDir, configDir };
}
