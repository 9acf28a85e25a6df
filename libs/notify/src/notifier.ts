import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runTool } from '@compose/exec';
import { tryParseComposeId } from '@compose/compose-info';
import type { Logger } from '@compose/log';

/** Environment variable through which the orchestrator hands its notification script to phase tools. */
export const NOTIFICATION_SCRIPT_ENV = 'COMPOSE_NOTIFICATION_SCRIPT';

export interface NotifierOptions {
  /** The script; falls back to $COMPOSE_NOTIFICATION_SCRIPT. None means messages are dropped. */
  script?: string;
  /** Absent before the compose exists (Pungi's fail-to-start): messages then carry no compose keys. */
  composeDir?: string;
  logger?: Logger;
  /** Working directory of the script (Pungi: the directory pungi-koji was started from). */
  cwd?: string;
}

export interface Notifier {
  readonly script: string | undefined;
  send(message: string, fields?: Record<string, unknown>): Promise<void>;
}

export interface ComposeFields {
  compose_id: string;
  location: string;
  compose_date?: string;
  compose_type?: string;
  compose_respin?: number;
  compose_label?: string | null;
}

/** Picks the explicit script, else the one the orchestrator exported; empty means none. */
export function resolveNotificationScript(explicit?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const script = explicit ?? env[NOTIFICATION_SCRIPT_ENV];
  return script ? script : undefined;
}

/** The keys Pungi's notifier adds to every message, read from the compose directory. */
export async function readComposeFields(composeDir: string): Promise<ComposeFields> {
  const composeId = (await readFile(path.join(composeDir, 'COMPOSE_ID'), 'utf8')).trim();
  const parsed = tryParseComposeId(composeId);
  const fields: ComposeFields = { compose_id: composeId, location: path.join(path.resolve(composeDir), 'compose') };
  if (parsed) {
    fields.compose_date = parsed.date;
    fields.compose_type = parsed.type;
    fields.compose_respin = parsed.respin;
  }
  fields.compose_label = await readComposeLabel(composeDir);
  return fields;
}

async function readComposeLabel(composeDir: string): Promise<string | null> {
  try {
    const info = JSON.parse(await readFile(path.join(composeDir, 'compose/metadata/composeinfo.json'), 'utf8'));
    return info?.payload?.compose?.label ?? null;
  } catch {
    return null;
  }
}

/**
 * Creates a notifier. As in Pungi, the script gets the message name as its one argument and a
 * JSON object on stdin; a failing script is logged and never fails the compose.
 */
export function createNotifier(options: NotifierOptions): Notifier {
  const script = resolveNotificationScript(options.script);
  let base: Promise<Partial<ComposeFields>> | undefined;
  return {
    script,
    async send(message, fields = {}) {
      if (!script) return;
      base ??= options.composeDir === undefined ? Promise.resolve({}) : readComposeFields(options.composeDir);
      const payload = { ...(await base), ...fields };
      try {
        await runTool([script, message], { input: JSON.stringify(payload), cwd: options.cwd });
      } catch (error) {
        options.logger?.warn(`notification script ${script} failed for ${message}: ${(error as Error).message}`);
      }
    },
  };
}
