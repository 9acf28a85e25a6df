// Everything that decides one tree's repodata, hashed: an old compose's repodata with the same
// digest is what createrepo_c would write again, so it is linked instead of remade.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CreaterepoFeatures, CreaterepoOptions } from '@compose/createrepo';
import type { TreeJob } from './list-trees.js';
import type { PackageIdentities } from './package-checksums.js';

/** Bump when the digest rules or what this tool puts in repodata change. */
const DIGEST_VERSION = 1;

export interface TreeDigest {
  digest: string;
  /** Part name -> sha256, to say what changed when a tree is not reused. */
  parts: Record<string, string>;
}

export interface TreeDigestInputs {
  composeDir: string;
  shared: CreaterepoOptions;
  features: CreaterepoFeatures;
  /** Product certificate added to this tree, if any. */
  certificate?: string;
  identities: PackageIdentities;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The parts: the package list (paths relative to the repo as --pkglist gives them, each with
 * size, mtime and checksum), the comps file's content, the createrepo_c options that shape the
 * output (not the worker count or cache dir), the createrepo_c version and features, the product
 * certificate's content. Repodata does not depend on the compose ID or date (repomd's revision
 * is createrepo_c's run time, which reuse keeps from the old run, as the timestamp of any
 * unchanged repo would be).
 */
export async function computeTreeDigest(job: TreeJob, inputs: TreeDigestInputs): Promise<TreeDigest> {
  const compose = path.join(inputs.composeDir, 'compose');
  const packages: string[] = [];
  for (const relative of job.packages) {
    packages.push(`${relative} ${await inputs.identities.describe(path.relative(compose, path.join(job.repoDir, relative)))}`);
  }
  const { workers: _workers, cachedir: _cachedir, ...options } = inputs.shared;
  const parts: Record<string, string> = {
    tree: sha256(JSON.stringify([job.variant.uid, job.arch, job.pkgType, path.relative(compose, job.repoDir)])),
    packages: sha256(packages.join('\n')),
    comps: job.groupfile ? sha256(await readFile(job.groupfile)) : 'none',
    options: sha256(JSON.stringify(options)),
    createrepo_c: sha256(JSON.stringify(inputs.features)),
    product_id: inputs.certificate ? sha256(await readFile(inputs.certificate)) : 'none',
  };
  return { digest: sha256(JSON.stringify({ version: DIGEST_VERSION, ...parts })), parts };
}
