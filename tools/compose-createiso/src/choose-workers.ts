import { availableParallelism } from 'node:os';
import type { IsoJob } from './plan-isos.js';

/** Below this much content an image is made in well under a second (see chooseImageWorkers). */
export const SMALL_IMAGE_BYTES = 256 * 1024 * 1024;

/**
 * Images made at once. Making a small image is mostly waiting: after writing, xorrisofs (libburn)
 * sleeps in 0.1 s steps until its drive is released, 0.1 to 1 s per image whatever its size, while
 * its CPU time is a few milliseconds (18 small images: 5.2 s one after the other, 0.2 s all at
 * once, on 2 cores); each needs about 25 MB. So small images run eight per core. Large images are bound by the disk and their own
 * checksumming, so one per core. An extra ISO counts as big as the regular media of the variants
 * it holds; unknown sizes (extra ISOs made without the createiso phase) count as large.
 */
export function chooseImageWorkers(jobs: readonly IsoJob[], cores = availableParallelism()): number {
  const regular = new Map<string, number>();
  for (const job of jobs) if (job.kind === 'iso' && job.contentBytes !== undefined) regular.set(`${job.variant.uid}.${job.arch}`, (regular.get(`${job.variant.uid}.${job.arch}`) ?? 0) + job.contentBytes);
  const sizeOf = (job: IsoJob): number | undefined => {
    if (job.kind === 'iso') return job.contentBytes;
    const own = regular.get(`${job.variant.uid}.${job.arch}`);
    if (own === undefined) return undefined;
    // an included variant without this arch puts nothing on the image
    return (job.extra?.includeVariants ?? []).reduce((sum, uid) => sum + (regular.get(`${uid}.${job.arch}`) ?? 0), own);
  };
  const small = jobs.every((job) => (sizeOf(job) ?? Infinity) < SMALL_IMAGE_BYTES);
  return small ? cores * 8 : cores;
}
