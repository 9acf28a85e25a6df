import type { ManifestKind } from '@compose/manifest';

/** One `dnf repoclosure` check of a variant.arch (or its result taken over from an old compose). */
export interface RepoclosureCheckRecord {
  variant: string;
  arch: string;
  strictness: 'lenient' | 'fatal';
  ok: boolean;
  /** Packages with unresolved dependencies; `repo` is this compose's repo id. */
  problems: { package: string; repo: string; unresolved: string[] }[];
  /** Relative to the compose dir. */
  log: string;
  /**
   * sha256 over the repomd.xml of every repo the check reads, the arches and dnf's installed
   * version; null when a repo is remote (never reused).
   */
  inputs_digest: string | null;
  /** The old compose whose result was taken over, or null when dnf ran. */
  reused_from: string | null;
  duration_ms: number;
}

/** work/global/repoclosure.json: written by `compose-createrepo repoclosure`. */
export interface RepoclosureManifest {
  compose_id: string;
  /** What identifies the installed dnf and its repoclosure plugin (package versions). */
  dnf: string;
  checks: RepoclosureCheckRecord[];
  timings_ms: Record<string, number>;
}

export const REPOCLOSURE_MANIFEST: ManifestKind = {
  type: 'compose.repoclosure',
  version: '1.0',
  schema: {
    type: 'object',
    required: ['compose_id', 'dnf', 'checks', 'timings_ms'],
    properties: {
      compose_id: { type: 'string', minLength: 1 },
      dnf: { type: 'string' },
      checks: {
        type: 'array',
        items: {
          type: 'object',
          required: ['variant', 'arch', 'strictness', 'ok', 'problems', 'log', 'inputs_digest', 'reused_from', 'duration_ms'],
          properties: {
            variant: { type: 'string', minLength: 1 },
            arch: { type: 'string', minLength: 1 },
            strictness: { enum: ['lenient', 'fatal'] },
            ok: { type: 'boolean' },
            problems: {
              type: 'array',
              items: {
                type: 'object',
                required: ['package', 'repo', 'unresolved'],
                properties: { package: { type: 'string' }, repo: { type: 'string' }, unresolved: { type: 'array', items: { type: 'string' } } },
              },
            },
            log: { type: 'string' },
            inputs_digest: { type: ['string', 'null'] },
            reused_from: { type: ['string', 'null'] },
            duration_ms: { type: 'number', minimum: 0 },
          },
        },
      },
      timings_ms: { type: 'object', additionalProperties: { type: 'number' } },
    },
  },
};
