// `parts restart`: runs chosen parts of an existing multi-part compose again, keeping the others.
import path from 'node:path';
import { InputError } from '@compose/errors';
import type { Logger } from '@compose/log';
import { listAllDependents, readPartsConfig, type PartsConfig } from '@compose/parts-config';
import { checkPartConfigs } from './check-part-configs.js';
import { getPartsDir, openFinalCompose } from './final-compose.js';
import { unlinkPartTrees } from './link-parts.js';
import { isPartFinished, readPartsRecord, type PartsRecord } from './part-status.js';
import { runMultiCompose, type PartsResult } from './run-parts.js';

export interface PartsRestartOptions {
  configFile: string;
  composeDir: string;
  /** Parts to run again; none means every part that did not finish. */
  parts: readonly string[];
  signal: AbortSignal;
  log: Logger;
}

export async function restartParts(options: PartsRestartOptions): Promise<PartsResult> {
  const config = readPartsConfig(options.configFile);
  for (const warning of config.warnings) options.log.warn(warning);
  const checked = checkPartConfigs(config);
  const final = await openFinalCompose(options.composeDir);
  const record = reconcileRecord(config, await readPartsRecord(final.composeDir), final.composeDir);
  const chosen = chooseParts(config, record, options.parts);
  for (const name of chosen) {
    const previous = record[name]!.path;
    if (previous) {
      const trees = await unlinkPartTrees(final.composeDir, previous);
      if (trees.length > 0) options.log.info(`part ${name}: removed ${trees.join(', ')} of its previous run (${path.basename(previous)}) from compose/`);
    }
    record[name] = { status: 'WAITING', path: null };
  }
  options.log.info(`restarting ${chosen.join(', ')} of ${final.composeId}`);
  return runMultiCompose({
    config, checked, final, record,
    settings: {
      targetDir: getPartsDir(final.composeDir),
      composeType: config.general.composeType,
      ...(final.label ? { label: final.label } : {}),
      ...(final.date ? { composeDate: final.date } : {}),
      // The earlier runs of the restarted parts are the best source of reusable results.
      oldComposes: [getPartsDir(final.composeDir)],
      extraArgs: config.general.extraArgs,
    },
    signal: options.signal,
    log: options.log,
    updateLatestLink: false,
  });
}

/** parts.json against the parts file: parts added since get WAITING; a run cut short leaves no STARTED. */
function reconcileRecord(config: PartsConfig, saved: PartsRecord, composeDir: string): PartsRecord {
  const names = new Set(config.parts.map((p) => p.name));
  const gone = Object.keys(saved).filter((name) => !names.has(name));
  if (gone.length > 0) {
    throw new InputError('PARTS_CONFIG_MISMATCH', `${composeDir} has part(s) ${gone.join(', ')} that ${config.file} does not define`, {
      hint: 'restart with the parts file the compose was started with',
    });
  }
  const record: PartsRecord = {};
  for (const part of config.parts) {
    const state = saved[part.name] ?? { status: 'WAITING', path: null };
    // No process runs any more for a part recorded as running: the orchestrator was killed.
    record[part.name] = state.status === 'STARTED' || state.status === 'READY' ? { status: 'TERMINATED', path: state.path } : { ...state };
  }
  return record;
}

/**
 * The parts to run: those named (or every unfinished one), plus their unfinished dependents,
 * which were blocked by them. At least one must be able to start.
 */
function chooseParts(config: PartsConfig, record: PartsRecord, requested: readonly string[]): string[] {
  const known = config.parts.map((p) => p.name);
  for (const name of requested) {
    if (!known.includes(name)) throw new InputError('PARTS_UNKNOWN_PART', `there is no part '${name}'`, { hint: `parts: ${known.join(', ')}` });
  }
  const base = requested.length > 0 ? new Set(requested) : new Set(known.filter((n) => !isPartFinished(record[n]!.status)));
  if (base.size === 0) {
    throw new InputError('PARTS_NOTHING_TO_RESTART', 'every part has finished; nothing to restart', { hint: 'name the parts to run again with --part NAME' });
  }
  const chosen = new Set(base);
  for (const name of base) for (const dependent of listAllDependents(config.parts, name)) if (!isPartFinished(record[dependent]!.status)) chosen.add(dependent);
  const runnable = config.parts.some((p) => chosen.has(p.name) && p.dependsOn.every((d) => !chosen.has(d) && isPartFinished(record[d]!.status)));
  if (!runnable) {
    throw new InputError('PARTS_RESTART_BLOCKED', `every part to restart (${[...chosen].join(', ')}) depends on a part that has not finished`, {
      hint: 'restart the failed dependencies too (--part NAME for each)',
    });
  }
  return known.filter((n) => chosen.has(n));
}
