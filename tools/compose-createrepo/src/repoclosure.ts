import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ComposeManifest, ComposeManifestVariant } from '@compose/contracts';
import { getLogFilePath, getRepositoryDir } from '@compose/compose-info';
import { getVariantArchValue } from '@compose/config';
import { runRepoclosure, type RepoRef, type UnresolvedPackage } from '@compose/createrepo';
import { FailedError } from '@compose/errors';
import { formatCommand } from '@compose/exec';
import type { Logger } from '@compose/log';
import { runPool } from '@compose/pool';
import { getValidArches } from '@compose/rpm';
import { toVariantRef } from './list-trees.js';

export type Strictness = 'off' | 'lenient' | 'fatal';

export interface RepoclosureCheck {
  variant: string;
  arch: string;
  strictness: Strictness;
  ok: boolean;
  problems: UnresolvedPackage[];
  log: string;
}

/** repoclosure_strictness: the last matching block wins; unset means lenient, as in Pungi. */
export function getStrictness(config: Readonly<Record<string, unknown>>, variantUid: string, arch: string): Strictness {
  const values = getVariantArchValue(config, 'repoclosure_strictness', variantUid, arch);
  const last = values.at(-1);
  return last === 'off' || last === 'fatal' ? last : 'lenient';
}

/**
 * The repos one check uses, as Pungi's repoclosure phase builds them: the variant's own repo is
 * checked; an addon, optional or layered variant also sees its parent's repo, and
 * gather_lookaside_repos are available as lookaside too.
 */
export function planRepoclosure(compose: ComposeManifest, composeDir: string, variant: ComposeManifestVariant, arch: string): { repos: RepoRef[]; lookaside: RepoRef[] } {
  const id = (uid: string): string => `${compose.compose_id}-repoclosure-${uid}.${arch}`;
  const repos = [{ id: id(variant.uid), path: getRepositoryDir(composeDir, toVariantRef(variant), arch) }];
  const lookaside: RepoRef[] = [];
  const parent = compose.variants.find((v) => v.uid === variant.parent);
  if (parent) lookaside.push({ id: id(parent.uid), path: getRepositoryDir(composeDir, toVariantRef(parent), arch) });
  getVariantArchValue(compose.config, 'gather_lookaside_repos', variant.uid, arch).forEach((repo, index) => {
    const location = String(repo);
    lookaside.push({ id: `lookaside-${variant.uid}.${arch}-${index}`, path: location.includes('://') ? location : path.resolve(compose.config_dir, location) });
  });
  return { repos, lookaside };
}

/**
 * Checks every non-empty variant.arch with dnf repoclosure, logging to
 * logs/<arch>/repoclosure-<uid>.<arch>.log. Lenient findings are warnings; any fatal finding
 * fails the phase after all checks ran, naming every variant.arch and its unresolved deps.
 */
export async function runRepoclosurePhase(compose: ComposeManifest, composeDir: string, log: Logger, signal?: AbortSignal): Promise<RepoclosureCheck[]> {
  const jobs: { variant: ComposeManifestVariant; arch: string; strictness: Strictness }[] = [];
  for (const variant of compose.variants) {
    if (variant.is_empty) continue;
    for (const arch of variant.arches) {
      const strictness = getStrictness(compose.config, variant.uid, arch);
      if (strictness !== 'off') jobs.push({ variant, arch, strictness });
    }
  }
  // Each check is a separate dnf process, independent of the others: as many at once as there are cores.
  const checks = await runPool(jobs, availableParallelism(), async ({ variant, arch, strictness }): Promise<RepoclosureCheck> => {
    const logFile = getLogFilePath(composeDir, arch, `repoclosure-${variant.uid}`);
    const { repos, lookaside } = planRepoclosure(compose, composeDir, variant, arch);
    const result = await runRepoclosure({ repos, lookaside, arches: getValidArches(arch, { multilib: true, addNoarch: true }), forcearch: chooseForcearch(arch), signal });
    await mkdir(path.dirname(logFile), { recursive: true });
    await writeFile(logFile, `${formatCommand(result.argv)}\n${result.log}`);
    if (!result.ok) {
      const message = `Repoclosure failed for ${variant.uid}.${arch}: ${describeProblems(result.problems)}`;
      if (strictness === 'fatal') log.error(message);
      else log.warn(message);
    }
    return { variant: variant.uid, arch, strictness, ok: result.ok, problems: result.problems, log: path.relative(composeDir, logFile) };
  });
  const fatal = checks.filter((check) => !check.ok && check.strictness === 'fatal');
  if (fatal.length) {
    throw new FailedError('REPOCLOSURE_FATAL', fatal.map((check) => `repoclosure failed for ${check.variant}.${check.arch}: ${describeProblems(check.problems)}`).join('\n'), { hint: 'see the logs named in logs/<arch>/repoclosure-*.log' });
  }
  return checks;
}

/**
 * The arch dnf pretends to run on. Tree arches are dnf arches except i386, whose yum arch
 * (athlon) dnf does not treat as able to run i686 packages: every i686 dependency would look
 * unresolved. i686 can run all the 32-bit x86 packages of an i386 tree.
 */
export function chooseForcearch(treeArch: string): string {
  return treeArch === 'i386' ? 'i686' : treeArch;
}

function describeProblems(problems: readonly UnresolvedPackage[]): string {
  return problems.map((p) => `${p.package} needs ${p.unresolved.join(', ')}`).join('; ');
}
