import path from 'node:path';

export interface RepoRef {
  /** dnf repo id; Pungi uses "<compose id>-repoclosure-<uid>.<arch>". */
  id: string;
  /** Local directory or URL. */
  path: string;
}

export interface RepoclosureOptions {
  /** Repos whose packages must have their dependencies satisfied (--check). */
  repos: readonly RepoRef[];
  /** Repos that may satisfy dependencies but are not checked themselves (parent variant, lookaside). */
  lookaside?: readonly RepoRef[];
  /** Package arches to consider (Pungi: the tree arch's valid arches incl. noarch and multilib). */
  arches?: readonly string[];
  /** Keeps dnf away from the host: its cache and state go here instead of /var or ~/.cache. */
  installroot?: string;
  /** dnf cannot detect a release version on a non-Fedora host, so one is always given. */
  releasever?: string;
  /** Treat packages as this arch even on another host arch (e.g. s390x trees on x86_64). */
  forcearch?: string;
}

/**
 * `dnf repoclosure` as Pungi's dnf backend runs it: every repo is enabled with --repo (which
 * disables the host's repos) and the checked ones are also named with --check. The isolation
 * and strictness options come after Pungi's part so the command still reads like Pungi's logs.
 */
export function buildRepoclosureArgv(options: RepoclosureOptions): string[] {
  const argv = ['dnf', 'repoclosure'];
  for (const arch of options.arches ?? []) argv.push(`--arch=${arch}`);
  for (const repo of options.repos) argv.push(`--repofrompath=${repo.id},${toRepoUrl(repo.path)}`, `--repo=${repo.id}`, `--check=${repo.id}`);
  for (const repo of options.lookaside ?? []) argv.push(`--repofrompath=${repo.id},${toRepoUrl(repo.path)}`, `--repo=${repo.id}`);
  // A repo dnf cannot read would otherwise be skipped with a warning and the check pass.
  argv.push('--setopt=reposdir=/dev/null', '--setopt=skip_if_unavailable=False', `--releasever=${options.releasever ?? '1'}`);
  if (options.installroot) argv.push(`--installroot=${options.installroot}`);
  if (options.forcearch) argv.push(`--forcearch=${options.forcearch}`);
  return argv;
}

/** Local paths become absolute file:// URLs; URLs pass through. */
export function toRepoUrl(location: string): string {
  return location.includes('://') ? location : `file://${path.resolve(location)}`;
}
