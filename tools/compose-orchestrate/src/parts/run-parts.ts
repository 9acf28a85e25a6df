// `parts start` and `parts restart`: a compose made of several part composes, each a whole
// `compose` run of its own config, run in parallel as their dependencies allow and merged into
// one compose, as pungi-orchestrate does.
import { appendFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getLatestLinkName, updateLatestLink, validateLabel, type ComposeStatus } from '@compose/compose-info';
import { InputError } from '@compose/errors';
import type { Logger } from '@compose/log';
import { readPartsConfig, type PartsConfig } from '@compose/parts-config';
import { checkPartConfigs, type CheckedPart } from './check-part-configs.js';
import { createConfigMirror } from './config-mirror.js';
import { notifyStatusChange, runComposeScripts } from './compose-scripts.js';
import { createFinalCompose, getPartLogFile, getPartsDir, removePartLatestLinks, type FinalCompose } from './final-compose.js';
import { findOldMultiCompose } from './find-old-compose.js';
import { linkPartTrees, mergePartsMetadata } from './link-parts.js';
import { computeOverallStatus, describePartPath, isPartFinished, writePartsState, type PartRecord, type PartsRecord } from './part-status.js';
import { buildPartArgv, runPartCompose, type PartRunSettings } from './run-part.js';
import { scheduleParts } from './schedule-parts.js';

export interface PartsStartOptions {
  configFile: string;
  /** Overrides [general] target. */
  targetDir?: string;
  label?: string;
  noLabel?: boolean;
  /** YYYYMMDD for the whole and its parts; today (UTC) when absent. */
  composeDate?: string;
  signal: AbortSignal;
  log: Logger;
}

export interface PartsResult {
  composeDir: string;
  composeId: string;
  status: ComposeStatus;
  parts: PartsRecord;
  /** pre_compose_script failed (nothing ran) or post_compose_script failed after the status was final. */
  scriptError?: string;
}

export interface MultiComposeRun {
  config: PartsConfig;
  checked: Map<string, CheckedPart>;
  final: FinalCompose;
  record: PartsRecord;
  settings: PartRunSettings;
  signal: AbortSignal;
  log: Logger;
  /** Whether to point latest-<short>-<major> at the whole when it finishes. */
  updateLatestLink: boolean;
}

export async function startParts(options: PartsStartOptions): Promise<PartsResult> {
  const config = readPartsConfig(options.configFile);
  for (const warning of config.warnings) options.log.warn(warning);
  const targetDir = options.targetDir ? path.resolve(options.targetDir) : config.general.target;
  if (!targetDir) {
    throw new InputError('PARTS_NO_TARGET', `${config.file} sets no target and no --target-dir was given`, { hint: 'add target = DIR to [general] or pass --target-dir DIR' });
  }
  checkLabel(config, options.label, options.noLabel === true);
  const checked = checkPartConfigs(config);
  const final = await createFinalCompose(config, { targetDir, label: options.label, composeDate: options.composeDate });
  const record: PartsRecord = Object.fromEntries(config.parts.map((p) => [p.name, { status: 'WAITING', path: null } satisfies PartRecord]));
  const old = await findOldMultiCompose(targetDir, config.general.release, config.general.baseProduct, final.composeDir);
  const settings: PartRunSettings = {
    targetDir: getPartsDir(final.composeDir),
    composeType: config.general.composeType,
    ...(options.label ? { label: options.label } : {}),
    composeDate: final.date,
    oldComposes: old ? [getPartsDir(old)] : [],
    extraArgs: config.general.extraArgs,
  };
  if (old) options.log.info(`parts may reuse results of ${old}`);
  return runMultiCompose({ config, checked, final, record, settings, signal: options.signal, log: options.log, updateLatestLink: true });
}

// The rules `compose` applies to each part, checked once here so no part fails on them later.
function checkLabel(config: PartsConfig, label: string | undefined, noLabel: boolean): void {
  if (label !== undefined) validateLabel(label);
  const type = config.general.composeType;
  if (label !== undefined && type !== 'production') {
    throw new InputError('LABEL_NEEDS_PRODUCTION', `a label (${label}) is only allowed on production composes; ${config.file} sets compose_type = ${type}`, { hint: 'drop --label or set compose_type = production' });
  }
  if (type === 'production' && label === undefined && !noLabel) {
    throw new InputError('LABEL_REQUIRED', 'a production compose needs --label (e.g. RC-1.0) or --no-label', { hint: `or set another compose_type in ${config.file}` });
  }
}

/** Runs the parts that are not finished yet, merges them, and settles the whole's status. */
export async function runMultiCompose(run: MultiComposeRun): Promise<PartsResult> {
  const { config, final, record, log } = run;
  const detach = log.attachSink((line) => appendFileSync(path.join(final.composeDir, 'logs', 'orchestrator.log'), `${line}\n`));
  try {
    log.step(`composing ${final.composeId} from ${config.parts.length} parts in ${final.composeDir}`);
    await writePartsState(final.composeDir, record, 'STARTED');
    await notifyStatusChange(config.general.notificationScript, final.composeDir, log);
    const preError = await runPreScripts(run);
    if (preError) return { composeDir: final.composeDir, composeId: final.composeId, status: 'DOOMED', parts: record, scriptError: preError };
    await runAllParts(run);
    const status = computeOverallStatus(statesOf(config, record), run.signal.aborted);
    await writePartsState(final.composeDir, record, status);
    log.info(`overall status ${status}: ${config.parts.map((p) => `${p.name} ${record[p.name]!.status}`).join(', ')}`);
    const scriptError = await finishWhole(run, status);
    await notifyStatusChange(config.general.notificationScript, final.composeDir, log);
    return { composeDir: final.composeDir, composeId: final.composeId, status, parts: record, ...(scriptError ? { scriptError } : {}) };
  } finally {
    detach();
  }
}

