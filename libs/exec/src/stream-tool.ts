import type { Readable } from 'node:stream';
import { FailedError, InputError } from '@compose/errors';
import { describeMissingTool } from './tool-packages.js';
import { formatCommand } from './run-tool.js';
import { spawnChild } from './spawn-child.js';

export interface StreamingProcess {
  /** The child's stdout, to be consumed as it is produced. */
  stdout: Readable;
  /** Settles when the child exits: rejects on a missing tool or a non-zero exit (with stderr). */
  done: Promise<void>;
}

/**
 * Runs a filter process (e.g. `xz -dc`) whose stdout is consumed as a stream, so large outputs
 * never sit in memory. `stdin` may be a stream piped into the child.
 */
export function streamTool(argv: readonly string[], options: { stdin?: Readable; signal?: AbortSignal } = {}): StreamingProcess {
  const [file, ...args] = argv;
  if (!file) throw new InputError('EXEC_EMPTY_ARGV', 'no command given');
  const { child, stdout, done: exited } = spawnChild(file, args, {
    stdin: options.stdin ? 'pipe' : 'ignore',
    collectStdout: false,
    signal: options.signal,
  });
  if (options.stdin && child.stdin) options.stdin.pipe(child.stdin);
  const done = exited.then((result) => {
    const command = formatCommand(argv);
    if (result.error?.code === 'ENOENT') {
      throw new InputError('TOOL_MISSING', `${file} is not installed (needed to run: ${command})`, { hint: describeMissingTool(file) });
    }
    if (result.canceled) throw new FailedError('TOOL_CANCELED', `${command} was stopped`);
    if (result.exitCode !== 0) {
      const stderr = result.stderr.trim().split('\n').slice(-10).join('\n');
      throw new FailedError('TOOL_FAILED', `${file} failed with exit code ${result.exitCode ?? 'none'}: ${command}${stderr ? `\n${stderr}` : ''}`);
    }
  });
  return { stdout, done };
}
