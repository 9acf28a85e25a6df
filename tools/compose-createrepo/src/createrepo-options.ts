import { homedir } from 'node:os';
import path from 'node:path';
import { getVariantArchValue } from '@compose/config';
import type { ChecksumType, CreaterepoOptions } from '@compose/createrepo';
import { InputError } from '@compose/errors';
import type { TreeJob } from './list-trees.js';

type Config = Readonly<Record<string, unknown>>;

/** createrepo_c options shared by every tree of the compose, from the config as Pungi reads it. */
export function buildSharedOptions(config: Config, env: Readonly<Record<string, string | undefined>> = process.env): CreaterepoOptions {
  const options: CreaterepoOptions = {
    checksum: toChecksum(config['createrepo_checksum']),
    // Pungi's should_create_yum_database: sqlite only when asked for, since dnf never reads it.
    database: config['createrepo_database'] === true,
    update: true,
    skipStat: true,
    useXz: config['createrepo_use_xz'] === true,
    extraArgs: Array.isArray(config['createrepo_extra_args']) ? (config['createrepo_extra_args'] as string[]) : [],
  };
  const threads = config['createrepo_num_threads'];
  if (typeof threads === 'number' && threads > 0) options.workers = Math.trunc(threads);
  if (config['createrepo_enable_cache'] !== false) options.cachedir = getCacheDir(config, env);
  return options;
}

/**
 * Pungi keeps the header cache in /var/cache/pungi/createrepo_c/<short>-<uid>; a user cache
 * works without root and, being outside the compose, still survives from one compose to the next.
 */
export function getCacheDir(config: Config, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const base = env['COMPOSE_CACHE_DIR'] ?? path.join(env['HOME'] ?? homedir(), '.cache', 'compose');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return path.join(base, 'createrepo', `${String(config['release_short'] ?? 'compose')}-${uid}`);
}

function toChecksum(value: unknown): ChecksumType | undefined {
  if (value === undefined || value === null) return undefined;
  // createrepo's historical "sha" is sha1
  if (value === 'sha') return 'sha1';
  if (typeof value === 'string' && ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'].includes(value)) return value as ChecksumType;
  throw new InputError('CREATEREPO_CHECKSUM', `createrepo_checksum ${JSON.stringify(value)} is not a checksum createrepo_c knows`);
}

/** createrepo_deltas: a plain boolean, or Pungi's variant/arch mapping where the last match wins. Binary repos only. */
export function wantsDeltas(config: Config, job: Pick<TreeJob, 'variant' | 'arch' | 'pkgType'>): boolean {
  if (job.pkgType !== 'rpm') return false;
  const value = config['createrepo_deltas'];
  if (typeof value === 'boolean') return value;
  const matches = getVariantArchValue(config, 'createrepo_deltas', job.variant.uid, job.arch);
  return matches.at(-1) === true;
}

/** Log file of one createrepo run, named as Pungi names it (source repos log under global). */
export function getCreaterepoLogName(job: Pick<TreeJob, 'variant' | 'arch' | 'pkgType'>): { scope: string; name: string } {
  const scope = job.pkgType === 'srpm' ? 'global' : job.arch;
  return { scope, name: `createrepo-${job.variant.uid}.${job.pkgType}.${scope}.log` };
}
