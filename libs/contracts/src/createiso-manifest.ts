import type { ManifestKind } from '@compose/manifest';
import { DELIVERABLE_SCHEMA, type PhaseDeliverable } from './phases-manifest.js';

/** One image the createiso or extra_isos phase made (or tried to). */
export interface CreateisoImage {
  kind: 'iso' | 'extra_iso';
  variant: string;
  /** Tree arch; 'src' for source media. */
  arch: string;
  /** Relative to compose/. */
  path: string;
  volume_id: string;
  disc_number: number;
  disc_count: number;
  bootable: boolean;
  status: 'done' | 'failed';
  size?: number;
  implant_md5?: string | null;
  error?: string;
  /** Every command run for it, for copy-paste reruns. */
  commands: string[];
  /** Relative to the compose dir. */
  log: string;
  duration_ms: number;
  /** sha256 over the image's contents and options (see compose-createiso's image-digest.ts); absent when not computed (failed before it). */
  inputs_digest?: string;
  /** sha256 of each part of the digest (files, metadata, options), to say what changed. */
  inputs?: Record<string, string>;
  /** The old compose whose image (and .manifest) was hard-linked instead of made, or null. */
  reused_from?: string | null;
}

/** work/global/createiso.json */
export interface CreateisoManifest {
  compose_id: string;
  /** mkisofs implementation used: xorrisofs or genisoimage. */
  iso_tool: string;
  images: CreateisoImage[];
  deliverables: PhaseDeliverable[];
  timings_ms: Record<string, number>;
}

export const CREATEISO_MANIFEST: ManifestKind = {
  type: 'compose.createiso',
  version: '1.0',
  schema: {
    type: 'object',
    required: ['compose_id', 'iso_tool', 'images', 'deliverables', 'timings_ms'],
    properties: {
      compose_id: { type: 'string' },
      iso_tool: { enum: ['xorrisofs', 'genisoimage'] },
      images: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'variant', 'arch', 'path', 'volume_id', 'disc_number', 'disc_count', 'bootable', 'status', 'commands', 'log', 'duration_ms'],
          properties: {
            kind: { enum: ['iso', 'extra_iso'] },
            variant: { type: 'string' },
            arch: { type: 'string' },
            path: { type: 'string' },
            volume_id: { type: 'string', maxLength: 32 },
            disc_number: { type: 'integer', minimum: 1 },
            disc_count: { type: 'integer', minimum: 1 },
            bootable: { type: 'boolean' },
            status: { enum: ['done', 'failed'] },
            size: { type: 'integer' },
            implant_md5: { type: ['string', 'null'] },
            error: { type: 'string' },
            commands: { type: 'array', items: { type: 'string' } },
            log: { type: 'string' },
            duration_ms: { type: 'number' },
            inputs_digest: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            inputs: { type: 'object', additionalProperties: { type: 'string' } },
            reused_from: { type: ['string', 'null'] },
          },
        },
      },
      deliverables: { type: 'array', items: DELIVERABLE_SCHEMA },
      timings_ms: { type: 'object' },
    },
  },
};
