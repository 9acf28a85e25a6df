import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { getComposeIdPrefix, readStatus, tryParseComposeId, type ProductIdentity } from '@compose/compose-info';

/**
 * The newest finished multi-part compose of the same release in `targetDir` (other than
 * `exclude`), whose parts/ the new parts may reuse results from, as pungi-orchestrate looks for one.
 */
export async function findOldMultiCompose(targetDir: string, release: ProductIdentity, baseProduct: ProductIdentity | undefined, exclude: string): Promise<string | undefined> {
  const prefix = getComposeIdPrefix(release, baseProduct);
  let entries: string[];
  try {
    entries = await readdir(targetDir);
  } catch {
    return undefined;
  }
  const candidates = entries
    .map((name) => ({ name, parsed: tryParseComposeId(name) }))
    .filter((c) => c.parsed?.prefix === prefix && path.join(targetDir, c.name) !== exclude)
    .sort((a, b) => a.parsed!.date.localeCompare(b.parsed!.date) || a.parsed!.respin - b.parsed!.respin)
    .reverse();
  for (const candidate of candidates) {
    const dir = path.join(targetDir, candidate.name);
    const status = await readStatus(dir).catch(() => undefined);
    if (status !== 'FINISHED' && status !== 'FINISHED_INCOMPLETE') continue;
    if (await isDirectory(path.join(dir, 'parts'))) return dir;
  }
  return undefined;
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
