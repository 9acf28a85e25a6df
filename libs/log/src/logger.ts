import { Chalk, type ChalkInstance } from 'chalk';
import type { Writable } from 'node:stream';

export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  /** A phase or step starting: a prominent line for a person watching. */
  step(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Progress of a long job ("3/18 ISOs"); overwritten in place on a TTY, a plain line otherwise. */
  progress(done: number, total: number, label: string): void;
  /** Warnings given so far, for --json summaries. */
  readonly warnings: readonly string[];
  /** Also send every line (timestamped, uncolored) to `sink`, e.g. a phase's log file; returns a detach function. */
  attachSink(sink: (line: string) => void): () => void;
}

export interface LoggerOptions {
  program: string;
  stream?: Writable & { isTTY?: boolean; columns?: number };
  verbose?: boolean;
  quiet?: boolean;
  /** Also append every line (uncolored, timestamped) here, e.g. a log file. */
  sink?: (line: string) => void;
}

/**
 * Human output goes to stderr so stdout stays free for manifests and --json; colors only on
 * a TTY (and never with NO_COLOR), so logs captured by CI or a file stay plain.
 */
export function createLogger(options: LoggerOptions): Logger {
  const stream = options.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY) && !process.env['NO_COLOR'];
  const color: ChalkInstance = new Chalk({ level: tty ? 1 : 0 });
  const warnings: string[] = [];
  const sinks = new Set<(line: string) => void>(options.sink ? [options.sink] : []);
  let progressShown = false;

  const write = (level: Level, text: string, styled: string): void => {
    const line = `${new Date().toISOString()} [${level.toUpperCase()}] ${text}`;
    for (const sink of sinks) sink(line);
    if (options.quiet && level !== 'error' && level !== 'warn') return;
    if (level === 'debug' && !options.verbose) return;
    if (progressShown) {
      stream.write('\n');
      progressShown = false;
    }
    stream.write(`${styled}\n`);
  };
  const prefix = color.dim(`${options.program}:`);

  return {
    warnings,
    attachSink: (sink) => {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    debug: (m) => write('debug', m, `${prefix} ${color.dim(m)}`),
    info: (m) => write('info', m, `${prefix} ${m}`),
    step: (m) => write('info', m, `${prefix} ${color.bold.cyan(m)}`),
    warn: (m) => {
      warnings.push(m);
      write('warn', m, `${prefix} ${color.yellow(`warning: ${m}`)}`);
    },
    error: (m) => write('error', m, `${prefix} ${color.red(`error: ${m}`)}`),
    progress: (done, total, label) => {
      if (options.quiet) return;
      const text = `${label} ${done}/${total}`;
      if (tty) {
        stream.write(`\r${prefix} ${text}\u001b[K`);
        progressShown = done < total;
        if (done >= total) stream.write('\n');
      } else if (done === total || done === 1 || done % Math.max(1, Math.ceil(total / 10)) === 0) {
        stream.write(`${options.program}: ${text}\n`);
      }
    },
  };
}
