// /var is state owned by the deployed host, so an ostree commit carries it empty: like rpm-ostree,
// its directories and symlinks become systemd-tmpfiles.d lines created on boot; files are dropped.
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const AUTOVAR_CONF = 'usr/lib/tmpfiles.d/compose-ostree-autovar.conf';

// Known to be recreated at runtime (systemd, plymouth), as rpm-ostree lists them.
const DISCARDED = ['var/run', 'var/lib/systemd/random-seed', 'var/lib/systemd/catalog/database', 'var/lib/plymouth/boot-duration', 'var/log/wtmp', 'var/log/btmp'];

export interface VarConversion {
  /** tmpfiles.d lines written. */
  entries: string[];
  /** Regular files under /var that were dropped (relative to the root). */
  dropped: string[];
}

/** Converts `root`/var into tmpfiles.d entries and empties it. */
export async function convertVarToTmpfiles(root: string): Promise<VarConversion> {
  for (const relative of DISCARDED) await rm(path.join(root, relative), { recursive: true, force: true });
  const names = { users: await readIdNames(root, 'passwd'), groups: await readIdNames(root, 'group') };
  const entries = new Set<string>();
  const dropped: string[] = [];
  if (existsSync(path.join(root, 'var'))) await convertDir(root, 'var', names, entries, dropped);
  const sorted = [...entries].sort();
  await mkdir(path.join(root, path.dirname(AUTOVAR_CONF)), { recursive: true, mode: 0o755 });
  await writeFile(path.join(root, AUTOVAR_CONF), sorted.map((line) => `${line}\n`).join(''), { mode: 0o644 });
  return { entries: sorted, dropped: dropped.sort() };
}

async function convertDir(root: string, relative: string, names: IdNames, entries: Set<string>, dropped: string[]): Promise<void> {
  for (const name of await readdir(path.join(root, relative))) {
    const child = path.posix.join(relative, name);
    const full = path.join(root, child);
    const stat = await lstat(full);
    if (stat.isSymbolicLink()) {
      entries.add(`L /${child} - - - - ${await readlink(full)}`);
    } else if (stat.isDirectory()) {
      const mode = (stat.mode & 0o7777).toString(8).padStart(4, '0');
      entries.add(`d /${child} ${mode} ${names.users.get(stat.uid) ?? stat.uid} ${names.groups.get(stat.gid) ?? stat.gid} - -`);
      await convertDir(root, child, names, entries, dropped);
    } else {
      dropped.push(child);
    }
    await rm(full, { recursive: true, force: true });
  }
}

interface IdNames {
  users: Map<number, string>;
  groups: Map<number, string>;
}

/** uid/gid -> name from the tree's own passwd/group (in usr/etc after the /etc move), else numbers are used. */
async function readIdNames(root: string, file: 'passwd' | 'group'): Promise<Map<number, string>> {
  const result = new Map<number, string>([[0, 'root']]);
  for (const dir of ['usr/etc', 'etc', 'usr/lib']) {
    const candidate = path.join(root, dir, file);
    if (!existsSync(candidate)) continue;
    for (const line of (await readFile(candidate, 'utf8')).split('\n')) {
      const fields = line.split(':');
      const id = Number(fields[2]);
      if (fields[0] && Number.isInteger(id) && !result.has(id)) result.set(id, fields[0]);
    }
  }
  return result;
}
