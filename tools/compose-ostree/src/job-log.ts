import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ComposeError } from '@compose/errors';
import type { RunResult } from '@compose/exec';

/** Runs a tool and appends its command and output to the deliverable's log, also when it fails. */
export async function appendLog(logFile: string, run: () => Promise<RunResult>): Promise<RunResult> {
  await mkdir(path.dirname(logFile), { recursive: true });
  try {
    const result = await run();
    await appendFile(logFile, `$ ${result.command}\n${result.stdout}${result.stderr}\n`);
    return result;
  } catch (error) {
    const message = error instanceof ComposeError || error instanceof Error ? error.message : String(error);
    await appendFile(logFile, `${message}\n`);
    throw error;
  }
}

export async function appendLogText(logFile: string, text: string): Promise<void> {
  await mkdir(path.dirname(logFile), { recursive: true });
  await appendFile(logFile, text.endsWith('\n') ? text : `${text}\n`);
}
