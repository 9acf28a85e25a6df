import { describe, expect, it } from 'vitest';
import { COMPOSE_STEPS } from '../src/compose/phase-plan.js';
import { runTaskGraph, type GraphTask, type TaskResult } from '../src/compose/run-graph.js';

/** Tasks shaped like the compose's steps, each taking `ms[name]` and logging start/end. */
function makeTasks(ms: Record<string, number>, results: Record<string, TaskResult> = {}, skip: Record<string, string> = {}) {
  const events: string[] = [];
  const tasks: GraphTask[] = COMPOSE_STEPS.map((step) => ({
    name: step.name,
    needs: step.needs,
    ...(skip[step.name] ? { skipReason: skip[step.name] } : {}),
    run: async () => {
      events.push(`start ${step.name}`);
      await new Promise((r) => setTimeout(r, ms[step.name] ?? 5));
      events.push(`end ${step.name}`);
      return results[step.name] ?? 'done';
    },
  }));
  return { tasks, events };
}

describe('runTaskGraph', () => {
  it('runs createiso, ostree and repoclosure together once createrepo is done, and test without waiting for repoclosure', async () => {
    const { tasks, events } = makeTasks({ repoclosure: 200, createiso: 20, image_checksum: 5, test: 5 });
    const states = await runTaskGraph(tasks, { signal: new AbortController().signal });
    expect([...states.values()].every((s) => s === 'done')).toBe(true);
    const at = (e: string) => events.indexOf(e);
    expect(at('start createiso')).toBeLessThan(at('end repoclosure'));
    expect(at('start repoclosure')).toBeLessThan(at('end createiso'));
    expect(at('start ostree')).toBeLessThan(at('end createiso'));
    expect(at('end test')).toBeLessThan(at('end repoclosure'));
    expect(at('end createrepo')).toBeLessThan(at('start createiso'));
  });

  it('lets dependents of a skipped task run', async () => {
    const { tasks, events } = makeTasks({}, {}, { createiso: 'skipped by --skip-phase' });
    const states = await runTaskGraph(tasks, { signal: new AbortController().signal });
    expect(states.get('createiso')).toBe('skipped');
    expect(states.get('test')).toBe('done');
    expect(events).not.toContain('start createiso');
  });

  it('starts nothing new after a failure and says why the rest did not run', async () => {
    const { tasks, events } = makeTasks({ repoclosure: 100, createiso: 5 }, { createiso: 'failed' });
    const notRun: string[] = [];
    const states = await runTaskGraph(tasks, { signal: new AbortController().signal, onNotRun: (name, reason) => notRun.push(`${name}: ${reason}`) });
    expect(states.get('createiso')).toBe('failed');
    // Already running when createiso failed: it finishes.
    expect(states.get('repoclosure')).toBe('done');
    expect(states.get('image_checksum')).toBe('not-run');
    expect(notRun).toContain('image_checksum: not run: createiso failed');
    expect(events).not.toContain('start test');
  });

  it('starts nothing once aborted', async () => {
    const controller = new AbortController();
    const { tasks, events } = makeTasks({ pkgset: 50 });
    setTimeout(() => controller.abort(), 10);
    const states = await runTaskGraph(tasks, { signal: controller.signal });
    expect(events).toEqual(['start pkgset', 'end pkgset']);
    expect(states.get('gather')).toBe('not-run');
  });
});
