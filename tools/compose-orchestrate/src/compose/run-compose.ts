import path from 'node:path';
import { getLogFilePath, writeStatus, type ComposeStatus, type ComposeType } from '@compose/compose-info';
import type { PhaseRecord } from '@compose/contracts';
import { EXIT_BAD_INPUT, isComposeError } from '@compose/errors';
import type { Logger } from '@compose/log';
import { createNotifier, resolveNotificationScript } from '@compose/notify';
import { describeIdentity } from '../init/identity.js';
import { loadValidConfig } from '../init/load-config.js';
import { runInit } from '../init/run-init.js';
import { createMessageQueue, openComposeLog, type MessageQueue } from './compose-log.js';
import { collectDeliverables, describeDeliverable } from './deliverables.js';
import { decideStatus, linkLatest, writeDeliverablesLog, writeReport } from './finish-compose.js';
import { planCompose, type PlannedStep } from './plan-compose.js';
import { createPhasesLog, type PhasesLog } from './phases-log.js';
import { runTaskGraph, type GraphTask, type TaskResult } from './run-graph.js';
import { runStep, type StepContext } from './run-step.js';

export interface ComposeOptions {
  configFile: string;
  targetDir: string;
  composeType: ComposeType;
  label?: string;
  composeDate?: string;
  skipPhases: readonly string[];
  justPhases: readonly string[];
  oldComposes: readonly string[];
  notificationScript?: string;
  quiet: boolean;
  signal: AbortSignal;
  log: Logger;
  /** The command line, for the fail-to-start message. */
  argv: readonly string[];
}

export interface ComposeResult {
  composeDir: string;
  composeId: string;
  status: ComposeStatus;
  durationMs: number;
  phases: PhaseRecord[];
  failedDeliverables: string[];
  report?: string;
}

/**
 * A whole compose: checks config and phase selection, runs init in-process, then every phase
 * tool as a child process as soon as what it needs is done, and settles STATUS, phases.json,
 * deliverables.json, the latest link and the report. Throws only before the compose exists.
 */
export async function runCompose(options: ComposeOptions): Promise<ComposeResult> {
  const { log, signal } = options;
  const started = new Date();
  const script = resolveNotificationScript(options.notificationScript);
  const oldComposes = options.oldComposes.map((dir) => path.resolve(dir));
  let prepared;
  try {
    const loaded = loadValidConfig(options.configFile);
    const plan = planCompose(loaded.config, { skip: options.skipPhases, just: options.justPhases });
    const init = await runInit({ ...options, loaded, log, signal });
    prepared = { loaded, plan, init };
  } catch (error) {
    if (!isComposeError(error) || error.exitCode === EXIT_BAD_INPUT) await notifyFailToStart(options, script, error);
    throw error;
  }
  const { loaded, plan, init } = prepared;
  const { composeDir, composeId } = init;
  const composeLog = openComposeLog(getLogFilePath(composeDir, undefined, 'compose'), log);
  const messages = createMessageQueue({ script, composeDir, log });
  const phases = createPhasesLog(composeDir, composeId, started.toISOString());
  try {
    messages.send('status-change', { status: 'STARTED' });
    recordInit(phases, messages, started, log);
    for (const warning of plan.warnings) log.warn(warning);
    for (const planned of plan.steps) phases.add(planned.step.name, planned.skipReason ? { status: 'skipped', reason: planned.skipReason } : {});
    await phases.write();

    const context: StepContext = { composeDir, oldComposes, quiet: options.quiet, notificationScript: script, signal, echo: () => undefined };
    const tasks = plan.steps.map((planned) => toTask(planned, { context, phases, messages, composeLog, log }));
    const states = await runTaskGraph(tasks, {
      signal,
      onNotRun: (name, reason) => phases.update(name, { status: 'skipped', reason }),
    });

    const deliverables = await collectDeliverables(composeDir, log);
    await writeDeliverablesLog(composeDir, deliverables, log);
    const status = decideStatus(signal.aborted, states, deliverables);
    await writeStatus(composeDir, status);
    const finished = new Date();
    phases.setDeliverables(deliverables);
    phases.setStatus(status, finished.toISOString());
    await phases.write();
    messages.send('status-change', { status });
    if (status === 'FINISHED' || status === 'FINISHED_INCOMPLETE') {
      await linkLatest(composeDir, describeIdentity(loaded.config, { composeType: options.composeType, ...(options.composeDate ? { composeDate: options.composeDate } : {}) }), log);
    }
    const report = await writeReport(composeDir, log);
    const durationMs = finished.getTime() - started.getTime();
    const say = status === 'FINISHED' || status === 'FINISHED_INCOMPLETE' ? log.step : log.error;
    say(`compose ${composeId} ${status} in ${(durationMs / 1000).toFixed(1)} s: ${composeDir}`);
    return {
      composeDir,
      composeId,
      status,
      durationMs,
      phases: phases.snapshot().phases,
      failedDeliverables: deliverables.filter((d) => d.status === 'failed').map(describeDeliverable),
      ...(report ? { report } : {}),
    };
  } catch (error) {
    // A bug of ours must not leave a compose that looks alive.
    log.error(`compose failed: ${(error as Error).message}`);
    await writeStatus(composeDir, signal.aborted ? 'TERMINATED' : 'DOOMED').catch(() => undefined);
    phases.setStatus(signal.aborted ? 'TERMINATED' : 'DOOMED', new Date().toISOString());
    await phases.write().catch(() => undefined);
    throw error;
  } finally {
    await messages.drain();
    await composeLog.close();
  }
}

