import { InputError } from '@compose/errors';

/** The signature facts matchSigkey needs; RpmHeaderInfo satisfies it. */
export interface SignedPackage {
  sigKeyIds: readonly string[];
}

/**
 * Picks the sigkey a package satisfies, with Pungi's semantics: sigkeys are tried in order
 * (the order is the preference), each is a short (8 hex) or long (16 hex) key ID compared
 * case-insensitively, and null (Python's None) accepts an unsigned package. Returns the sigkey
 * as written in the list, or undefined when none matches.
 */
export function matchSigkey(info: SignedPackage, sigkeys: readonly (string | null)[]): string | null | undefined {
  for (const sigkey of sigkeys) {
    if (sigkey === null) {
      if (info.sigKeyIds.length === 0) return null;
      continue;
    }
    const wanted = normalizeSigkey(sigkey);
    if (info.sigKeyIds.some((keyId) => keyId.endsWith(wanted))) return sigkey;
  }
  return undefined;
}

/** Lowercases a sigkey and checks it is a short or long key ID, so config typos fail loudly. */
export function normalizeSigkey(sigkey: string): string {
  const normalized = sigkey.trim().toLowerCase().replace(/^0x/, '');
  if (!/^(?:[0-9a-f]{8}|[0-9a-f]{16})$/.test(normalized)) {
    throw new InputError('SIGKEY_INVALID', `sigkey ${JSON.stringify(sigkey)} is not a key ID (8 or 16 hex digits)`, {
      hint: 'use the key ID as `rpm -qpi` or `gpg --list-keys --keyid-format long` shows it, e.g. "a15b79cc" or None for unsigned packages',
    });
  }
  return normalized;
}
