// The treefile's own edits of the installed root (rpm-ostree's compose_postprocess), applied while
// /etc is still at /etc so paths in the treefile mean what they say.
import { existsSync } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@compose/errors';

export interface TreefileEdits {
  treefileDir: string;
  /** `add-files`: [source relative to the treefile dir, absolute destination]. */
  addFiles: [string, string][];
  removeFiles: string[];
  /** `mutate-os-release`: the base version replaced by the commit version. */
  mutateOsRelease?: string;
  version?: string;
}

/** remove-files, add-files and mutate-os-release; returns a line per change for the log. */
export async function applyTreefileEdits(root: string, edits: TreefileEdits): Promise<string[]> {
  const notes: string[] = [];
  for (const name of edits.removeFiles) {
    if (path.isAbsolute(name) || name.split('/').includes('..')) throw new InputError('TREEFILE_BAD_VALUE', `remove-files: invalid path ${name} (relative paths without '..' only)`);
    await rm(path.join(root, name), { recursive: true, force: true });
    notes.push(`removed ${name}`);
  }
  for (const [source, dest] of edits.addFiles) {
    const relative = dest.replace(/^\/+/, '');
    if (!relative || relative.split('/').includes('..')) throw new InputError('TREEFILE_BAD_VALUE', `add-files: invalid destination ${dest}`);
    const from = path.resolve(edits.treefileDir, source);
    if (!existsSync(from)) throw new InputError('TREEFILE_BAD_VALUE', `add-files: ${source} does not exist next to the treefile`);
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true, mode: 0o755 });
    await copyFile(from, path.join(root, relative));
    await chmod(path.join(root, relative), (await stat(from)).mode & 0o7777);
    notes.push(`added /${relative}`);
  }
  if (edits.mutateOsRelease) notes.push(await mutateOsRelease(root, edits.mutateOsRelease, edits.version));
  return notes;
}

async function mutateOsRelease(root: string, baseVersion: string, version: string | undefined): Promise<string> {
  if (!version) return 'mutate-os-release ignored: no commit version';
  const file = await resolveInRoot(root, 'etc/os-release');
  if (!file) return 'mutate-os-release ignored: the tree has no /etc/os-release';
  const lines = (await readFile(path.join(root, file), 'utf8')).split('\n').filter(Boolean);
  const rewritten = lines.map((line) => (/^(VERSION|PRETTY_NAME)=/.test(line) ? line.split(baseVersion).join(version) : line));
  rewritten.push(`OSTREE_VERSION='${version.replace(/'/g, `'\\''`)}'`);
  await writeFile(path.join(root, file), `${rewritten.join('\n')}\n`, { mode: 0o644 });
  return `updated /${file} for version ${version}`;
}

/** Follows symlinks as the booted tree would see them (absolute targets are relative to `root`). */
async function resolveInRoot(root: string, relative: string, depth = 0): Promise<string | undefined> {
  if (depth > 20) return undefined;
  const full = path.join(root, relative);
  const info = await lstat(full).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isSymbolicLink()) return relative;
  const target = await readlink(full);
  const next = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(relative), target));
  return resolveInRoot(root, next, depth + 1);
}

/** `units`: enable units by a multi-user.target.wants symlink under /usr/etc, as rpm-ostree does. */
export async function enableUnits(root: string, units: readonly string[]): Promise<void> {
  if (!units.length) return;
  const wants = path.join(root, 'usr/etc/systemd/system/multi-user.target.wants');
  await mkdir(wants, { recursive: true, mode: 0o755 });
  for (const unit of units) {
    const link = path.join(wants, unit);
    if (!existsSync(link)) await symlink(`/usr/lib/systemd/system/${unit}`, link);
  }
}

/** `default-target`: default.target in /usr, where ConditionFirstBoot presets expect it. */
export async function setDefaultTarget(root: string, target: string): Promise<void> {
  const file = path.join(root, 'usr/lib/systemd/system/default.target');
  await mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
  await rm(file, { force: true });
  await symlink(`/usr/lib/systemd/system/${target}`, file);
}

/** `readonly-executables`: executables lose their write bits, so a deployed tree cannot be patched in place. */
export async function makeExecutablesReadonly(root: string, relative = 'usr'): Promise<number> {
  const dir = path.join(root, relative);
  if (!existsSync(dir)) return 0;
  let changed = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) changed += await makeExecutablesReadonly(root, child);
    else if (entry.isFile()) {
      const mode = (await stat(path.join(root, child))).mode & 0o7777;
      if (mode & 0o111 && mode & 0o222) {
        await chmod(path.join(root, child), mode & ~0o222);
        changed++;
      }
    }
  }
  return changed;
}
