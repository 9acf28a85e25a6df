import { InputError } from '@compose/errors';
import type { CreaterepoFeatures } from './createrepo-features.js';

export type ChecksumType = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

export interface CreaterepoDeltas {
  /** Package directories of an older compose to make deltarpms against; may be empty. */
  oldPackageDirs: readonly string[];
  numDeltas?: number;
}

/** createrepo_c options as Pungi's get_createrepo_cmd() exposes them; unset means "leave out". */
export interface CreaterepoOptions {
  /** Executable; default createrepo_c. */
  executable?: string;
  outputDir?: string;
  /** File listing the packages to index, relative to the indexed directory. */
  pkglist?: string;
  /** comps file for the repo's groups (Pungi passes it for binary os trees only). */
  groupfile?: string;
  checksum?: ChecksumType;
  /** sqlite databases; default true (--database), false writes --no-database. */
  database?: boolean;
  /** Reuse metadata of unchanged packages; default true, as in Pungi. */
  update?: boolean;
  /** More metadata to reuse (Pungi: the per-arch package-set repo). Only with update. */
  updateMdPaths?: readonly string[];
  skipStat?: boolean;
  /** Header cache shared between runs (createrepo_enable_cache). */
  cachedir?: string;
  /** Default true: checksum-prefixed metadata file names, as dnf and mirrors expect. */
  uniqueMdFilenames?: boolean;
  workers?: number;
  /** createrepo_use_xz */
  useXz?: boolean;
  zchunk?: boolean;
  zchunkDictDir?: string;
  deltas?: CreaterepoDeltas;
  excludes?: readonly string[];
  baseurl?: string;
  distro?: readonly string[];
  content?: readonly string[];
  repoTags?: readonly string[];
  revision?: string;
  /** Exit 2 when a package could not be read instead of silently leaving it out. */
  errorExitVal?: boolean;
  /** Pungi always runs createrepo verbosely so its log shows what was reused. */
  verbose?: boolean;
  /** createrepo_extra_args, appended last so they can override anything above. */
  extraArgs?: readonly string[];
}

/**
 * The createrepo_c command line for indexing `directory`, in the order Pungi builds it. Pass
 * the detected features to refuse options this createrepo_c cannot honour (deltas without
 * DeltaRPM support, zchunk) before spending time on a run that would fail.
 */
export function buildCreaterepoArgv(directory: string, options: CreaterepoOptions = {}, features?: CreaterepoFeatures): string[] {
  checkSupported(options, features);
  const argv = [options.executable ?? 'createrepo_c', directory];
  if (options.verbose ?? true) argv.push('--verbose');
  if (options.baseurl) argv.push(`--baseurl=${options.baseurl}`);
  if (options.outputDir) argv.push(`--outputdir=${options.outputDir}`);
  for (const pattern of options.excludes ?? []) argv.push(`--excludes=${pattern}`);
  if (options.pkglist) argv.push(`--pkglist=${options.pkglist}`);
  if (options.groupfile) argv.push(`--groupfile=${options.groupfile}`);
  if (options.cachedir) argv.push(`--cachedir=${options.cachedir}`);
  const update = options.update ?? true;
  if (update) argv.push('--update');
  // Reused metadata carries no deltas, so when deltas are made against old packages Pungi
  // stops feeding createrepo the package-set metadata.
  const makingDeltas = Boolean(options.deltas?.oldPackageDirs.length);
  if (update && !makingDeltas) for (const mdPath of options.updateMdPaths ?? []) argv.push(`--update-md-path=${mdPath}`);
  if (options.skipStat) argv.push('--skip-stat');
  argv.push(options.database ?? true ? '--database' : '--no-database');
  if (options.checksum) argv.push(`--checksum=${options.checksum}`);
  argv.push(options.uniqueMdFilenames ?? true ? '--unique-md-filenames' : '--simple-md-filenames');
  for (const tag of options.distro ?? []) argv.push(`--distro=${tag}`);
  for (const tag of options.content ?? []) argv.push(`--content=${tag}`);
  for (const tag of options.repoTags ?? []) argv.push(`--repo=${tag}`);
  if (options.revision) argv.push(`--revision=${options.revision}`);
  if (options.deltas) {
    argv.push('--deltas');
    for (const dir of options.deltas.oldPackageDirs) argv.push(`--oldpackagedirs=${dir}`);
    if (options.deltas.numDeltas) argv.push(`--num-deltas=${Math.trunc(options.deltas.numDeltas)}`);
  }
  if (options.workers) argv.push(`--workers=${Math.trunc(options.workers)}`);
  if (options.useXz) argv.push('--xz');
  if (options.zchunk) argv.push('--zck');
  if (options.zchunkDictDir) argv.push(`--zck-dict-dir=${options.zchunkDictDir}`);
  if (options.errorExitVal) argv.push('--error-exit-val');
  argv.push(...(options.extraArgs ?? []));
  return argv;
}

function checkSupported(options: CreaterepoOptions, features: CreaterepoFeatures | undefined): void {
  if (options.workers !== undefined && (!Number.isInteger(options.workers) || options.workers < 1)) {
    throw new InputError('CREATEREPO_OPTION', `createrepo workers must be a positive integer, got ${options.workers}`);
  }
  if (!features) return;
  const missing: [boolean, string][] = [
    [Boolean(options.deltas) && !features.deltas, 'deltas (createrepo_c built without DeltaRPM support)'],
    [Boolean(options.zchunk || options.zchunkDictDir) && !features.zchunk, 'zchunk metadata (--zck)'],
    [Boolean(options.cachedir) && !features.cachedir, '--cachedir'],
    [Boolean(options.errorExitVal) && !features.errorExitVal, '--error-exit-val'],
  ];
  for (const [isMissing, what] of missing) {
    if (isMissing) throw new InputError('CREATEREPO_UNSUPPORTED', `createrepo_c ${features.version} does not support ${what}`, { hint: 'turn the option off in the config or install a newer createrepo_c' });
  }
}

/** modifyrepo_c adding (or replacing) one metadata file in repodata, as Pungi does for productid. */
export function buildModifyrepoArgv(repodataDir: string, file: string, options: { mdtype?: string; compressType?: string; remove?: boolean } = {}): string[] {
  const argv = ['modifyrepo_c', file, repodataDir];
  if (options.mdtype) argv.push(`--mdtype=${options.mdtype}`);
  if (options.remove) argv.push('--remove');
  if (options.compressType) argv.push('--compress', `--compress-type=${options.compressType}`);
  return argv;
}
