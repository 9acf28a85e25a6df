import { isSourceArch, type Candidate } from './candidate.js';

export interface SigkeyVerdict {
  accepted: Candidate[];
  rejected: { candidate: Candidate; reason: string }[];
}

/** Whether the configured sigkeys ask for any signature at all (`[None]` accepts everything). */
export function requiresSignatures(sigkeys: readonly (string | null)[]): boolean {
  return sigkeys.length > 0 && sigkeys.some((key) => key !== null && key !== '');
}

/**
 * Keeps packages signed with one of `sigkeys` (short or long key IDs, any case); an entry of
 * null/"" accepts unsigned packages. `candidate.sigkey` must already hold the key the package
 * file is signed with (null when unsigned).
 */
export function checkSigkeys(candidates: readonly Candidate[], sigkeys: readonly (string | null)[]): SigkeyVerdict {
  const allowUnsigned = sigkeys.length === 0 || sigkeys.some((key) => key === null || key === '');
  const wanted = sigkeys.filter((key): key is string => Boolean(key)).map((key) => key.toLowerCase());
  const accepted: Candidate[] = [];
  const rejected: SigkeyVerdict['rejected'] = [];
  for (const candidate of candidates) {
    const key = candidate.sigkey?.toLowerCase() ?? null;
    if (key === null) {
      if (allowUnsigned) accepted.push(candidate);
      else rejected.push({ candidate, reason: `unsigned; sigkeys allow only ${wanted.join(', ')}` });
      continue;
    }
    if (wanted.some((w) => key.endsWith(w) || w.endsWith(key))) accepted.push(candidate);
    // With None among the sigkeys, any copy is acceptable: a package signed with another key is
    // no less trustworthy than an unsigned one.
    else if (allowUnsigned) accepted.push(candidate);
    else rejected.push({ candidate, reason: `signed with ${key}, not one of ${wanted.join(', ') || '(unsigned only)'}` });
  }
  return { accepted, rejected };
}

/** Names the compose asks for that lost every copy to the signature check (the phase must fail). */
export function findRequiredWithoutCopy(required: ReadonlySet<string>, verdict: SigkeyVerdict): string[] {
  const kept = new Set(verdict.accepted.filter((c) => !isSourceArch(c.arch)).map((c) => c.name));
  const lost = new Set<string>();
  for (const { candidate } of verdict.rejected) {
    if (!isSourceArch(candidate.arch) && required.has(candidate.name) && !kept.has(candidate.name)) lost.add(candidate.name);
  }
  return [...lost].sort();
}
