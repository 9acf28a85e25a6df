import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { getLogFilePath } from '@compose/compose-info';
import { isComposeError } from '@compose/errors';
import { formatCommand, runTool } from '@compose/exec';
import { NOTIFICATION_SCRIPT_ENV } from '@compose/notify';
import { locateTool } from './locate-tool.js';
import type { StepDefinition } from './phase-plan.js';

export interface StepContext {
  composeDir: string;
  oldComposes: readonly string[];
  quiet: boolean;
  notificationScript?: string;
  signal: AbortSignal;
  /** Gets every stderr line of the tool, for the orchestrator's own stderr and log. */
  echo: (line: string) => void;
}

export interface StepOutcome {
  status: 'done' | 'failed' | 'terminated';
  exitCode: number | null;
  command: string;
  /** Relative to the compose dir. */
  log: string;
  durationMs: number;
  /** Why it failed, in one line. */
  message?: string;
  /** The tool's last stderr lines: its own account of the failure. */
  tail: string[];
}

/** Every exit code is an outcome the orchestrator interprets, not an exception. */
const ANY_EXIT_CODE = Array.from({ length: 256 }, (_, code) => code);
const TAIL_LINES = 15;

/** The command line of one step: the tool, the compose, and the options it takes. */
export function buildStepArgv(step: StepDefinition, script: string, context: Pick<StepContext, 'composeDir' | 'oldComposes' | 'quiet'>): string[] {
  const argv = [process.execPath, script];
  if (step.subcommand) argv.push(step.subcommand);
  argv.push('--compose-dir', context.composeDir);
  if (step.takesOldComposes) for (const dir of context.oldComposes) argv.push('--old-composes', dir);
  if (context.quiet) argv.push('--quiet');
  return argv;
}

/**
 * Runs one phase tool as a child process in its own process group, its stderr tee'd into
 * logs/global/<step>.global.log and handed to `echo`. Never throws for the tool's failure.
 */
export async function runStep(step: StepDefinition, context: StepContext): Promise<StepOutcome> {
  const logFile = getLogFilePath(context.composeDir, undefined, step.name);
  const log = path.relative(context.composeDir, logFile);
  const started = Date.now();
  const located = locateTool(step.tool);
  if (!located.ok) {
    const message = `${located.problem}; ${located.hint}`;
    context.echo(message);
    return { status: 'failed', exitCode: null, command: step.tool, log, durationMs: 0, message, tail: [message] };
  }
  const argv = buildStepArgv(step, located.script, context);
  const command = formatCommand(argv);
  await mkdir(path.dirname(logFile), { recursive: true });
  const stream = createWriteStream(logFile, { flags: 'a' });
  stream.write(`$ ${command}\n`);
  const tail: string[] = [];
  const onLine = (line: string): void => {
    stream.write(`${line}\n`);
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    context.echo(line);
  };
  const env = context.notificationScript ? { [NOTIFICATION_SCRIPT_ENV]: context.notificationScript } : undefined;
  let outcome: StepOutcome;
  try {
    const result = await runTool(argv, { signal: context.signal, processGroup: true, onStderrLine: onLine, okExitCodes: ANY_EXIT_CODE, env });
    const status = context.signal.aborted ? 'terminated' : result.exitCode === 0 ? 'done' : 'failed';
    outcome = { status, exitCode: result.exitCode, command, log, durationMs: Date.now() - started, tail };
    if (status === 'failed') outcome.message = describeFailure(step, result.exitCode, tail);
  } catch (error) {
    const stopped = isComposeError(error) && error.code === 'TOOL_CANCELED';
    const message = stopped ? `${step.tool} was stopped` : (error as Error).message;
    if (!stopped) onLine(message);
    outcome = { status: stopped ? 'terminated' : 'failed', exitCode: null, command, log, durationMs: Date.now() - started, message, tail };
  }
  stream.write(`# ${outcome.status}${outcome.exitCode === null ? '' : ` (exit code ${outcome.exitCode})`} after ${(outcome.durationMs / 1000).toFixed(2)} s\n`);
  await new Promise<void>((resolve) => stream.end(resolve));
  return outcome;
}

/** The tool's last error-looking line says more than the exit code does. */
function describeFailure(step: StepDefinition, exitCode: number, tail: readonly string[]): string {
  const meaning = exitCode === 2 ? 'bad input' : exitCode === 1 ? 'failed' : `exit code ${exitCode}`;
  const last = [...tail].reverse().find((line) => line.trim() !== '');
  return `${step.tool}${step.subcommand ? ` ${step.subcommand}` : ''} ${meaning}${last ? `: ${last}` : ''}`;
}
