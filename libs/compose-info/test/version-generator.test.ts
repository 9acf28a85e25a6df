import { describe, expect, it } from 'vitest';
import { generateVersion, getImageRelease, getImageVersion, type VersionSource } from '../src/index.js';

const nightly: VersionSource = { releaseVersion: '1.0', date: '20261122', type: 'nightly', respin: 3, label: null };

describe('generateVersion (Pungi version_generator)', () => {
  it('builds $VERSION.$RELEASE from date, type suffix and respin without a label', () => {
    expect(generateVersion(nightly, '!OSTREE_VERSION_FROM_LABEL_DATE_TYPE_RESPIN')).toBe('1.0.20261122.n.3');
    expect(generateVersion({ ...nightly, type: 'production' }, '!OSTREE_VERSION_FROM_LABEL_DATE_TYPE_RESPIN')).toBe('1.0.20261122.3');
  });

  it('takes version and milestone from a label, leaving out RC', () => {
    expect(getImageVersion({ ...nightly, label: 'Beta-1.2' })).toBe('1.0_Beta');
    expect(getImageRelease({ ...nightly, label: 'Beta-1.2' })).toBe('1.2');
    expect(generateVersion({ ...nightly, label: 'Beta-1.2' }, '!OSTREE_VERSION_FROM_LABEL_DATE_TYPE_RESPIN')).toBe('1.0_Beta.1.2');
    expect(generateVersion({ ...nightly, label: 'RC-2.0' }, '!OSTREE_VERSION_FROM_LABEL_DATE_TYPE_RESPIN')).toBe('1.0.2.0');
  });

  it('builds $VERSION.$DATE.$RESPIN and the other generators', () => {
    expect(generateVersion(nightly, '!VERSION_FROM_VERSION_DATE_RESPIN')).toBe('1.0.20261122.3');
    expect(generateVersion(nightly, '!RELEASE_FROM_DATE_RESPIN')).toBe('20261122.3');
    expect(generateVersion(nightly, '!VERSION_FROM_VERSION')).toBe('1.0');
  });

  it('passes plain strings through and rejects unknown generators', () => {
    expect(generateVersion(nightly, '7.1')).toBe('7.1');
    expect(generateVersion(nightly, undefined)).toBeUndefined();
    expect(() => generateVersion(nightly, '!NO_SUCH_THING')).toThrow(/unknown version generator '!NO_SUCH_THING'/);
  });
});