async function runAllParts(run: MultiComposeRun): Promise<void> {
  const { config, final, record, log } = run;
  const mirrors = await mkdtemp(path.join(tmpdir(), 'compose-parts-'));
  const order = config.parts.map((p) => p.name);
  let merging: Promise<unknown> = Promise.resolve();
  try {
    await scheduleParts(config.parts, record, {
      signal: run.signal,
      onChange: (parts) => writePartsState(final.composeDir, parts, computeOverallStatus(statesOf(config, parts))),
      onBlocked: (name, failed) => log.warn(`part ${name} will not run: part ${failed} it depends on did not finish`),
      onError: (name, error) => log.error(`part ${name} failed: ${(error as Error).message}`),
      run: async (name, parts) => {
        const outcome = await runOnePart(run, name, parts, mirrors);
        if (!isPartFinished(outcome.status) || !outcome.path) return outcome;
        try {
          const linked = await linkPartTrees(final.composeDir, outcome.path);
          log.info(`part ${name}: linked ${linked.files} files of ${linked.trees.join(', ') || 'no trees'} into compose/`);
          // Metadata is rebuilt from all finished parts; one rebuild at a time.
          const next = merging.then(() => mergePartsMetadata(final, order, { ...parts, [name]: outcome }));
          merging = next.catch(() => undefined);
          await next;
          return outcome;
        } catch (error) {
          log.error(`part ${name}: cannot bring its results into the compose: ${(error as Error).message}`);
          return { status: 'DOOMED', path: outcome.path };
        }
      },
    });
  } finally {
    await rm(mirrors, { recursive: true, force: true });
  }
}

/** The latest link and post_compose_script, for a whole that finished; returns a script failure. */
async function finishWhole(run: MultiComposeRun, status: ComposeStatus): Promise<string | undefined> {
  if (status !== 'FINISHED' && status !== 'FINISHED_INCOMPLETE') return undefined;
  try {
    if (run.updateLatestLink) await updateLatestLink(path.dirname(run.final.composeDir), getLatestLinkName(run.config.general), run.final.composeId);
    await runComposeScripts('post_compose_', run.final.composeDir, run.config.general.postComposeScript, run.log);
    return undefined;
  } catch (error) {
    run.log.error((error as Error).message);
    return (error as Error).message;
  }
}

async function runOnePart(run: MultiComposeRun, name: string, parts: Readonly<PartsRecord>, mirrors: string): Promise<PartRecord> {
  const part = run.config.parts.find((p) => p.name === name)!;
  const values: Record<string, string> = { configdir: run.config.configDir };
  for (const [other, state] of Object.entries(parts)) if (isPartFinished(state.status) && state.path) values[`part-${other}`] = state.path;
  const configFile = await createConfigMirror({ config: part.config, files: run.checked.get(name)!.files, values, mirrorDir: path.join(mirrors, name) });
  const logFile = getPartLogFile(run.final.composeDir, name);
  run.log.info(`part ${name}: starting (${path.basename(part.config)}${part.dependsOn.length ? `, after ${part.dependsOn.join(', ')}` : ''}); log in ${path.relative(run.final.composeDir, logFile)}`);
  const outcome = await runPartCompose({ argv: buildPartArgv(part, configFile, run.settings), logFile, signal: run.signal });
  await removePartLatestLinks(run.final.composeDir);
  const where = describePartPath(run.final.composeDir, outcome.path);
  if (isPartFinished(outcome.status)) run.log.info(`part ${name}: ${outcome.status} in ${where}`);
  else {
    // The part's own last words name the phase and what went wrong.
    run.log.error(`part ${name}: ${outcome.status}${part.failable ? ' (failable)' : ''}, exit code ${outcome.exitCode ?? '-'}; see ${logFile}`);
    for (const line of outcome.tail) run.log.error(`  ${name}: ${line}`);
  }
  return { status: outcome.status, path: outcome.path };
}

/** pre_compose_script; when it fails no part runs and the whole is DOOMED. Returns the failure. */
async function runPreScripts(run: MultiComposeRun): Promise<string | undefined> {
  try {
    await runComposeScripts('pre_compose_', run.final.composeDir, run.config.general.preComposeScript, run.log);
    return undefined;
  } catch (error) {
    run.log.error((error as Error).message);
    await writePartsState(run.final.composeDir, run.record, 'DOOMED');
    await notifyStatusChange(run.config.general.notificationScript, run.final.composeDir, run.log);
    return (error as Error).message;
  }
}

function statesOf(config: PartsConfig, record: Readonly<PartsRecord>): { status: PartRecord['status']; failable: boolean }[] {
  return config.parts.map((p) => ({ status: record[p.name]!.status, failable: p.failable }));
}
