// Which ostree deliverables a compose has: one per variant, config block and arch (Pungi's
// OSTreePhase.run), with the config validated before any work starts.
import path from 'node:path';
import { getVariantArchValue, getVariantValue } from '@compose/config';
import { generateVersion, type ComposeType } from '@compose/compose-info';
import type { ComposeManifest, ComposeManifestVariant } from '@compose/contracts';
import { InputError } from '@compose/errors';
import { resolveConfigRepo, type SourceRepo } from './source-repos.js';

/** One config dict of the `ostree` option, as the schema lets it through. */
export interface OstreeConfig {
  treefile: string;
  config_url: string;
  config_branch?: string;
  repo?: unknown;
  keep_original_sources?: boolean;
  ostree_repo: string;
  arches?: string[];
  failable?: string[];
  update_summary?: boolean;
  force_new_commit?: boolean;
  unified_core?: boolean;
  version?: string;
  tag_ref?: boolean;
  ostree_ref?: string;
}

export interface OstreeJob {
  /** 1-based, names work/ostree-<num> and logs/<arch>/<variant>/ostree-<num> as in Pungi. */
  num: number;
  variant: ComposeManifestVariant;
  arch: string;
  config: OstreeConfig;
  /** `failable` lists the arch (or '*'). */
  failable: boolean;
  /** ostree_repo, absolute (relative paths resolve against the config file's directory). */
  ostreeRepo: string;
  version: string | undefined;
  /** The config's `repo` entries resolved for this arch. */
  configRepos: SourceRepo[];
}

/** Lists the deliverables in Pungi's order: variants, then config blocks, then arches. */
export function listOstreeJobs(compose: ComposeManifest, composeDir: string): OstreeJob[] {
  const option = compose.config['ostree'];
  if (option === undefined || option === null) return [];
  const pairs: { variant: ComposeManifestVariant; arch: string; config: OstreeConfig }[] = [];
  for (const variant of compose.variants) {
    if (Array.isArray(option)) {
      // The deprecated [(variant_regex, {arch: config})] form.
      for (const arch of variant.arches) {
        for (const config of getVariantArchValue(compose.config, 'ostree', variant.uid, arch)) pairs.push({ variant, arch, config: requireConfig(config, variant.uid) });
      }
    } else {
      for (const raw of getVariantValue(compose.config, 'ostree', variant.uid)) {
        const config = requireConfig(raw, variant.uid);
        for (const arch of config.arches?.length ? config.arches : variant.arches) pairs.push({ variant, arch, config });
      }
    }
  }
  return pairs.map(({ variant, arch, config }, index) => ({
    num: index + 1,
    variant,
    arch,
    config,
    failable: (config.failable ?? []).some((entry) => entry === '*' || entry === arch),
    ostreeRepo: path.resolve(compose.config_dir, config.ostree_repo),
    version: generateVersion(
      { releaseVersion: compose.release.version, date: compose.date, type: compose.type as ComposeType, respin: compose.respin, label: compose.label },
      config.version,
      `ostree config of ${variant.uid}`,
    ),
    configRepos: forceList(config.repo).map((entry) => resolveConfigRepo(entry, { composeDir, variants: compose.variants, arch })),
  }));
}

function requireConfig(value: unknown, variantUid: string): OstreeConfig {
  const config = value as Partial<OstreeConfig> | null;
  const missing = ['treefile', 'config_url', 'ostree_repo'].filter((key) => typeof (config as Record<string, unknown> | null)?.[key] !== 'string');
  if (typeof config !== 'object' || config === null || missing.length) {
    throw new InputError('OSTREE_BAD_CONFIG', `ostree config for ${variantUid} lacks ${missing.join(', ') || 'a dict'}`, { hint: 'every ostree config needs treefile, config_url and ostree_repo' });
  }
  return config as OstreeConfig;
}

function forceList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
