// pre/post_compose_script and notification_script of [general], with the environment and
// payload pungi-orchestrate gives them, read from the final compose's composeinfo.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getMetadataPath, readStatus } from '@compose/compose-info';
import { FailedError } from '@compose/errors';
import { runTool } from '@compose/exec';
import type { Logger } from '@compose/log';
import { createNotifier } from '@compose/notify';

type ComposeData = Record<string, string | number | boolean | null>;

/** compose_* and release_* (and base_product_* for layered products) of a compose. */
export async function readComposeData(composeDir: string): Promise<ComposeData> {
  const info = JSON.parse(await readFile(getMetadataPath(composeDir, 'composeinfo.json'), 'utf8'));
  const { compose, release } = info.payload;
  const base = info.payload.base_product;
  const data: ComposeData = {
    compose_id: compose.id,
    compose_date: compose.date,
    compose_type: compose.type,
    compose_respin: String(compose.respin),
    compose_label: compose.label ?? null,
    release_id: createReleaseId(release, base),
    release_name: release.name,
    release_short: release.short,
    release_version: release.version,
    release_type: release.type,
    release_is_layered: base !== undefined,
  };
  if (base) Object.assign(data, { base_product_name: base.name, base_product_short: base.short, base_product_version: base.version, base_product_type: base.type });
  return data;
}

/** productmd's release ID: short-version[-type], then @ and the base product's. */
function createReleaseId(release: { short: string; version: string; type: string }, base?: { short: string; version: string; type: string }): string {
  const one = (p: { short: string; version: string; type: string }): string => `${p.short}-${p.version}${p.type === 'ga' ? '' : `-${p.type}`}`;
  return base ? `${one(release)}@${one(base)}` : one(release);
}

/** COMPOSE_PATH plus the upper-cased compose data; booleans are YES or empty. */
export function buildScriptEnv(composeDir: string, data: ComposeData): Record<string, string> {
  const env: Record<string, string> = { COMPOSE_PATH: composeDir };
  for (const [key, value] of Object.entries(data)) {
    env[key.toUpperCase()] = typeof value === 'boolean' ? (value ? 'YES' : '') : value === null || value === '' ? '' : String(value);
  }
  return env;
}

/**
 * Runs each line of a script setting through the shell, output in logs/<prefix><n>.log.
 * The first failing command stops the rest and fails with its log named.
 */
export async function runComposeScripts(prefix: 'pre_compose_' | 'post_compose_', composeDir: string, commands: readonly string[], log: Logger): Promise<void> {
  if (commands.length === 0) return;
  const env = buildScriptEnv(composeDir, await readComposeData(composeDir));
  for (const [index, command] of commands.entries()) {
    const logFile = path.join(composeDir, 'logs', `${prefix}${index}.log`);
    log.info(`running ${prefix}script: ${command} (output in ${path.relative(composeDir, logFile)})`);
    const result = await runTool(['/bin/sh', '-c', command], { env, okExitCodes: Array.from({ length: 256 }, (_, c) => c) });
    await writeFile(logFile, `${result.stdout}${result.stderr}`);
    if (result.exitCode !== 0) {
      throw new FailedError('PARTS_SCRIPT_FAILED', `${prefix}script command failed with exit code ${result.exitCode}: ${command}`, {
        hint: `see ${logFile}`,
      });
    }
  }
}

/** The status-change message of the whole, as pungi-orchestrate sends it at start and end. */
export async function notifyStatusChange(script: string | undefined, composeDir: string, log: Logger): Promise<void> {
  const notifier = createNotifier({ script, composeDir, logger: log });
  if (!notifier.script) return;
  const status = await readStatus(composeDir).catch(() => undefined);
  await notifier.send('status-change', { ...(await readComposeData(composeDir)), workdir: composeDir, location: composeDir, status: status ?? null });
}
