import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCommand, runTool } from '@compose/exec';
import type { PartDefinition, PartsComposeType } from '@compose/parts-config';
import { readPartStatus, type PartRecord } from './part-status.js';

/** This tool's own launcher: a part is a whole `compose` run of it. */
export const ORCHESTRATOR_SCRIPT = fileURLToPath(new URL('../../bin/compose-orchestrate.js', import.meta.url));

export interface PartRunSettings {
  /** <final compose>/parts */
  targetDir: string;
  composeType: PartsComposeType;
  label?: string;
  composeDate?: string;
  /** parts/ of an earlier multi-part compose whose results the part may reuse. */
  oldComposes: readonly string[];
  extraArgs: readonly string[];
}

/** The command line of one part: `compose` on its filled-in config, then the INI's extra_args. */
export function buildPartArgv(part: Pick<PartDefinition, 'justPhase' | 'skipPhase'>, configFile: string, settings: PartRunSettings, script = ORCHESTRATOR_SCRIPT): string[] {
  const argv = [process.execPath, script, 'compose', '--config', configFile, '--target-dir', settings.targetDir, '--compose-type', settings.composeType];
  if (settings.label) argv.push('--label', settings.label);
  // A production compose must say it is unlabelled; the whole's label decision covers its parts.
  else if (settings.composeType === 'production') argv.push('--no-label');
  if (settings.composeDate) argv.push('--compose-date', settings.composeDate);
  for (const phase of part.justPhase) argv.push('--just-phase', phase);
  for (const phase of part.skipPhase) argv.push('--skip-phase', phase);
  for (const dir of settings.oldComposes) argv.push('--old-composes', dir);
  argv.push(...settings.extraArgs);
  return argv;
}

export interface PartRunOptions {
  argv: readonly string[];
  /** logs/<part>.log of the final compose: the child's stderr and stdout. */
  logFile: string;
  signal?: AbortSignal;
}

const TAIL_LINES = 5;
const ANY_EXIT_CODE = Array.from({ length: 256 }, (_, code) => code);

/**
 * Runs one part's compose in its own process group (SIGTERM reaches its phase tools too) and
 * reads its outcome: the compose directory from the last stdout line, the status from its STATUS.
 */
export async function runPartCompose(options: PartRunOptions): Promise<PartRecord & { exitCode: number | null; tail: string[] }> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const tail: string[] = [];
  log.write(`$ ${formatCommand(options.argv)}\n`);
  let stdout = '';
  let exitCode: number | null = null;
  try {
    const result = await runTool(options.argv, {
      signal: options.signal,
      processGroup: true,
      okExitCodes: ANY_EXIT_CODE,
      onStderrLine: (line) => {
        log.write(`${line}\n`);
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
      },
    });
    stdout = result.stdout;
    exitCode = result.exitCode;
  } catch (error) {
    // Stopped by the signal: runTool reports the cancel; the part's own STATUS says the rest.
    log.write(`${(error as Error).message}\n`);
  } finally {
    if (stdout) log.write(stdout.endsWith('\n') ? stdout : `${stdout}\n`);
    await new Promise((resolve) => log.end(resolve));
  }
  const partDir = await findPrintedDirectory(stdout);
  const written = partDir ? await readPartStatus(partDir) : undefined;
  const status = decidePartStatus(exitCode, written, options.signal?.aborted === true);
  return { status, path: partDir, exitCode, tail };
}

/** What became of a part: its STATUS when it agrees with the exit code, else DOOMED/TERMINATED. */
export function decidePartStatus(exitCode: number | null, written: string | undefined, aborted: boolean): PartRecord['status'] {
  const finished = written === 'FINISHED' || written === 'FINISHED_INCOMPLETE';
  if (exitCode === 0 && finished) return written;
  if (aborted || written === 'TERMINATED') return 'TERMINATED';
  return 'DOOMED';
}

async function findPrintedDirectory(stdout: string): Promise<string | null> {
  const last = stdout.trimEnd().split('\n').at(-1)?.trim();
  if (!last || !path.isAbsolute(last)) return null;
  try {
    return (await stat(last)).isDirectory() ? last : null;
  } catch {
    return null;
  }
}
