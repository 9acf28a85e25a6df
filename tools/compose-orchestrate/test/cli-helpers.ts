import { execa } from 'execa';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const shared = path.resolve(repoRoot, '../shared');
export const dummy = path.join(shared, 'fixtures/pungi-dummy');
export const reference = path.join(shared, 'reference/pungi-dummy-compose');
const bin = path.join(repoRoot, 'tools/compose-orchestrate/bin/compose-orchestrate.js');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the built executable, as a person or script would. */
export async function runOrchestrate(args: string[], options: { cwd?: string } = {}): Promise<CliResult> {
  const result = await execa('node', [bin, ...args], { reject: false, cwd: options.cwd, env: { NO_COLOR: '1' } });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}
