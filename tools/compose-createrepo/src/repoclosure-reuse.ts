// --old-composes for repoclosure: dnf's answer depends only on the metadata of the repos it
// reads, the arches it considers and dnf itself, so a check whose inputs hash the same as an
// old compose's check gets that check's result instead of another dnf run.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { getComposeIdPrefix, listOldComposes } from '@compose/compose-info';
import { REPOCLOSURE_MANIFEST, type ComposeManifest, type RepoclosureCheckRecord, type RepoclosureManifest } from '@compose/contracts';
import type { RepoRef } from '@compose/createrepo';
import type { Logger } from '@compose/log';
import { readManifest } from '@compose/manifest';

/** Bump when the digest rules or the way results are recorded change. */
const DIGEST_VERSION = 1;

export interface CheckInputs {
  /** "<variant uid>.<arch>": repo ids in the findings name it. */
  check: string;
  repos: readonly RepoRef[];
  lookaside: readonly RepoRef[];
  arches: readonly string[];
  forcearch: string;
  /** describeInstalledDnf() */
  dnf: string;
}

/**
 * sha256 over each repo's role and repomd.xml (which names the checksum of every metadata file,
 * so equal repomd.xml means equal metadata), the arches and dnf. Undefined when a repo is remote
 * or has no repomd.xml: then nothing vouches for its content and dnf runs.
 */
export async function computeCheckDigest(inputs: CheckInputs): Promise<string | undefined> {
  const repos: string[] = [];
  for (const [role, list] of [['check', inputs.repos], ['lookaside', inputs.lookaside]] as const) {
    for (const repo of list) {
      const location = repo.path.replace(/^file:\/\//, '');
      if (location.includes('://')) return undefined;
      const repomd = await readFile(path.join(location, 'repodata', 'repomd.xml')).catch(() => undefined);
      if (!repomd) return undefined;
      repos.push(`${role} ${createHash('sha256').update(repomd).digest('hex')}`);
    }
  }
  const data = { version: DIGEST_VERSION, check: inputs.check, repos, arches: [...inputs.arches].sort(), forcearch: inputs.forcearch, dnf: inputs.dnf };
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

export interface OldCheck {
  composeDir: string;
  composeId: string;
  check: RepoclosureCheckRecord;
}

/** Every check recorded by old composes' repoclosure runs, by inputs digest (newest compose wins). */
export async function readOldChecks(oldComposes: readonly string[], compose: ComposeManifest, composeDir: string, log: Logger): Promise<Map<string, OldCheck>> {
  const byDigest = new Map<string, OldCheck>();
  if (!oldComposes.length) return byDigest;
  for (const old of await listOldComposes(oldComposes, getComposeIdPrefix(compose.release, compose.base_product ?? undefined), composeDir)) {
    const file = path.join(old.dir, 'work', 'global', 'repoclosure.json');
    if (!(await stat(file).catch(() => undefined))) continue;
    try {
      const manifest = await readManifest<RepoclosureManifest>(file, REPOCLOSURE_MANIFEST);
      for (const check of manifest.checks) {
        if (check.inputs_digest && !byDigest.has(check.inputs_digest)) byDigest.set(check.inputs_digest, { composeDir: old.dir, composeId: manifest.compose_id, check });
      }
    } catch (error) {
      log.warn(`${file}: ignored for reuse: ${(error as Error).message}`);
    }
  }
  return byDigest;
}

/** The old check's findings with its repo ids (which embed the compose ID) renamed to this compose's. */
export function retargetProblems(old: OldCheck, composeId: string): RepoclosureCheckRecord['problems'] {
  return old.check.problems.map((problem) => ({ ...problem, repo: problem.repo.split(old.composeId).join(composeId) }));
}
