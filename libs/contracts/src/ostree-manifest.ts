import type { ManifestKind } from '@compose/manifest';
import { DELIVERABLE_SCHEMA, type PhaseDeliverable } from './phases-manifest.js';

/** One ostree deliverable that produced (or found up to date) a commit. */
export interface OstreeCommitRecord {
  variant: string;
  arch: string;
  /** The treefile, relative to the config repository (config_url). */
  treefile: string;
  /** The ref after ${basearch} substitution (ostree_ref overrides the treefile's ref). */
  ref: string;
  /** The commit made; when nothing changed, the unchanged head of the ref. Null when neither exists. */
  commitid: string | null;
  /** False when the content did not change and no commit was made (force_new_commit unset). */
  new_commit: boolean;
  /** Whether the ref points at commitid (tag_ref, default true). */
  ref_updated: boolean;
  version: string | null;
  /** The ostree repository (ostree_repo), absolute. */
  repo_path: string;
  /** Hash of the treefile and installed package set that decides whether anything changed. */
  input_hash: string | null;
  /** Installed packages, NEVRA sorted. */
  packages: string[];
  summary_updated: boolean;
  /** What built the tree: dnf --installroot plus our post-processing, or rpm-ostree. */
  builder: 'dnf' | 'rpm-ostree';
  /** Log directory relative to the compose dir (logs/<arch>/<variant>/ostree-<n>). */
  log_dir: string;
  duration_ms: number;
}

/** work/global/ostree.json: every ostree commit of the phase and each deliverable's outcome. */
export interface OstreeManifest {
  compose_id: string;
  commits: OstreeCommitRecord[];
  /** kind 'ostree'; failed failable ones leave the compose FINISHED_INCOMPLETE. */
  deliverables: PhaseDeliverable[];
  timings_ms: Record<string, number>;
}

export const OSTREE_MANIFEST: ManifestKind = {
  type: 'compose.ostree',
  version: '1.0',
  schema: {
    type: 'object',
    required: ['compose_id', 'commits', 'deliverables', 'timings_ms'],
    properties: {
      compose_id: { type: 'string', minLength: 1 },
      commits: {
        type: 'array',
        items: {
          type: 'object',
          required: ['variant', 'arch', 'treefile', 'ref', 'commitid', 'new_commit', 'ref_updated', 'version', 'repo_path', 'input_hash', 'packages', 'summary_updated', 'builder', 'log_dir', 'duration_ms'],
          properties: {
            variant: { type: 'string', minLength: 1 },
            arch: { type: 'string', minLength: 1 },
            treefile: { type: 'string' },
            ref: { type: 'string', minLength: 1 },
            commitid: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$' },
            new_commit: { type: 'boolean' },
            ref_updated: { type: 'boolean' },
            version: { type: ['string', 'null'] },
            repo_path: { type: 'string' },
            input_hash: { type: ['string', 'null'] },
            packages: { type: 'array', items: { type: 'string' } },
            summary_updated: { type: 'boolean' },
            builder: { enum: ['dnf', 'rpm-ostree'] },
            log_dir: { type: 'string' },
            duration_ms: { type: 'number', minimum: 0 },
          },
        },
      },
      deliverables: { type: 'array', items: DELIVERABLE_SCHEMA },
      timings_ms: { type: 'object', additionalProperties: { type: 'number' } },
    },
  },
};
