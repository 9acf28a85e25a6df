import { InputError, NotImplementedError } from '@compose/errors';
import { COMPOSE_STEPS, SUB_PHASE_OPTIONS, UNIMPLEMENTED_PHASES, isOptionSet, type StepDefinition } from './phase-plan.js';

type Config = Readonly<Record<string, unknown>>;

export interface PhaseSelection {
  /** --skip-phase values. */
  skip: readonly string[];
  /** --just-phase values. */
  just: readonly string[];
}

export interface PlannedStep {
  step: StepDefinition;
  /** Set when the step does not run: why. */
  skipReason?: string;
  /** Pungi phases the run performs (for phase-start/phase-stop messages). */
  phases: string[];
}

export interface ComposePlan {
  steps: PlannedStep[];
  warnings: string[];
}

/** As pungi-koji checks: a phase the next one needs cannot be left out alone. */
const NEEDED_BY: Readonly<Record<string, string>> = { pkgset: 'gather', gather: 'createrepo' };

/** Why `phase` does not run under this selection, as Pungi decides it (skip first, then just). */
export function findSkipReason(phase: string, config: Config, selection: PhaseSelection): string | undefined {
  if (selection.skip.includes(phase)) return 'skipped by --skip-phase';
  if (listConfigSkips(config).includes(phase)) return 'skipped by skip_phases in the config';
  if (selection.just.length > 0 && !selection.just.includes(phase)) return 'not named by --just-phase';
  return undefined;
}

function listConfigSkips(config: Config): string[] {
  return Array.isArray(config['skip_phases']) ? config['skip_phases'].map(String) : [];
}

/**
 * Decides which tool runs happen. Everything that would make the compose fail before doing
 * anything useful (a needed phase skipped, a configured phase with no tool yet) is an error
 * here, before the compose directory exists.
 */
export function planCompose(config: Config, selection: PhaseSelection): ComposePlan {
  checkNeededPhases(config, selection);
  checkUnimplementedPhases(config, selection);
  const warnings: string[] = [];
  if (selection.skip.includes('init')) warnings.push('the init phase cannot be skipped; it runs');
  const steps = COMPOSE_STEPS.map((step): PlannedStep => {
    const [main, ...subPhases] = step.phases as [string, ...string[]];
    const mainReason = findSkipReason(main, config, selection);
    for (const sub of subPhases.filter((p) => isOptionSet(config, SUB_PHASE_OPTIONS[p] ?? p))) {
      const subReason = findSkipReason(sub, config, selection);
      // The tool does both in one run and has no switch to leave one out: say what happens.
      if (subReason && !mainReason) warnings.push(`${sub} runs anyway: ${step.tool} does it together with ${main} (${sub}: ${subReason})`);
      if (!subReason && mainReason) warnings.push(`${sub} does not run: ${step.tool} does it together with ${main}, which is ${mainReason}`);
    }
    if (mainReason) return { step, skipReason: mainReason, phases: [] };
    const idle = step.idleReason?.(config);
    if (idle) return { step, skipReason: idle, phases: [] };
    return { step, phases: [main, ...subPhases.filter((p) => isOptionSet(config, SUB_PHASE_OPTIONS[p] ?? p))] };
  });
  return { steps, warnings };
}

function checkNeededPhases(config: Config, selection: PhaseSelection): void {
  const skipped = [...selection.skip, ...listConfigSkips(config)];
  for (const [phase, consumer] of Object.entries(NEEDED_BY)) {
    const leftOut = (skipped.includes(phase) && !skipped.includes(consumer)) || (selection.just.includes(consumer) && !selection.just.includes(phase));
    if (leftOut) {
      throw new InputError('PHASE_NEEDED', `the ${phase} phase is skipped but the ${consumer} phase needs it`, {
        hint: selection.just.includes(consumer) ? `add --just-phase ${phase}` : `skip ${consumer} too, or run ${phase}`,
      });
    }
  }
}

function checkUnimplementedPhases(config: Config, selection: PhaseSelection): void {
  const wanted = Object.entries(UNIMPLEMENTED_PHASES)
    .filter(([phase, isConfigured]) => isConfigured(config) && !findSkipReason(phase, config, selection))
    .map(([phase]) => phase);
  if (wanted.length > 0) {
    throw new NotImplementedError(
      `the ${wanted.join(', ')} phase${wanted.length > 1 ? 's' : ''} (configured in the config)`,
      `skip ${wanted.length > 1 ? 'them' : 'it'} with ${wanted.map((p) => `--skip-phase ${p}`).join(' ')}, or remove the option from the config`,
    );
  }
}
