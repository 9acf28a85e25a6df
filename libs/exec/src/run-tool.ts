import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { FailedError, InputError } from '@compose/errors';
import { describeMissingTool } from './tool-packages.js';
import { spawnChild } from './spawn-child.js';

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
  /**
   * Run the child in its own process group and, when aborted, stop the whole group (SIGTERM,
   * then SIGKILL after 5 s), so grandchildren (createrepo_c, dnf, xorriso...) go too.
   */
  processGroup?: boolean;
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
  const { child, done } = spawnChild(file, args, {
    cwd: options.cwd,
    env: options.env,
    signal: options.signal,
    stdin: options.input === undefined ? 'ignore' : 'pipe',
    collectStdout: true,
    processGroup: options.processGroup,
    onStderrLine: options.onStderrLine,
  });
  if (options.input !== undefined) child.stdin?.end(options.input);
  const result = await done;
  const command = formatCommand(argv);
  const durationMs = Date.now() - started;
  if (result.error?.code === 'ENOENT') {
    throw new InputError('TOOL_MISSING', `${file} is not installed (needed to run: ${command})`, { hint: describeMissingTool(file) });
  }
  if (result.canceled) throw new FailedError('TOOL_CANCELED', `${command} was stopped`);
  if (result.error) throw new FailedError('TOOL_FAILED', `${path.basename(file)} could not be started: ${result.error.message}: ${command}`);
  const exitCode = result.exitCode ?? -1;
  if (!(options.okExitCodes ?? [0]).includes(exitCode)) {
    const how = result.exitCode === null ? `was killed by ${result.signal ?? 'a signal'}` : `failed with exit code ${exitCode}`;
    const tail = lastLines(result.stderr || result.stdout.toString('utf8'), 20);
    throw new FailedError('TOOL_FAILED', `${path.basename(file)} ${how}: ${command}${tail ? `\n${tail}` : ''}`);
  }
  const stdout = options.binaryStdout ? (result.stdout as unknown as string) : result.stdout.toString('utf8');
  return { command, exitCode, stdout, stderr: result.stderr, durationMs };
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

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
