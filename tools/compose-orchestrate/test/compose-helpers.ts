import { execa } from 'execa';
import { chmod, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dummy, repoRoot } from './cli-helpers.js';

export const orchestrateBin = path.join(repoRoot, 'tools/compose-orchestrate/bin/compose-orchestrate.js');

/** The phases that need tools other than pkgset, gather and createrepo: left out to keep tests short. */
export const UP_TO_CREATEREPO = ['createiso', 'extra_isos', 'image_checksum', 'test', 'repoclosure'].flatMap((p) => ['--skip-phase', p]);

export interface Workspace {
  dir: string;
  config: string;
  target: string;
  messages: string;
  script: string;
}

/** A temp dir with a config importing dummy-pungi.conf plus `overrides`, and a notification script recording every call. */
export async function makeWorkspace(overrides = ''): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'orchestrate-'));
  for (const file of ['dummy-pungi.conf', 'dummy-comps.xml', 'dummy-variants.xml', 'repo']) await symlink(path.join(dummy, file), path.join(dir, file));
  const config = path.join(dir, 'test.conf');
  await writeFile(config, `from dummy-pungi import *\n${overrides}\n`);
  const messages = path.join(dir, 'messages.jsonl');
  const script = path.join(dir, 'notify.sh');
  // One JSON line per call: the message name and the payload from stdin.
  await writeFile(script, `#!/bin/sh\nprintf '{"message":"%s","payload":%s}\\n' "$1" "$(cat)" >> '${messages}'\n`);
  await chmod(script, 0o755);
  return { dir, config, target: path.join(dir, 'composes'), messages, script };
}

export async function readMessages(ws: Workspace): Promise<{ message: string; payload: Record<string, unknown> }[]> {
  const text = await readFile(ws.messages, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { message: string; payload: Record<string, unknown> });
}

export function composeArgs(ws: Workspace, extra: string[] = []): string[] {
  return ['compose', '--config', ws.config, '--target-dir', ws.target, '--compose-type', 'test', '--notification-script', ws.script, ...extra];
}

/** Starts the built orchestrator without waiting for it. */
export function startOrchestrate(args: string[]) {
  return execa('node', [orchestrateBin, ...args], { reject: false, env: { NO_COLOR: '1' } });
}

export async function readJson<T = Record<string, unknown>>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** Processes whose command line mentions `dir`: what a compose under it still has running. */
export async function listProcessesUnder(dir: string): Promise<string[]> {
  const ps = await execa('ps', ['-eo', 'pid,args'], { reject: false });
  return String(ps.stdout).split('\n').filter((line) => line.includes(dir) && !line.includes('ps -eo'));
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}
