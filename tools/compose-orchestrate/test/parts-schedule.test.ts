import { describe, expect, it } from 'vitest';
import { computeOverallStatus, type PartRecord, type PartsRecord } from '../src/parts/part-status.js';
import { scheduleParts, type SchedulablePart } from '../src/parts/schedule-parts.js';
import { buildPartArgv, decidePartStatus } from '../src/parts/run-part.js';

interface Part extends SchedulablePart {
  failable?: boolean;
}

/** Runs the scheduler with parts that take `ms` and end in `outcome`, recording what happened when. */
async function simulate(parts: Part[], outcomes: Record<string, { ms: number; status: PartRecord['status'] } | 'throw'>, signal?: AbortSignal) {
  const events: string[] = [];
  const running = new Set<string>();
  let maxParallel = 0;
  const seen: PartsRecord[] = [];
  const record: PartsRecord = Object.fromEntries(parts.map((p) => [p.name, { status: 'WAITING', path: null }]));
  await scheduleParts(parts, record, {
    signal,
    run: async (name) => {
      events.push(`start ${name}`);
      running.add(name);
      maxParallel = Math.max(maxParallel, running.size);
      const outcome = outcomes[name]!;
      if (outcome === 'throw') {
        running.delete(name);
        throw new Error('boom');
      }
      await new Promise((resolve) => setTimeout(resolve, outcome.ms));
      running.delete(name);
      events.push(`end ${name}`);
      return { status: outcome.status, path: `/parts/${name}` };
    },
    onChange: async (r) => {
      seen.push(structuredClone(r));
    },
    onBlocked: (name, failed) => events.push(`blocked ${name} by ${failed}`),
  });
  const overall = computeOverallStatus(parts.map((p) => ({ status: record[p.name]!.status, failable: p.failable === true })), signal?.aborted);
  return { events, record, maxParallel, seen, overall };
}

describe('scheduleParts', () => {
  const multi: Part[] = [{ name: 'server', dependsOn: [] }, { name: 'client', dependsOn: [] }, { name: 'rs', dependsOn: ['server'], failable: true }];

  it('runs independent parts at the same time and a dependent part after its dependency', async () => {
    const run = await simulate(multi, { server: { ms: 30, status: 'FINISHED' }, client: { ms: 60, status: 'FINISHED' }, rs: { ms: 10, status: 'FINISHED' } });
    expect(run.events.slice(0, 2)).toEqual(['start server', 'start client']);
    // rs does not wait for client, which it does not depend on.
    expect(run.events.indexOf('start rs')).toBeLessThan(run.events.indexOf('end client'));
    expect(run.events.indexOf('start rs')).toBeGreaterThan(run.events.indexOf('end server'));
    expect(run.maxParallel).toBe(2);
    expect(run.overall).toBe('FINISHED');
    expect(run.record['rs']).toEqual({ status: 'FINISHED', path: '/parts/rs' });
    // State is saved with running parts as STARTED along the way.
    expect(run.seen[0]).toMatchObject({ server: { status: 'STARTED' }, client: { status: 'STARTED' }, rs: { status: 'WAITING' } });
  });

  it('makes the whole FINISHED_INCOMPLETE when only a failable part fails', async () => {
    const run = await simulate(multi, { server: { ms: 5, status: 'FINISHED' }, client: { ms: 5, status: 'FINISHED' }, rs: { ms: 5, status: 'DOOMED' } });
    expect(run.overall).toBe('FINISHED_INCOMPLETE');
    const incomplete = await simulate(multi, { server: { ms: 5, status: 'FINISHED' }, client: { ms: 5, status: 'FINISHED_INCOMPLETE' }, rs: { ms: 5, status: 'FINISHED' } });
    expect(incomplete.overall).toBe('FINISHED_INCOMPLETE');
  });

  it('blocks every dependent of a failed part, down the chain, and DOOMs the whole', async () => {
    const chain: Part[] = [{ name: 'a', dependsOn: [] }, { name: 'b', dependsOn: ['a'] }, { name: 'c', dependsOn: ['b'] }, { name: 'd', dependsOn: [] }];
    const run = await simulate(chain, { a: { ms: 5, status: 'DOOMED' }, b: { ms: 5, status: 'FINISHED' }, c: { ms: 5, status: 'FINISHED' }, d: { ms: 20, status: 'FINISHED' } });
    expect(run.events).toContain('blocked b by a');
    expect(run.events).toContain('blocked c by b');
    expect(run.events.some((e) => e === 'start b' || e === 'start c')).toBe(false);
    expect(run.record['d']!.status).toBe('FINISHED');
    expect(run.overall).toBe('DOOMED');
  });

  it('counts a part whose runner throws as DOOMED', async () => {
    const run = await simulate(multi, { server: 'throw', client: { ms: 5, status: 'FINISHED' }, rs: { ms: 5, status: 'FINISHED' } });
    expect(run.record['server']!.status).toBe('DOOMED');
    expect(run.record['rs']!.status).toBe('BLOCKED');
    expect(run.overall).toBe('DOOMED');
  });

  it('starts nothing new once aborted and ends TERMINATED', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    const run = await simulate(multi, { server: { ms: 30, status: 'TERMINATED' }, client: { ms: 30, status: 'TERMINATED' }, rs: { ms: 5, status: 'FINISHED' } }, controller.signal);
    expect(run.events).not.toContain('start rs');
    expect(run.record['rs']!.status).toBe('WAITING');
    expect(run.overall).toBe('TERMINATED');
  });
});

