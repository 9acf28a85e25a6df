import { describe, expect, it } from 'vitest';
import {
  createComposeId,
  getLabelMajorVersion,
  isReleaseCandidateLabel,
  parseComposeId,
  tryParseComposeId,
  validateLabel,
  formatComposeDate,
} from '@compose/compose-info';
import { InputError } from '@compose/errors';

const DP = { short: 'DP', version: '1.0' };

describe('createComposeId', () => {
  it.each([
    ['production', 'DP-1.0-20261122.0'],
    ['test', 'DP-1.0-20261122.t.0'],
    ['nightly', 'DP-1.0-20261122.n.0'],
    ['ci', 'DP-1.0-20261122.ci.0'],
  ] as const)('%s -> %s', (type, id) => {
    expect(createComposeId({ release: DP, date: '20261122', type, respin: 0 })).toBe(id);
  });

  it('adds a non-ga release type after the version and the base product of layered releases', () => {
    expect(createComposeId({ release: { ...DP, type: 'updates' }, date: '20261122', type: 'production', respin: 3 }))
      .toBe('DP-1.0-updates-20261122.3');
    expect(createComposeId({ release: { ...DP, type: 'GA' }, date: '20261122', type: 'test', respin: 0 }))
      .toBe('DP-1.0-20261122.t.0');
    expect(createComposeId({
      release: { short: 'Gluster', version: '2.3' },
      baseProduct: { short: 'RHEL', version: '7', type: 'eus' },
      date: '20261122', type: 'nightly', respin: 1,
    })).toBe('Gluster-2.3-RHEL-7-eus-20261122.n.1');
  });

  it('rejects bad dates, release types and versions as input errors', () => {
    expect(() => createComposeId({ release: DP, date: '2026-11-22', type: 'test', respin: 0 })).toThrow(InputError);
    expect(() => createComposeId({ release: { ...DP, type: 'beta' }, date: '20261122', type: 'test', respin: 0 }))
      .toThrow(/not a known release type/);
    expect(() => createComposeId({ release: { short: 'DP', version: '1..0' }, date: '20261122', type: 'test', respin: 0 }))
      .toThrow(/version/);
    expect(createComposeId({ release: { short: 'Fedora', version: 'Rawhide' }, date: '20261122', type: 'nightly', respin: 0 }))
      .toBe('Fedora-Rawhide-20261122.n.0');
  });
});

describe('parseComposeId', () => {
  it('splits every compose ID form, long suffixes included', () => {
    expect(parseComposeId('DP-1.0-20261122.t.0')).toEqual({ prefix: 'DP-1.0', date: '20261122', type: 'test', respin: 0 });
    expect(parseComposeId('DP-1.0-updates-20261122.12')).toEqual({ prefix: 'DP-1.0-updates', date: '20261122', type: 'production', respin: 12 });
    expect(parseComposeId('Gluster-2.3-RHEL-7-20261122.ci.2').type).toBe('ci');
    expect(parseComposeId('F-39-20261122.nightly.1').type).toBe('nightly');
  });

  it('round-trips created IDs', () => {
    const id = createComposeId({ release: DP, date: '20261231', type: 'nightly', respin: 7 });
    expect(parseComposeId(id)).toEqual({ prefix: 'DP-1.0', date: '20261231', type: 'nightly', respin: 7 });
  });

  it('rejects what is not a compose ID', () => {
    expect(tryParseComposeId('latest-DP-1')).toBeUndefined();
    expect(() => parseComposeId('DP-1.0-2026112.0')).toThrow(InputError);
  });

  it('formats dates as YYYYMMDD', () => {
    expect(formatComposeDate(new Date(2026, 0, 5))).toBe('20260105');
  });
});

describe('labels', () => {
  it.each(['Beta-1.0', 'RC-1.2', 'Alpha-0.1', 'DevelPhaseExit-1.0', 'InternalAlpha-2.10', 'InternalSnapshot-1.0', 'Snapshot-3.4', 'Update-1.1'])(
    'accepts %s', (label) => {
      expect(validateLabel(label)).toBe(label);
    },
  );

  it.each(['Beta', 'beta-1.0', 'RC-1', 'RC-1.2.3', 'GA-1.0', 'RC-1.0-x', ' RC-1.0'])('rejects %s with the allowed forms', (label) => {
    expect(() => validateLabel(label)).toThrow(InputError);
    try {
      validateLabel(label);
    } catch (error) {
      expect((error as InputError).code).toBe('COMPOSE_BAD_LABEL');
      expect((error as InputError).hint).toContain('Beta-1.0');
      expect((error as InputError).hint).toContain('DevelPhaseExit');
    }
  });

  it('derives the label major version and the RC flag', () => {
    expect(getLabelMajorVersion('Beta-1.2')).toBe('Beta-1');
    expect(isReleaseCandidateLabel('RC-1.0')).toBe(true);
    expect(isReleaseCandidateLabel('Beta-1.0')).toBe(false);
    expect(isReleaseCandidateLabel(undefined)).toBe(false);
  });
});
