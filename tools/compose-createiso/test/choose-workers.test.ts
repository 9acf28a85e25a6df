import { describe, expect, it } from 'vitest';
import { chooseImageWorkers, SMALL_IMAGE_BYTES } from '../src/choose-workers.js';
import type { IsoJob } from '../src/plan-isos.js';

const job = (kind: IsoJob['kind'], uid: string, arch: string, contentBytes?: number, includeVariants?: string[]): IsoJob =>
  ({ kind, variant: { uid }, arch, contentBytes, ...(includeVariants ? { extra: { includeVariants } } : {}) }) as unknown as IsoJob;

describe('chooseImageWorkers', () => {
  it('makes small images eight per core, counting an extra ISO as the media it combines', () => {
    const jobs = [job('iso', 'Server', 'x86_64', 1e6), job('iso', 'Client', 'x86_64', 2e6), job('extra_iso', 'Server', 'x86_64', undefined, ['Client']), job('extra_iso', 'Server', 's390x', undefined, ['Client']), job('iso', 'Server', 's390x', 1e6)];
    expect(chooseImageWorkers(jobs, 2)).toBe(16);
  });

  it('falls back to one per core when an image is large or its size is unknown', () => {
    expect(chooseImageWorkers([job('iso', 'Server', 'x86_64', SMALL_IMAGE_BYTES), job('iso', 'Client', 'x86_64', 1e6)], 2)).toBe(2);
    expect(chooseImageWorkers([job('iso', 'Server', 'x86_64', SMALL_IMAGE_BYTES - 1e6), job('extra_iso', 'Server', 'x86_64', undefined, ['Client']), job('iso', 'Client', 'x86_64', 2e6)], 4)).toBe(4);
    expect(chooseImageWorkers([job('extra_iso', 'Server', 'x86_64', undefined, [])], 2)).toBe(2);
  });
});