describe('computeOverallStatus', () => {
  it('follows pungi-orchestrate: running, doomed by a required part, finished, incomplete', () => {
    expect(computeOverallStatus([{ status: 'FINISHED', failable: false }, { status: 'WAITING', failable: false }])).toBe('STARTED');
    expect(computeOverallStatus([{ status: 'FINISHED', failable: false }, { status: 'BLOCKED', failable: false }])).toBe('DOOMED');
    expect(computeOverallStatus([{ status: 'FINISHED', failable: false }, { status: 'BLOCKED', failable: true }])).toBe('FINISHED_INCOMPLETE');
    expect(computeOverallStatus([{ status: 'FINISHED', failable: false }])).toBe('FINISHED');
  });
});

describe('part command line', () => {
  const settings = { targetDir: '/c/multi/parts', composeType: 'nightly' as const, composeDate: '20261122', oldComposes: ['/c/old/parts'], extraArgs: ['--quiet'] };

  it('runs `compose` with the identity of the whole, the phases of the part and extra_args last', () => {
    expect(buildPartArgv({ justPhase: [], skipPhase: ['createiso', 'test'] }, '/tmp/m/server.conf', settings, '/bin/co.js')).toEqual([
      process.execPath, '/bin/co.js', 'compose', '--config', '/tmp/m/server.conf', '--target-dir', '/c/multi/parts', '--compose-type', 'nightly',
      '--compose-date', '20261122', '--skip-phase', 'createiso', '--skip-phase', 'test', '--old-composes', '/c/old/parts', '--quiet',
    ]);
  });

  it('labels production parts, or says they are unlabelled', () => {
    const production = { ...settings, composeType: 'production' as const, oldComposes: [], extraArgs: [] };
    expect(buildPartArgv({ justPhase: ['gather'], skipPhase: [] }, 'p.conf', { ...production, label: 'RC-1.0' }, 's').slice(8)).toEqual(['production', '--label', 'RC-1.0', '--compose-date', '20261122', '--just-phase', 'gather']);
    expect(buildPartArgv({ justPhase: [], skipPhase: [] }, 'p.conf', production, 's')).toContain('--no-label');
  });

  it("trusts a part's STATUS only when its exit code agrees", () => {
    expect(decidePartStatus(0, 'FINISHED_INCOMPLETE', false)).toBe('FINISHED_INCOMPLETE');
    expect(decidePartStatus(1, 'FINISHED', false)).toBe('DOOMED');
    expect(decidePartStatus(2, undefined, false)).toBe('DOOMED');
    expect(decidePartStatus(null, undefined, true)).toBe('TERMINATED');
    expect(decidePartStatus(1, 'TERMINATED', false)).toBe('TERMINATED');
  });
});
