import { createWriteStream } from 'node:fs';
import type { Logger } from '@compose/log';
import { createNotifier, type Notifier } from '@compose/notify';

export interface ComposeLog {
  /** A phase tool's stderr line: on our stderr and in the compose log, prefixed with the phase. */
  echo(phase: string, line: string): void;
  close(): Promise<void>;
}

/**
 * logs/global/compose.global.log: the orchestrator's own lines and every phase tool's stderr
 * line, prefixed with its phase, so one file tells the whole story of a compose in order.
 */
export function openComposeLog(file: string, log: Logger): ComposeLog {
  const stream = createWriteStream(file, { flags: 'a' });
  const detach = log.attachSink((line) => stream.write(`${line}\n`));
  return {
    echo(phase, line) {
      stream.write(`${new Date().toISOString()} [${phase}] ${line}\n`);
      process.stderr.write(`[${phase}] ${line}\n`);
    },
    async close() {
      detach();
      await new Promise<void>((resolve) => stream.end(resolve));
    },
  };
}

export interface MessageQueue {
  /** Queues a notification; messages go out one at a time, in order, never blocking a phase. */
  send(message: string, fields?: Record<string, unknown>): void;
  drain(): Promise<void>;
}

/** Pungi calls the script synchronously; queueing keeps the order without holding phases up. */
export function createMessageQueue(options: { script?: string; composeDir: string; log: Logger }): MessageQueue {
  const notifier: Notifier = createNotifier({ script: options.script, composeDir: options.composeDir, logger: options.log });
  let queue: Promise<void> = Promise.resolve();
  return {
    send(message, fields = {}) {
      if (!notifier.script) return;
      queue = queue.then(() => notifier.send(message, fields)).catch((error: unknown) => options.log.warn(`notification ${message}: ${(error as Error).message}`));
    },
    drain: () => queue,
  };
}
