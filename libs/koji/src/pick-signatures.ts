// Chooses, for each RPM, the signed copy to use following the configured sigkey order.
import { kojiKwargs, type KojiSession } from './koji-session.js';
import type { KojiRpmSignature } from './koji-types.js';

/** RPMs per multicall request: keeps each request and reply a few hundred KB on big tags. */
const SIGNATURE_BATCH = 500;

/** rpm id -> the lower-case sigkeys Koji holds a signature for (the unsigned '' entry left out). */
export async function fetchSignatureKeys(session: KojiSession, rpmIds: readonly number[]): Promise<Map<number, Set<string>>> {
  const keys = new Map<number, Set<string>>();
  for (let start = 0; start < rpmIds.length; start += SIGNATURE_BATCH) {
    const batch = rpmIds.slice(start, start + SIGNATURE_BATCH);
    const results = await session.multiCall(
      batch.map((id) => ({ method: 'queryRPMSigs', args: [kojiKwargs({ rpm_id: id })] })),
    );
    results.forEach((result, i) => {
      if (!result.ok) throw result.error;
      const found = new Set<string>();
      for (const sig of result.value as unknown as KojiRpmSignature[]) {
        if (sig.sigkey) found.add(sig.sigkey.toLowerCase());
      }
      keys.set(batch[i]!, found);
    });
  }
  return keys;
}

export interface SigkeyOrder {
  /** Signed keys to try, lower-cased, in priority order. */
  signed: string[];
  /** Whether null/'' appears: an unsigned copy is acceptable when no listed key has signed the RPM. */
  allowUnsigned: boolean;
}

/**
 * Pungi's reading of `sigkeys`: every listed key is tried in order and an unsigned copy only
 * after all of them, wherever None stands in the list; an empty list means unsigned.
 */
export function readSigkeyOrder(sigkeys: readonly (string | null)[]): SigkeyOrder {
  const order = sigkeys.length === 0 ? [null] : sigkeys;
  const signed = order.filter((k): k is string => typeof k === 'string' && k !== '').map((k) => k.toLowerCase());
  return { signed: [...new Set(signed)], allowUnsigned: order.some((k) => k === null || k === '') };
}

/** The first key in order that signed the RPM; null for unsigned; undefined when nothing fits. */
export function pickSigkey(order: SigkeyOrder, available: ReadonlySet<string>): string | null | undefined {
  const signed = order.signed.find((key) => available.has(key));
  if (signed !== undefined) return signed;
  return order.allowUnsigned ? null : undefined;
}
