import type { ManifestKind } from '@compose/manifest';

/** Which packages a tree indexes: rpms.json categories under Pungi's createrepo names. */
export type CreaterepoPkgType = 'rpm' | 'debuginfo' | 'srpm';

/** One repository the createrepo phase made (or found unchanged). */
export interface CreaterepoTree {
  variant: string;
  /** Tree arch; 'src' for source trees. */
  arch: string;
  pkg_type: CreaterepoPkgType;
  /** The indexed directory, relative to compose/. */
  path: string;
  /** repodata/repomd.xml relative to compose/. */
  repomd: string;
  packages: number;
  /** comps file given as --groupfile, relative to the compose dir; null for debug and source trees. */
  groupfile: string | null;
  /** Whether a product certificate was added. */
  product_id: boolean;
  /** Whether deltarpms were made against old composes. */
  deltas: boolean;
  log: string;
  duration_ms: number;
  /**
   * sha256 over everything that decides the repodata (see compose-createrepo's tree-digest.ts);
   * a later compose with --old-composes reuses this tree's repodata when its digest is equal.
   */
  inputs_digest?: string;
  /** sha256 of each part of the digest (packages, comps, options, ...), to say what changed. */
  inputs?: Record<string, string>;
  /** The old compose directory whose repodata was hard-linked instead of running createrepo_c, or null. */
  reused_from?: string | null;
}

/** A file put into a tree by the extra_files phase. */
export interface CreaterepoExtraFile {
  variant: string;
  arch: string;
  /** Relative to compose/, as in compose/metadata/extra_files.json. */
  file: string;
  size: number;
  checksums: Record<string, string>;
}

/** work/global/createrepo.json: every repo, tree metadata file and extra file the phase wrote. */
export interface CreaterepoManifest {
  compose_id: string;
  /** createrepo_c version that made the repos. */
  createrepo_version: string;
  trees: CreaterepoTree[];
  /** .treeinfo, .discinfo and media.repo files written, relative to compose/. */
  tree_metadata: string[];
  extra_files: CreaterepoExtraFile[];
  timings_ms: Record<string, number>;
}

export const CREATEREPO_MANIFEST: ManifestKind = {
  type: 'compose.createrepo',
  version: '1.0',
  schema: {
    type: 'object',
    required: ['compose_id', 'createrepo_version', 'trees', 'tree_metadata', 'extra_files', 'timings_ms'],
    properties: {
      compose_id: { type: 'string' },
      createrepo_version: { type: 'string' },
      trees: {
        type: 'array',
        items: {
          type: 'object',
          required: ['variant', 'arch', 'pkg_type', 'path', 'repomd', 'packages', 'groupfile', 'product_id', 'deltas', 'log', 'duration_ms'],
          properties: {
            variant: { type: 'string', minLength: 1 },
            arch: { type: 'string', minLength: 1 },
            pkg_type: { enum: ['rpm', 'debuginfo', 'srpm'] },
            path: { type: 'string' },
            repomd: { type: 'string' },
            packages: { type: 'integer', minimum: 0 },
            groupfile: { type: ['string', 'null'] },
            product_id: { type: 'boolean' },
            deltas: { type: 'boolean' },
            log: { type: 'string' },
            duration_ms: { type: 'number', minimum: 0 },
            inputs_digest: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            inputs: { type: 'object', additionalProperties: { type: 'string' } },
            reused_from: { type: ['string', 'null'] },
          },
        },
      },
      tree_metadata: { type: 'array', items: { type: 'string' } },
      extra_files: {
        type: 'array',
        items: { type: 'object', required: ['variant', 'arch', 'file', 'size', 'checksums'] },
      },
      timings_ms: { type: 'object', additionalProperties: { type: 'number' } },
    },
  },
};
