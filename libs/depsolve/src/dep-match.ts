// Version-range matching between a provide and a requirement, with libsolv's rpm rules.
import { rpmvercmp } from '@compose/rpm';
import type { Dep } from '@compose/repodata';

export const REL_GT = 1;
export const REL_EQ = 2;
export const REL_LT = 4;

const FLAG_BITS: Record<string, number> = { EQ: REL_EQ, LT: REL_LT, LE: REL_LT | REL_EQ, GT: REL_GT, GE: REL_GT | REL_EQ };
const FLAG_TEXT: Record<string, string> = { EQ: '=', LT: '<', LE: '<=', GT: '>', GE: '>=' };

/** An EVR split the way libsolv keeps it: epoch "0" is the same as no epoch. */
export interface EvrParts {
  epoch: string;
  version: string;
  release?: string;
}

export function flagBits(flags: string | undefined): number {
  return flags ? (FLAG_BITS[flags] ?? 0) : 0;
}

export function evrPartsOf(dep: { epoch?: string; version?: string; release?: string }): EvrParts {
  const parts: EvrParts = { epoch: dep.epoch ?? '0', version: dep.version ?? '' };
  if (dep.release !== undefined && dep.release !== '') parts.release = dep.release;
  return parts;
}

/**
 * Compares two EVRs like libsolv's EVRCMP_MATCH_RELEASE: a missing epoch is 0 and
 * the release only counts when both sides have one (`foo = 1.0` matches `foo-1.0-5`).
 */
export function compareEvrForMatch(a: EvrParts, b: EvrParts): number {
  const epoch = rpmvercmp(a.epoch || '0', b.epoch || '0');
  if (epoch !== 0) return epoch;
  const version = rpmvercmp(a.version, b.version);
  if (version !== 0) return version;
  if (a.release === undefined || b.release === undefined) return 0;
  return rpmvercmp(a.release, b.release);
}

/** Whether the ranges of a provide and a requirement overlap (libsolv pool_intersect_evrs). */
export function intersectRanges(provideFlags: number, provide: EvrParts, requireFlags: number, require: EvrParts): boolean {
  // An unversioned side stands for every version, as rpm (not Debian) has it.
  if (provideFlags === 0 || requireFlags === 0) return true;
  if (provideFlags === 7 || requireFlags === 7) return true;
  if ((provideFlags & requireFlags & (REL_LT | REL_GT)) !== 0) return true;
  const cmp = compareEvrForMatch(provide, require);
  if (cmp < 0) return (requireFlags & REL_LT) !== 0 || (provideFlags & REL_GT) !== 0;
  if (cmp > 0) return (requireFlags & REL_GT) !== 0 || (provideFlags & REL_LT) !== 0;
  return (provideFlags & requireFlags & REL_EQ) !== 0;
}

/** Whether a provide entry satisfies a plain (non-rich) requirement of the same name. */
export function provideMatches(provide: Dep, requireFlags: number, require: EvrParts): boolean {
  return intersectRanges(flagBits(provide.flags), evrPartsOf(provide), requireFlags, require);
}

/** The EVR text libsolv prints: no epoch when it is 0, no release when absent. */
export function formatEvr(dep: { epoch?: string; version?: string; release?: string }): string {
  const epoch = dep.epoch && dep.epoch !== '0' ? `${dep.epoch}:` : '';
  const release = dep.release ? `-${dep.release}` : '';
  return `${epoch}${dep.version ?? ''}${release}`;
}

/** A dependency as hawkey prints it (`foo >= 1.0-2`); Pungi logs and caches by this text. */
export function formatDep(dep: Dep): string {
  if (!dep.flags) return dep.name;
  return `${dep.name} ${FLAG_TEXT[dep.flags] ?? dep.flags} ${formatEvr(dep)}`;
}
