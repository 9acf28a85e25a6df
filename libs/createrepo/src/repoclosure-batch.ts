// Several `dnf repoclosure` checks for the price of one dnf start-up. Each check still is its
// own dnf command line with its own repos (the plugin's answer depends on every enabled repo,
// so checks with different repo sets cannot be merged into one command); python/dnf_batch.py
// runs those command lines one after the other through dnf's own CLI entry point in one process.
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FailedError } from '@compose/errors';
import { runTool } from '@compose/exec';
import { buildRepoclosureArgv, type RepoclosureOptions } from './repoclosure-argv.js';
import { interpretRepoclosure, runRepoclosure, type RepoclosureResult } from './run-repoclosure.js';

const BATCH_SCRIPT = fileURLToPath(new URL('../python/dnf_batch.py', import.meta.url));

interface BatchOutput {
  exit_code: number;
  stdout: string;
  stderr: string;
  duration_ms: number;
}

/**
 * The Python interpreter dnf runs on, from the `dnf` script's #! line; undefined when dnf is
 * not a Python script (dnf5 is a binary), and then every check is a `dnf` process of its own.
 */
export async function findDnfPython(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  for (const dir of (env['PATH'] ?? '').split(':').filter(Boolean)) {
    const handle = await open(path.join(dir, 'dnf'), 'r').catch(() => undefined);
    if (!handle) continue;
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(128), 0, 128, 0);
      const shebang = /^#!\s*(\S*python[\d.]*)\s*$/m.exec(buffer.subarray(0, bytesRead).toString('latin1').split('\n')[0] ?? '');
      return shebang?.[1];
    } finally {
      await handle.close();
    }
  }
  return undefined;
}

/**
 * Runs the checks in order in one Python process (see python/dnf_batch.py), each with a
 * throwaway installroot like runRepoclosure; results in the same order. Falls back to one
 * `dnf` process per check when dnf is not a Python script.
 */
export async function runRepoclosureBatch(checks: readonly RepoclosureOptions[], options: { signal?: AbortSignal } = {}): Promise<RepoclosureResult[]> {
  if (checks.length === 0) return [];
  const python = await findDnfPython();
  if (!python) {
    const results: RepoclosureResult[] = [];
    for (const check of checks) results.push(await runRepoclosure({ ...check, signal: options.signal }));
    return results;
  }
  const roots: string[] = [];
  try {
    const argvs: string[][] = [];
    for (const check of checks) {
      const root = check.installroot ?? (await mkdtemp(path.join(tmpdir(), 'repoclosure-')));
      if (!check.installroot) roots.push(root);
      argvs.push(buildRepoclosureArgv({ ...check, installroot: root }));
    }
    const run = await runTool([python, BATCH_SCRIPT], { input: JSON.stringify(argvs.map((argv) => argv.slice(1))), signal: options.signal, okExitCodes: [0, 1] });
    const outputs = run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as BatchOutput);
    if (run.exitCode !== 0 || outputs.length !== checks.length) {
      throw new FailedError('REPOCLOSURE_BATCH_FAILED', `${python} ${BATCH_SCRIPT} stopped after ${outputs.length} of ${checks.length} dnf repoclosure runs:\n${run.stderr.trim().split('\n').slice(-15).join('\n')}`);
    }
    return outputs.map((output, index) => ({
      ...interpretRepoclosure(checks[index]!, argvs[index]!, { exitCode: output.exit_code, stdout: output.stdout, stderr: output.stderr }),
      durationMs: output.duration_ms,
    }));
  } finally {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  }
}
