import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The newest finished compose of the same release under the --old-composes dirs, as Pungi's
 * find_old_compose() picks it: same "<short>-<version>" prefix, STATUS FINISHED or
 * FINISHED_INCOMPLETE, newest by name (compose IDs sort by date and respin).
 */
export async function findOldCompose(oldComposeDirs: readonly string[], prefix: string, ownDir: string): Promise<string | undefined> {
  const candidates: string[] = [];
  for (const dir of oldComposeDirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.startsWith(`${prefix}-`) || name.startsWith('latest-')) continue;
      const full = path.join(dir, name);
      if (path.resolve(full) === path.resolve(ownDir)) continue;
      const status = await readFile(path.join(full, 'STATUS'), 'utf8').catch(() => '');
      if (['FINISHED', 'FINISHED_INCOMPLETE'].includes(status.trim())) candidates.push(full);
    }
  }
  return candidates.sort((a, b) => path.basename(a).localeCompare(path.basename(b))).at(-1);
}

/**
 * The old compose's package directories for a repo at `relativeRepoDir`: with hashed
 * directories every Packages/<letter>/ is one, since --oldpackagedirs does not recurse.
 */
export async function findOldPackageDirs(oldCompose: string, relativeRepoDir: string, hashed: boolean): Promise<string[]> {
  const packagesDir = path.join(oldCompose, relativeRepoDir, 'Packages');
  if (!(await isDirectory(packagesDir))) return [];
  if (!hashed) return [packagesDir];
  const entries = await readdir(packagesDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(packagesDir, entry.name)).sort();
}

async function isDirectory(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => undefined))?.isDirectory() ?? false;
}
