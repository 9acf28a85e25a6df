import type { ManifestKind } from '@compose/manifest';

/** One package of the package set. */
export interface PkgsetPackage {
  name: string;
  epoch: number;
  version: string;
  release: string;
  arch: string;
  /** RPM file name, e.g. dummy-bash-4.2.37-6.x86_64.rpm */
  file: string;
  /** Absolute path of a local copy; null when the source has metadata only (no package files). */
  path: string | null;
  /** Id of the source it came from (see `sources`). */
  source: string;
  checksum: { type: string; value: string } | null;
  size: number | null;
  /** Key ID (lowercase short form) the package is signed with; null when unsigned or unknown. */
  sigkey: string | null;
  /** Source RPM file name; '' for source packages. */
  sourcerpm: string;
  /** Tree arches whose package set holds this package ('src' for source packages). */
  tree_arches: string[];
}

export interface PkgsetSource {
  id: string;
  kind: 'rpm-md' | 'rpm-dir' | 'http' | 'koji';
  /** Path or URL as configured (resolved against the config dir). */
  location: string;
  /** Local rpm-md directory the metadata was read from. */
  repo_dir: string;
  /** sha256 of repomd.xml (rpm-md, http) or of the sorted file list with sizes and mtimes (rpm-dir). */
  digest: string;
}

export interface PkgsetManifest {
  compose_id: string;
  pkgset_source: 'repos' | 'koji';
  sigkeys: (string | null)[];
  /** sha256 over everything that decides the set; equal digests mean the set can be reused. */
  inputs_digest: string;
  /** Where this set was reused from, if it was. */
  reused_from: string | null;
  sources: PkgsetSource[];
  /** Tree arches served, sorted (binary arches; 'src' packages are listed with each). */
  arches: string[];
  /** Per tree arch, the package-set repos (relative to the compose dir) gather reads. */
  arch_repos: Record<string, string[]>;
  packages: PkgsetPackage[];
  /** Packages left out, with why (wrong or missing signature, older version, excluded arch). */
  excluded: { file: string; reason: string }[];
}

export const PKGSET_MANIFEST: ManifestKind = {
  type: 'compose.pkgset',
  version: '1.0',
  schema: {
    type: 'object',
    required: ['compose_id', 'pkgset_source', 'sigkeys', 'inputs_digest', 'sources', 'arches', 'arch_repos', 'packages', 'excluded'],
    properties: {
      compose_id: { type: 'string' },
      pkgset_source: { enum: ['repos', 'koji'] },
      sigkeys: { type: 'array', items: { type: ['string', 'null'] } },
      inputs_digest: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      reused_from: { type: ['string', 'null'] },
      sources: {
        type: 'array',
        items: { type: 'object', required: ['id', 'kind', 'location', 'repo_dir', 'digest'] },
      },
      arches: { type: 'array', items: { type: 'string' } },
      arch_repos: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
      packages: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'epoch', 'version', 'release', 'arch', 'file', 'path', 'source', 'sigkey', 'sourcerpm', 'tree_arches'],
          properties: {
            name: { type: 'string' },
            epoch: { type: 'integer', minimum: 0 },
            arch: { type: 'string' },
            path: { type: ['string', 'null'] },
            sigkey: { type: ['string', 'null'] },
            tree_arches: { type: 'array', items: { type: 'string' } },
          },
        },
      },
      excluded: { type: 'array', items: { type: 'object', required: ['file', 'reason'] } },
    },
  },
};
