import { execa, type ResultPromise } from 'execa';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { FailedError, InputError } from '@compose/errors';
import { describeMissingTool } from './tool-packages.js';

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s) when aborted. */
  signal?: AbortSignal;
  /** Data written to the child's stdin. */
  input?: string | Uint8Array;
  /** Called with each line of stderr as it arrives (progress reporting). */
  onStderrLine?: (line: string) => void;
  /** Exit codes that count as success (default [0]). */
  okExitCodes?: readonly number[];
  /** Keep stdout as bytes instead of text. */
  binaryStdout?: boolean;
}

export interface RunResult {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Renders argv as a shell-safe command line, for logs and error messages. */
export function formatCommand(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/**
 * Runs an external tool. A missing executable is an InputError naming the Debian package to
 * install; a non-zero exit is a FailedError carrying the command and the tail of its stderr.
 */
export async function runTool(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const [file, ...args] = argv;
  if (!file) throw new InputError('EXEC_EMPTY_ARGV', 'no command given');
  const started = Date.now();
  const child: ResultPromise = execa(file, args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: true,
    cancelSignal: options.signal,
    forceKillAfterDelay: 5000,
    reject: false,
    stripFinalNewline: false,
    input: options.input,
    encoding: options.binaryStdout ? 'buffer' : 'utf8',
    stdin: options.input === undefined ? 'ignore' : 'pipe',
  });
  if (options.onStderrLine) forwardLines(child, options.onStderrLine);
  const result = await child;
  const command = formatCommand(argv);
  const durationMs = Date.now() - started;
  const stderr = String(result.stderr ?? '');
  if ((result as { code?: string }).code === 'ENOENT' || (result.failed && result.exitCode === undefined && /ENOENT/.test(String(result.message)))) {
    throw new InputError('TOOL_MISSING', `${file} is not installed (needed to run: ${command})`, { hint: describeMissingTool(file) });
  }
  if (result.isCanceled) throw new FailedError('TOOL_CANCELED', `${command} was stopped`);
  const exitCode = result.exitCode ?? -1;
  if (!(options.okExitCodes ?? [0]).includes(exitCode)) {
    const tail = lastLines(stderr || String(result.stdout ?? ''), 20);
    throw new FailedError('TOOL_FAILED', `${path.basename(file)} failed with exit code ${exitCode}: ${command}${tail ? `\n${tail}` : ''}`);
  }
  return { command, exitCode, stdout: options.binaryStdout ? (result.stdout as unknown as string) : String(result.stdout ?? ''), stderr, durationMs };
}

/** True when `tool` is an executable on PATH (or an existing path). */
export async function isToolAvailable(tool: string): Promise<boolean> {
  const candidates = tool.includes('/') ? [tool] : (process.env['PATH'] ?? '').split(':').filter(Boolean).map((dir) => path.join(dir, tool));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return true;
    } catch {
      // not in this PATH entry
    }
  }
  return false;
}

/** Fails early, before any work, when a tool the phase needs is missing. */
export async function requireTools(tools: readonly string[]): Promise<void> {
  for (const tool of tools) {
    if (!(await isToolAvailable(tool))) {
      throw new InputError('TOOL_MISSING', `${tool} is not installed`, { hint: describeMissingTool(tool) });
    }
  }
}

function forwardLines(child: ResultPromise, onLine: (line: string) => void): void {
  let pending = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split(/\r?\n|\r/);
    pending = lines.pop() ?? '';
    for (const line of lines) if (line) onLine(line);
  });
  child.stderr?.on('end', () => pending && onLine(pending));
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
