import type { ManifestKind } from '@compose/manifest';

export type DeliverableStatus = 'done' | 'failed' | 'skipped';

/**
 * One deliverable a phase tool made or tried (an ISO, an ostree commit...). Phase tools list
 * theirs in their own manifest; the orchestrator folds them into logs/global/deliverables.json
 * (Pungi's required/attempted/failed shape) and phases.json.
 */
export interface PhaseDeliverable {
  /** deliverables.json key: 'iso', 'extra_iso', 'ostree', ... */
  kind: string;
  variant: string;
  /** Tree arch, 'src' for source media. */
  arch: string;
  subvariant: string | null;
  status: DeliverableStatus;
  /** Whether failable_deliverables (or the phase's failable key) lets this one fail. */
  failable: boolean;
  /** What it made, relative to the compose dir (an image path, an ostree ref...). */
  output?: string;
  error?: string;
  started?: string;
  finished?: string;
}

export type PhaseStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped' | 'terminated';

/** One phase run as a child process by the orchestrator. */
export interface PhaseRecord {
  name: string;
  status: PhaseStatus;
  /** ISO 8601 UTC times; absent until the phase starts/ends. */
  started?: string;
  finished?: string;
  duration_ms?: number;
  exit_code?: number | null;
  /** The command line run, for copy-paste reruns. */
  command?: string;
  /** Log file relative to the compose dir. */
  log?: string;
  /** Why it was skipped or how it failed. */
  reason?: string;
}

/** logs/global/phases.json: the time map of one compose. */
export interface PhasesManifest {
  compose_id: string;
  status: string;
  started: string;
  finished?: string;
  phases: PhaseRecord[];
  deliverables: PhaseDeliverable[];
}

const deliverableSchema = {
  type: 'object',
  required: ['kind', 'variant', 'arch', 'subvariant', 'status', 'failable'],
  properties: {
    kind: { type: 'string', minLength: 1 },
    variant: { type: 'string' },
    arch: { type: 'string' },
    subvariant: { type: ['string', 'null'] },
    status: { enum: ['done', 'failed', 'skipped'] },
    failable: { type: 'boolean' },
    output: { type: 'string' },
    error: { type: 'string' },
    started: { type: 'string' },
    finished: { type: 'string' },
  },
} as const;

export const DELIVERABLE_SCHEMA = deliverableSchema;

export const PHASES_MANIFEST: ManifestKind = {
  type: 'compose.phases',
  version: '1.0',
  schema: {
    type: 'object',
    required: ['compose_id', 'status', 'started', 'phases', 'deliverables'],
    properties: {
      compose_id: { type: 'string' },
      status: { type: 'string' },
      started: { type: 'string' },
      finished: { type: 'string' },
      phases: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'status'],
          properties: {
            name: { type: 'string' },
            status: { enum: ['pending', 'running', 'done', 'failed', 'skipped', 'terminated'] },
            started: { type: 'string' },
            finished: { type: 'string' },
            duration_ms: { type: 'number' },
            exit_code: { type: ['integer', 'null'] },
            command: { type: 'string' },
            log: { type: 'string' },
            reason: { type: 'string' },
          },
        },
      },
      deliverables: { type: 'array', items: deliverableSchema },
    },
  },
};
