// Pure argv builders for the ostree CLI (Debian package ostree): tested as data, run by ostree-repo.ts.

/** One `ostree commit` of a directory tree. */
export interface CommitSpec {
  repo: string;
  /** The directory to commit. */
  tree: string;
  /** Ref to move to the new commit; without it the commit is an orphan (tag_ref = False). */
  ref?: string;
  /** Parent checksum; ostree takes the ref's head by default, an orphan needs it spelled out. */
  parent?: string;
  subject: string;
  body?: string;
  /** String metadata (version, compose id, input hash...). */
  metadata: Readonly<Record<string, string>>;
  /** Sets ostree.bootable (the tree carries a kernel). */
  bootable?: boolean;
  /** Deletes the tree while committing, instead of copying it (saves a second copy on disk). */
  consume?: boolean;
  /** Seconds since the epoch for the commit timestamp; default now. */
  timestamp?: number;
}

/** Repository modes `ostree init` knows; composes publish `archive` repos over HTTP. */
export type RepoMode = 'archive' | 'bare' | 'bare-user' | 'bare-user-only';

export function buildInitArgv(repo: string, mode: RepoMode = 'archive'): string[] {
  return ['ostree', 'init', `--repo=${repo}`, `--mode=${mode}`];
}

export function buildCommitArgv(spec: CommitSpec): string[] {
  const argv = ['ostree', 'commit', `--repo=${spec.repo}`];
  if (spec.ref) argv.push(`--branch=${spec.ref}`);
  else argv.push('--orphan');
  if (spec.parent) argv.push(`--parent=${spec.parent}`);
  argv.push(`--subject=${spec.subject}`);
  if (spec.body) argv.push(`--body=${spec.body}`);
  for (const [key, value] of Object.entries(spec.metadata).sort(([a], [b]) => a.localeCompare(b))) {
    argv.push(`--add-metadata-string=${key}=${value}`);
  }
  if (spec.bootable) argv.push('--bootable');
  if (spec.consume) argv.push('--consume');
  if (spec.timestamp !== undefined) argv.push(`--timestamp=@${Math.floor(spec.timestamp)}`);
  argv.push(`--tree=dir=${spec.tree}`);
  return argv;
}

export function buildRevParseArgv(repo: string, rev: string): string[] {
  return ['ostree', 'rev-parse', `--repo=${repo}`, rev];
}

export function buildShowMetadataArgv(repo: string, rev: string, key: string): string[] {
  return ['ostree', 'show', `--repo=${repo}`, `--print-metadata-key=${key}`, rev];
}

/** Points `ref` at `checksum`, replacing whatever it pointed at. */
export function buildSetRefArgv(repo: string, ref: string, checksum: string): string[] {
  return ['ostree', 'refs', `--repo=${repo}`, '--force', `--create=${ref}`, checksum];
}

export function buildSummaryUpdateArgv(repo: string): string[] {
  return ['ostree', 'summary', `--repo=${repo}`, '-u'];
}

export function buildFsckArgv(repo: string): string[] {
  return ['ostree', 'fsck', `--repo=${repo}`];
}

export function buildLsArgv(repo: string, rev: string, options: { recursive?: boolean; path?: string } = {}): string[] {
  return ['ostree', 'ls', `--repo=${repo}`, ...(options.recursive ? ['-R'] : []), rev, options.path ?? '/'];
}
