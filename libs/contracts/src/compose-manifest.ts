import type { ManifestKind } from '@compose/manifest';

/**
 * work/global/compose.json: what init decided, for every phase tool to read instead of
 * re-parsing the config: identity, effective config, variants and the comps files written.
 */
export interface ComposeManifestVariant {
  uid: string;
  id: string;
  name: string;
  type: 'variant' | 'addon' | 'optional' | 'layered-product';
  arches: string[];
  parent: string | null;
  is_empty: boolean;
  has_optional: boolean;
  groups: { id: string; default?: boolean; uservisible?: boolean }[];
  environments: { id: string; display_order?: number }[];
  release: { name: string; short: string; version: string } | null;
}

export interface ComposeManifest {
  compose_id: string;
  date: string;
  type: string;
  respin: number;
  label: string | null;
  release: { name: string; short: string; version: string; type: string; internal: boolean };
  base_product: { name: string; short: string; version: string; type: string } | null;
  config_file: string;
  config_dir: string;
  /** The effective config: every option, Pungi's defaults filled in. */
  config: Record<string, unknown>;
  /** Options the config file (and its imports) sets itself, so a tool can tell them from defaults. */
  config_set?: string[];
  arches: string[];
  variants: ComposeManifestVariant[];
  /** Paths relative to the compose directory. */
  comps: { global: string | null; arch: Record<string, string>; variant_arch: Record<string, string> };
}

export const COMPOSE_MANIFEST: ManifestKind = {
  type: 'compose.compose',
  version: '1.0',
  schema: {
    type: 'object',
    required: ['compose_id', 'date', 'type', 'respin', 'release', 'config_file', 'config', 'arches', 'variants', 'comps'],
    properties: {
      compose_id: { type: 'string', minLength: 1 },
      date: { type: 'string', pattern: '^[0-9]{8}$' },
      type: { enum: ['production', 'test', 'nightly', 'ci'] },
      respin: { type: 'integer', minimum: 0 },
      label: { type: ['string', 'null'] },
      release: { type: 'object', required: ['name', 'short', 'version', 'type'] },
      base_product: { type: ['object', 'null'] },
      config_file: { type: 'string' },
      config_dir: { type: 'string' },
      config: { type: 'object' },
      arches: { type: 'array', items: { type: 'string' } },
      variants: {
        type: 'array',
        items: {
          type: 'object',
          required: ['uid', 'id', 'name', 'type', 'arches', 'parent'],
          properties: {
            uid: { type: 'string' },
            type: { enum: ['variant', 'addon', 'optional', 'layered-product'] },
            arches: { type: 'array', items: { type: 'string' } },
          },
        },
      },
      comps: { type: 'object', required: ['arch', 'variant_arch'] },
    },
  },
};
