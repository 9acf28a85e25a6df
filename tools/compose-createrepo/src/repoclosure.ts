import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ComposeManifest, ComposeManifestVariant, RepoclosureCheckRecord, RepoclosureManifest } from '@compose/contracts';
import { getLogFilePath, getRepositoryDir } from '@compose/compose-info';
import { getVariantArchValue } from '@compose/config';
import { runRepoclosureBatch, type RepoclosureOptions, type RepoclosureResult, type RepoRef, type UnresolvedPackage } from '@compose/createrepo';
import { FailedError } from '@compose/errors';
import { formatCommand } from '@compose/exec';
import type { Logger } from '@compose/log';
import { runPool } from '@compose/pool';
import { getValidArches } from '@compose/rpm';
import { toVariantRef } from './list-trees.js';
import { describeInstalledDnf } from './dnf-identity.js';
import { computeCheckDigest, readOldChecks, retargetProblems, type OldCheck } from './repoclosure-reuse.js';

export type Strictness = 'off' | 'lenient' | 'fatal';

/** One check's record in work/global/repoclosure.json. */
export type RepoclosureCheck = RepoclosureCheckRecord;

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
 * logs/<arch>/repoclosure-<uid>.<arch>.log. Lenient findings are warnings. A check whose inputs
 * digest equals one of an old compose (--old-composes) takes over that result without running
 * dnf. Returns the compose.repoclosure manifest; `assertNoFatalFindings` fails the phase after.
 */
export async function runRepoclosurePhase(compose: ComposeManifest, composeDir: string, log: Logger, signal?: AbortSignal, oldComposes: readonly string[] = []): Promise<RepoclosureManifest> {
  const started = performance.now();
  const [dnf, oldChecks] = await Promise.all([describeInstalledDnf(), readOldChecks(oldComposes, compose, composeDir, log)]);
  const planned: PlannedCheck[] = [];
  for (const { variant, arch, strictness } of listChecks(compose)) {
    const { repos, lookaside } = planRepoclosure(compose, composeDir, variant, arch);
    const options = { repos, lookaside, arches: getValidArches(arch, { multilib: true, addNoarch: true }), forcearch: chooseForcearch(arch) };
    const digest = await computeCheckDigest({ check: `${variant.uid}.${arch}`, ...options, dnf });
    planned.push({ variant, arch, strictness, options, digest, old: digest ? oldChecks.get(digest) : undefined });
  }
  const plannedAt = performance.now();
  const toRun = planned.filter((check) => !check.old);
  const results = new Map(toRun.map((check, index) => [check, index] as const));
  const ran = await runInBatches(toRun.map((check) => check.options), signal);
  const checks: RepoclosureCheck[] = [];
  for (const check of planned) {
    const { variant, arch, strictness, digest, old } = check;
    const logFile = getLogFilePath(composeDir, arch, `repoclosure-${variant.uid}`);
    await mkdir(path.dirname(logFile), { recursive: true });
    let result: { ok: boolean; problems: RepoclosureCheck['problems']; durationMs?: number };
    if (old) {
      result = { ok: old.check.ok, problems: retargetProblems(old, compose.compose_id), durationMs: 0 };
      const oldLog = await readFile(path.join(old.composeDir, old.check.log), 'utf8').catch(() => '(old log missing)\n');
      await writeFile(logFile, `# result reused from ${old.composeDir} (inputs digest ${digest}): its repos' repomd.xml, the arches and dnf are unchanged; dnf not run. Its log:\n${oldLog}`);
    } else {
      const run = ran[results.get(check)!]!;
      result = run;
      await writeFile(logFile, `${formatCommand(run.argv)}\n${run.log}`);
    }
    if (!result.ok) {
      const message = `Repoclosure failed for ${variant.uid}.${arch}: ${describeProblems(result.problems)}`;
      if (strictness === 'fatal') log.error(message);
      else log.warn(message);
    }
    checks.push({
      variant: variant.uid, arch, strictness, ok: result.ok, problems: result.problems, log: path.relative(composeDir, logFile),
      inputs_digest: digest ?? null, reused_from: old?.composeDir ?? null, duration_ms: result.durationMs ?? 0,
    });
  }
  const reused = checks.filter((check) => check.reused_from);
  if (reused.length) log.info(`repoclosure: results of ${reused.length} of ${checks.length} checks reused from ${[...new Set(reused.map((check) => check.reused_from))].join(', ')} (inputs unchanged)`);
  const finished = performance.now();
  return { compose_id: compose.compose_id, dnf, checks, timings_ms: { plan: Math.round(plannedAt - started), checks: Math.round(finished - plannedAt) } };
}

interface PlannedCheck {
  variant: ComposeManifestVariant;
  arch: string;
  strictness: 'lenient' | 'fatal';
  options: RepoclosureOptions;
  digest: string | undefined;
  old: OldCheck | undefined;
}

/** Every non-empty variant.arch whose repoclosure_strictness is not off. */
function listChecks(compose: ComposeManifest): { variant: ComposeManifestVariant; arch: string; strictness: 'lenient' | 'fatal' }[] {
  const jobs: { variant: ComposeManifestVariant; arch: string; strictness: 'lenient' | 'fatal' }[] = [];
  for (const variant of compose.variants) {
    if (variant.is_empty) continue;
    for (const arch of variant.arches) {
      const strictness = getStrictness(compose.config, variant.uid, arch);
      if (strictness !== 'off') jobs.push({ variant, arch, strictness });
    }
  }
  return jobs;
}

/**
 * Each check stays one `dnf repoclosure` command line, but the command lines run in one dnf
 * process per core (runRepoclosureBatch) instead of one each: dnf's start-up was most of the
 * cost of a check. Results come back in the order of `checks`.
 */
async function runInBatches(checks: readonly RepoclosureOptions[], signal?: AbortSignal): Promise<RepoclosureResult[]> {
  const count = Math.min(availableParallelism(), checks.length);
  const batches = Array.from({ length: count }, (_, batch) => checks.map((check, index) => ({ check, index })).filter(({ index }) => index % count === batch));
  const results: RepoclosureResult[] = [];
  await runPool(batches, count, async (batch) => {
    const ran = await runRepoclosureBatch(batch.map(({ check }) => check), { signal });
    batch.forEach(({ index }, position) => (results[index] = ran[position]!));
  });
  return results;
}

/** Fails the phase, after every check ran, naming each fatal variant.arch and its unresolved deps. */
export function assertNoFatalFindings(checks: readonly RepoclosureCheck[]): void {
  const fatal = checks.filter((check) => !check.ok && check.strictness === 'fatal');
  if (fatal.length) {
    throw new FailedError('REPOCLOSURE_FATAL', fatal.map((check) => `repoclosure failed for ${check.variant}.${check.arch}: ${describeProblems(check.problems)}`).join('\n'), { hint: 'see the logs named in logs/<arch>/repoclosure-*.log' });
  }
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