/** Init ran in-process before the log and messages existed: record it now, with its real times. */
function recordInit(phases: PhasesLog, messages: MessageQueue, started: Date, log: Logger): void {
  const finished = new Date();
  phases.add('init', {
    status: 'done',
    started: started.toISOString(),
    finished: finished.toISOString(),
    duration_ms: finished.getTime() - started.getTime(),
    log: 'logs/global/init.global.log',
  });
  messages.send('phase-start', { phase_name: 'init' });
  messages.send('phase-stop', { phase_name: 'init' });
  log.info(`init done in ${((finished.getTime() - started.getTime()) / 1000).toFixed(2)} s`);
}

interface TaskServices {
  context: StepContext;
  phases: PhasesLog;
  messages: MessageQueue;
  composeLog: ReturnType<typeof openComposeLog>;
  log: Logger;
}

function toTask(planned: PlannedStep, services: TaskServices): GraphTask {
  const { step } = planned;
  const { phases, messages, log } = services;
  return {
    name: step.name,
    needs: step.needs,
    ...(planned.skipReason ? { skipReason: planned.skipReason } : {}),
    run: async (): Promise<TaskResult> => {
      const started = new Date();
      phases.update(step.name, { status: 'running', started: started.toISOString() });
      void phases.write().catch(() => undefined);
      for (const phase of planned.phases) messages.send('phase-start', { phase_name: phase });
      log.step(`${step.name}: started`);
      const outcome = await runStep(step, { ...services.context, echo: (line) => services.composeLog.echo(step.name, line) });
      const finished = new Date();
      phases.update(step.name, {
        status: outcome.status,
        finished: finished.toISOString(),
        duration_ms: finished.getTime() - started.getTime(),
        exit_code: outcome.exitCode,
        command: outcome.command,
        log: outcome.log,
        ...(outcome.message ? { reason: outcome.message } : {}),
      });
      phases.setDeliverables(await collectDeliverables(services.context.composeDir));
      await phases.write();
      const seconds = ((finished.getTime() - started.getTime()) / 1000).toFixed(2);
      if (outcome.status === 'done') {
        for (const phase of planned.phases) messages.send('phase-stop', { phase_name: phase });
        log.info(`${step.name}: done in ${seconds} s`);
      } else if (outcome.status === 'failed') {
        const failed = phases.snapshot().deliverables.filter((d) => d.status === 'failed' && !d.failable).map(describeDeliverable);
        log.error(`phase ${step.name} failed after ${seconds} s: ${outcome.message ?? 'see its log'}${failed.length ? ` (failed: ${failed.join(', ')})` : ''} (log: ${outcome.log})`);
      } else {
        log.warn(`${step.name}: stopped after ${seconds} s`);
      }
      return outcome.status;
    },
  };
}

/** Pungi's fail-to-start: the compose never existed, so the message has no compose keys. */
async function notifyFailToStart(options: ComposeOptions, script: string | undefined, error: unknown): Promise<void> {
  if (!script) return;
  const notifier = createNotifier({ script, logger: options.log });
  const targetDir = path.resolve(options.targetDir);
  await notifier.send('fail-to-start', {
    workdir: targetDir,
    command: [process.argv[1] ?? 'compose-orchestrate', ...options.argv],
    target_dir: targetDir,
    config: path.resolve(options.configFile),
    detail: (error as Error).message,
  });
}
