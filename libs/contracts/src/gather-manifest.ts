import type { ManifestKind } from '@compose/manifest';

/**
 * work/<arch>/gather-<variant uid>.json: what the gather phase put into one variant.arch and
 * why, so a person (or a later phase) can answer "why is this package here?" without re-solving.
 */
export type GatherCategory = 'binary' | 'debug' | 'source';

/** Why a package is in the variant: depsolve's reasons plus the comps group / option that asked. */
export interface GatherReason {
  kind: string;
  /** name.arch of the package that pulled this one in (dependency, source of, debuginfo of, ...). */
  of?: string;
  requirement?: string;
  /** The comps group that listed it, or the option (additional_packages, gather_source_mapping, ...). */
  from?: string;
}

export interface GatherPackage {
  file: string;
  /** rpms.json form: name-epoch:version-release.arch */
  nevra: string;
  category: GatherCategory;
  /** Where it was linked, relative to compose/ (the rpms.json `path`). */
  path: string;
  /** The package-set file it was linked from. */
  source_path: string;
  sigkey: string | null;
  reasons: GatherReason[];
}

export interface GatherInputs {
  /** Per gather source ("comps", "json"): the method used. */
  methods: Record<string, 'deps' | 'nodeps'>;
  groups: string[];
  packages: string[];
  filter_packages: string[];
  prepopulate: string[];
  conditional_packages: { name: string; install: string }[];
  langpacks: number;
  multilib_methods: string[];
  multilib_blacklist: string[];
  multilib_whitelist: string[];
  greedy_method: string;
  fulltree: boolean;
  fulltree_excludes: string[];
  selfhosting: boolean;
  repos: string[];
  lookaside_repos: string[];
}

export interface GatherManifest {
  compose_id: string;
  variant: string;
  variant_type: 'variant' | 'addon' | 'optional' | 'layered-product';
  arch: string;
  inputs: GatherInputs;
  packages: GatherPackage[];
  /** Packages the solve found but the variant does not keep (already in the parent, an addon's, ...). */
  removed: { file: string; category: GatherCategory; reason: string }[];
  /** name.arch -> requirements nothing provides. */
  broken_deps: Record<string, string[]>;
  /** Input names (comps, additional_packages, ...) that match no package of the set. */
  missing_packages: string[];
}

export const GATHER_MANIFEST: ManifestKind = {
  type: 'compose.gather',
  version: '1.0',
  schema: {
    type: 'object',
    required: ['compose_id', 'variant', 'variant_type', 'arch', 'inputs', 'packages', 'removed', 'broken_deps', 'missing_packages'],
    properties: {
      compose_id: { type: 'string' },
      variant: { type: 'string', minLength: 1 },
      variant_type: { enum: ['variant', 'addon', 'optional', 'layered-product'] },
      arch: { type: 'string', minLength: 1 },
      inputs: { type: 'object', required: ['methods', 'groups', 'packages', 'filter_packages'] },
      packages: {
        type: 'array',
        items: {
          type: 'object',
          required: ['file', 'nevra', 'category', 'path', 'source_path', 'sigkey', 'reasons'],
          properties: {
            file: { type: 'string' },
            nevra: { type: 'string' },
            category: { enum: ['binary', 'debug', 'source'] },
            path: { type: 'string' },
            source_path: { type: 'string' },
            sigkey: { type: ['string', 'null'] },
            reasons: { type: 'array', items: { type: 'object', required: ['kind'] } },
          },
        },
      },
      removed: { type: 'array', items: { type: 'object', required: ['file', 'category', 'reason'] } },
      broken_deps: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
      missing_packages: { type: 'array', items: { type: 'string' } },
    },
  },
};

/**
 * work/global/gather.json: one gather run as a whole — the digest of everything that decided it
 * (so a later compose can reuse it), where it was reused from, and what it wrote.
 */
export interface GatherRunManifest {
  compose_id: string;
  /** sha256 over `inputs` (and a version of the digest rules); equal digests mean equal results. */
  inputs_digest: string;
  /** The digest of each part: package set, config options, variants, comps, input files. */
  inputs: Record<string, string>;
  /** The compose dir this run's result was reused from, or null when it was gathered. */
  reused_from: string | null;
  /** compose/metadata/rpms.json, relative to the compose dir. */
  rpms_json: string;
  /** The compose.gather manifests (work/<arch>/gather-<uid>.json), relative to the compose dir. */
  manifests: string[];
  /** "<uid>.<arch>" -> number of packages linked. */
  per_variant_arch: Record<string, number>;
}

export const GATHER_RUN_MANIFEST: ManifestKind = {
  type: 'compose.gather-run',
  version: '1.0',
  schema: {
    type: 'object',
    required: ['compose_id', 'inputs_digest', 'inputs', 'reused_from', 'rpms_json', 'manifests', 'per_variant_arch'],
    properties: {
      compose_id: { type: 'string' },
      inputs_digest: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      inputs: { type: 'object', additionalProperties: { type: 'string' } },
      reused_from: { type: ['string', 'null'] },
      rpms_json: { type: 'string' },
      manifests: { type: 'array', items: { type: 'string' } },
      per_variant_arch: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
    },
  },
};
