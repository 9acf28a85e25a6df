import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Treefile } from './treefile.js';
import type { InstalledPackage } from './dnf-install.js';

/** Bumped when the post-processing changes, so trees made by an older builder get recommitted. */
const BUILDER_REVISION = 'compose-ostree-dnf/1';

/**
 * What decides whether a new commit is needed (rpm-ostree's inputhash, computed our way): the
 * treefile, the files it adds and the exact packages installed. The commit version is left out,
 * as rpm-ostree leaves it out, so a new compose of unchanged content makes no new commit.
 */
export async function computeInputHash(treefile: Treefile, treefileDir: string, packages: readonly InstalledPackage[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${BUILDER_REVISION}\n`);
  hash.update(`${stableStringify(treefile)}\n`);
  const addFiles = Array.isArray(treefile['add-files']) ? (treefile['add-files'] as unknown[]) : [];
  for (const entry of addFiles) {
    if (Array.isArray(entry) && typeof entry[0] === 'string') {
      hash.update(`${entry[0]}\0`);
      hash.update(await readFile(path.resolve(treefileDir, entry[0])).catch(() => Buffer.from('missing')));
    }
  }
  for (const pkg of packages) hash.update(`${pkg.nevra}\t${pkg.sigmd5}\n`);
  return hash.digest('hex');
}

/** JSON with object keys sorted, so key order in the treefile does not count as a change. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
