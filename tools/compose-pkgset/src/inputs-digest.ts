import { createHash } from 'node:crypto';
import type { PkgsetSource } from '@compose/contracts';

export interface DigestInputs {
  pkgsetSource: string;
  sources: readonly Pick<PkgsetSource, 'location' | 'digest' | 'kind'>[];
  /** Which tree arches each source serves. */
  sourceArches: Record<string, readonly string[]>;
  sigkeys: readonly (string | null)[];
  /** Tree arch -> whether it takes multilib packages. */
  multilibArches: Record<string, boolean>;
  exclusiveArchConsidersNoarch: boolean;
  koji: unknown;
}

/**
 * Everything that decides the package set, hashed. Two composes with the same digest have the
 * same set, so an old compose's set can be reused: repo content (repomd.xml sha256, or the RPM
 * dir listing with sizes and mtimes), which arches each repo serves, sigkeys, the arches and
 * their multilib flag, the ExclusiveArch option and the Koji tag/event/builds.
 */
export function computeInputsDigest(inputs: DigestInputs): string {
  const canonical = {
    version: 1,
    pkgset_source: inputs.pkgsetSource,
    sources: inputs.sources.map((s) => ({ kind: s.kind, location: s.location, digest: s.digest, arches: [...(inputs.sourceArches[s.location] ?? [])].sort() })),
    sigkeys: inputs.sigkeys.map((k) => (k ? k.toLowerCase() : null)),
    multilib: Object.fromEntries(Object.entries(inputs.multilibArches).sort(([a], [b]) => a.localeCompare(b))),
    exclusive_noarch: inputs.exclusiveArchConsidersNoarch,
    koji: inputs.koji ?? null,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
