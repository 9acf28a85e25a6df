import type { ManifestKind } from '@compose/manifest';
import { DELIVERABLE_SCHEMA, type PhaseDeliverable } from './phases-manifest.js';

/** work/global/image-test.json: what the test phase found for every image in images.json. */
export interface ImageTestManifest {
  compose_id: string;
  checked: number;
  passed: number;
  failed: { variant: string; path: string; problems: string[] }[];
  /** One per images.json entry (variant, listed arch, subvariant), as Pungi lists them in deliverables.json. */
  deliverables: PhaseDeliverable[];
}

export const IMAGE_TEST_MANIFEST: ManifestKind = {
  type: 'compose.image-test',
  version: '1.0',
  schema: {
    type: 'object',
    required: ['compose_id', 'checked', 'passed', 'failed', 'deliverables'],
    properties: {
      compose_id: { type: 'string' },
      checked: { type: 'integer', minimum: 0 },
      passed: { type: 'integer', minimum: 0 },
      failed: { type: 'array', items: { type: 'object', required: ['variant', 'path', 'problems'] } },
      deliverables: { type: 'array', items: DELIVERABLE_SCHEMA },
    },
  },
};
