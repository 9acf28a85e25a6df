import { describe, expect, it } from 'vitest';
import { ComposeError } from '@compose/errors';
import { COMPOSE_STEPS, listKnownPhases } from '../src/compose/phase-plan.js';
import { planCompose } from '../src/compose/plan-compose.js';

const none = { skip: [], just: [] };
const byName = (plan: ReturnType<typeof planCompose>) => Object.fromEntries(plan.steps.map((s) => [s.step.name, s]));

describe('planCompose', () => {
  it('runs every phase the dummy config has work for, and says why ostree does not run', () => {
    const plan = byName(planCompose({ extra_isos: { '^Server$': [{}] } }, none));
    expect(Object.keys(plan)).toEqual(['pkgset', 'gather', 'createrepo', 'createiso', 'image_checksum', 'ostree', 'repoclosure', 'test']);
    expect(plan['ostree']?.skipReason).toBe('no ostree option in the config');
    expect(plan['createiso']?.phases).toEqual(['createiso', 'extra_isos']);
    expect(plan['createrepo']?.phases).toEqual(['createrepo']);
    expect(Object.values(plan).filter((s) => s.skipReason)).toHaveLength(1);
  });

  it('skips phases named by --skip-phase or skip_phases, and everything but --just-phase', () => {
    const skipped = byName(planCompose({ skip_phases: ['repoclosure'] }, { skip: ['test'], just: [] }));
    expect(skipped['test']?.skipReason).toBe('skipped by --skip-phase');
    expect(skipped['repoclosure']?.skipReason).toBe('skipped by skip_phases in the config');
    const just = byName(planCompose({}, { skip: [], just: ['pkgset', 'gather'] }));
    expect(Object.entries(just).filter(([, s]) => !s.skipReason).map(([name]) => name)).toEqual(['pkgset', 'gather']);
    expect(just['createrepo']?.skipReason).toBe('not named by --just-phase');
  });

  it('refuses to leave out a phase the next one needs, as pungi-koji does', () => {
    const error = (() => {
      try {
        planCompose({}, { skip: ['pkgset'], just: [] });
      } catch (e) {
        return e as ComposeError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('PHASE_NEEDED');
    expect(error?.exitCode).toBe(2);
    expect(() => planCompose({}, { skip: [], just: ['createrepo'] })).toThrow(/gather phase is skipped but the createrepo phase needs it/);
    expect(() => planCompose({}, { skip: ['pkgset', 'gather', 'createrepo'], just: [] })).not.toThrow();
  });

  it('stops before starting when a configured phase has no tool yet, unless it is skipped', () => {
    const config = { buildinstall_method: 'lorax', live_media: { '^Server$': [{}] } };
    expect(() => planCompose(config, none)).toThrow(/buildinstall, live_media phases .* not implemented/);
    expect(() => planCompose(config, { skip: ['buildinstall', 'live_media'], just: [] })).not.toThrow();
    expect(() => planCompose({}, { skip: ['buildinstall'], just: [] })).not.toThrow();
  });

  it('warns when a sub-phase cannot be separated from the tool run that does it', () => {
    const plan = planCompose({ extra_files: [['^Server$', {}]] }, { skip: ['extra_files'], just: [] });
    expect(plan.warnings.join('\n')).toMatch(/extra_files runs anyway: compose-createrepo does it together with createrepo/);
  });

  it('accepts every phase name Pungi has', () => {
    for (const phase of ['pkgset', 'gather', 'createrepo', 'extra_files', 'createiso', 'extra_isos', 'image_checksum', 'ostree', 'repoclosure', 'test', 'buildinstall', 'live_media', 'osbs', 'image_build', 'ostree_installer']) {
      expect(listKnownPhases()).toContain(phase);
    }
    for (const step of COMPOSE_STEPS) for (const need of step.needs) expect(COMPOSE_STEPS.map((s) => s.name)).toContain(need);
  });
});
