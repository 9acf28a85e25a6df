import { describe, expect, it } from 'vitest';
import type { ComposeManifest, ComposeManifestVariant } from '@compose/contracts';
import { listOstreeJobs } from '../src/index.js';

const variant = (uid: string, arches: string[]): ComposeManifestVariant => ({
  uid, id: uid, name: uid, type: 'variant', arches, parent: null, is_empty: false, has_optional: false, groups: [], environments: [], release: null,
});

function makeCompose(ostree: unknown, label: string | null = null): ComposeManifest {
  return {
    compose_id: 'DP-1.0-20261122.n.2', date: '20261122', type: 'nightly', respin: 2, label,
    release: { name: 'Dummy', short: 'DP', version: '1.0', type: 'ga', internal: false }, base_product: null,
    config_file: '/etc/compose/dp.conf', config_dir: '/etc/compose', config: { ostree }, arches: ['s390x', 'x86_64'],
    variants: [variant('Client', ['x86_64']), variant('Server', ['s390x', 'x86_64'])], comps: { global: null, arch: {}, variant_arch: {} },
  };
}

const base = { treefile: 't.json', config_url: 'https://git/x.git', ostree_repo: 'ostree/repo' };

describe('listOstreeJobs', () => {
  it("makes one job per variant, config and arch (the variant's arches unless `arches`)", () => {
    const jobs = listOstreeJobs(makeCompose({ '^Server$': [base, { ...base, arches: ['x86_64'], failable: ['*'], version: '!VERSION_FROM_VERSION_DATE_RESPIN' }], 'Client': base }), '/c');
    expect(jobs.map((j) => [j.num, j.variant.uid, j.arch, j.failable, j.version ?? null])).toEqual([
      [1, 'Client', 'x86_64', false, null],
      [2, 'Server', 's390x', false, null],
      [3, 'Server', 'x86_64', false, null],
      [4, 'Server', 'x86_64', true, '1.0.20261122.2'],
    ]);
    expect(jobs[0]?.ostreeRepo).toBe('/etc/compose/ostree/repo');
  });

  it('uses the label for !OSTREE_VERSION_FROM_LABEL_DATE_TYPE_RESPIN and takes failable per arch', () => {
    const [job, other] = listOstreeJobs(makeCompose({ '^Server$': { ...base, failable: ['s390x'], version: '!OSTREE_VERSION_FROM_LABEL_DATE_TYPE_RESPIN' } }, 'Beta-1.1'), '/c');
    expect([job?.arch, job?.failable, other?.arch, other?.failable]).toEqual(['s390x', true, 'x86_64', false]);
    expect(job?.version).toBe('1.0_Beta.1.1');
  });

  it('reads the deprecated [(regex, {arch: config})] form', () => {
    const jobs = listOstreeJobs(makeCompose([['^Server$', { x86_64: base }]]), '/c');
    expect(jobs.map((j) => `${j.variant.uid}.${j.arch}`)).toEqual(['Server.x86_64']);
  });

  it('has no jobs without the option', () => {
    expect(listOstreeJobs(makeCompose(undefined), '/c')).toEqual([]);
  });
});
