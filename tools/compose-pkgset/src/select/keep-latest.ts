import { compareEvr } from '@compose/rpm';
import type { Candidate } from './candidate.js';

export interface LatestResult {
  kept: Candidate[];
  older: { candidate: Candidate; newer: Candidate }[];
}

/**
 * Keeps the highest EVR of every name.arch, as a package set offering several versions of a
 * package must (dnf would only ever pick the newest). Ties keep the first source's copy.
 */
export function keepLatest(candidates: readonly Candidate[]): LatestResult {
  const best = new Map<string, Candidate>();
  const older: LatestResult['older'] = [];
  for (const candidate of candidates) {
    const key = `${candidate.name}.${candidate.arch}`;
    const current = best.get(key);
    if (!current) {
      best.set(key, candidate);
      continue;
    }
    if (compareEvr(candidate, current) > 0) {
      older.push({ candidate: current, newer: candidate });
      best.set(key, candidate);
    } else if (candidate.file !== current.file || compareEvr(candidate, current) < 0) {
      older.push({ candidate, newer: current });
    }
  }
  return { kept: [...best.values()], older };
}
