// The ostree root filesystem layout rpm-ostree gives a commit (composepost.rs): /usr holds the
// OS (with /etc as /usr/etc defaults), /var starts empty, state directories are symlinks into /var.
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NotImplementedError } from '@compose/errors';

const TOPLEVEL_DIRS = ['dev', 'proc', 'run', 'sys', 'var', 'sysroot'];
const TOPLEVEL_SYMLINKS: [string, string][] = [
  ['opt', 'var/opt'], ['srv', 'var/srv'], ['mnt', 'var/mnt'], ['root', 'var/roothome'], ['home', 'var/home'], ['media', 'run/media'], ['ostree', 'sysroot/ostree'],
];
/** Toplevel entries carried over from the installed root; anything else there is dropped. */
const CARRIED = ['usr', 'boot', 'var', 'lib', 'lib64', 'lib32', 'bin', 'sbin'];
export const RPMDB_DIR = 'usr/share/rpm';

/** /etc becomes /usr/etc: the commit's defaults, merged with the host's /etc on deployment. */
export async function moveEtcToUsr(root: string): Promise<void> {
  if (!existsSync(path.join(root, 'etc'))) return;
  await mkdir(path.join(root, 'usr'), { recursive: true, mode: 0o755 });
  await rename(path.join(root, 'etc'), path.join(root, 'usr/etc'));
}

/** var/lib/rpm points at the rpmdb in /usr, where it is part of the (read-only) commit. */
export async function linkRpmdb(root: string): Promise<void> {
  await rm(path.join(root, 'var/lib/rpm'), { recursive: true, force: true });
  await mkdir(path.join(root, 'var/lib'), { recursive: true, mode: 0o755 });
  await symlink(`../../${RPMDB_DIR}`, path.join(root, 'var/lib/rpm'));
}

/**
 * Builds the commit root in `target` from the installed root `source` (which is consumed):
 * toplevel dirs and symlinks, then /usr, /boot, /var and the compat links moved over.
 * Returns the toplevel entries that were dropped.
 */
export async function buildOstreeRootfs(source: string, target: string, tmpIsDir: boolean): Promise<string[]> {
  await mkdir(target, { recursive: true, mode: 0o755 });
  await chmod(target, 0o755);
  for (const dir of TOPLEVEL_DIRS) await mkdir(path.join(target, dir), { recursive: true, mode: 0o755 });
  for (const [link, to] of TOPLEVEL_SYMLINKS) await symlink(to, path.join(target, link));
  if (tmpIsDir) {
    await mkdir(path.join(target, 'tmp'), { mode: 0o1777 });
    await chmod(path.join(target, 'tmp'), 0o1777);
  } else await symlink('sysroot/tmp', path.join(target, 'tmp'));
  for (const name of CARRIED) {
    // lstat, not existsSync: compat links (lib64 -> usr/lib64) dangle once /usr has moved
    if (!(await lstat(path.join(source, name)).catch(() => undefined))) continue;
    if (name === 'var') await rm(path.join(target, 'var'), { recursive: true });
    await rename(path.join(source, name), path.join(target, name));
  }
  await mkdir(path.join(target, 'usr'), { recursive: true, mode: 0o755 });
  await mkdir(path.join(target, 'boot'), { recursive: true, mode: 0o755 });
  const dropped = (await readdir(source)).sort();
  await rm(source, { recursive: true, force: true });
  return dropped;
}

/**
 * boot-location "modules" (rpm-ostree's default): each kernel /boot/vmlinuz-<kver> moves to
 * /usr/lib/modules/<kver>/vmlinuz (with its initramfs when the packages made one) and /boot is
 * left empty. Returns the kernel versions found; any makes the commit bootable.
 */
export async function relocateKernels(root: string, bootLocation: string): Promise<string[]> {
  if (bootLocation !== 'modules') {
    throw new NotImplementedError(`boot-location "${bootLocation}" without rpm-ostree`, 'use boot-location "modules" (the default)');
  }
  const boot = path.join(root, 'boot');
  const kernels: string[] = [];
  for (const name of (await readdir(boot)).sort()) {
    const kver = /^vmlinuz-(.+)$/.exec(name)?.[1];
    if (!kver || kver.includes('rescue')) continue;
    const modules = path.join(root, 'usr/lib/modules', kver);
    await mkdir(modules, { recursive: true, mode: 0o755 });
    await rename(path.join(boot, name), path.join(modules, 'vmlinuz'));
    const initramfs = path.join(boot, `initramfs-${kver}.img`);
    if (existsSync(initramfs)) await rename(initramfs, path.join(modules, 'initramfs.img'));
    kernels.push(kver);
  }
  for (const name of await readdir(boot)) await rm(path.join(boot, name), { recursive: true, force: true });
  return kernels;
}

/**
 * rpm-ostree's postprocess_final: HOME=/var/home for useradd, ostree-remount enabled by preset
 * links, and an rpm macro so rpm on the host finds the rpmdb in /usr/share/rpm.
 */
export async function applyFinalTouches(root: string): Promise<void> {
  const useradd = path.join(root, 'usr/etc/default/useradd');
  if (existsSync(useradd)) {
    const lines = (await readFile(useradd, 'utf8')).split('\n').map((line) => (line.startsWith('HOME=') ? 'HOME=/var/home' : line));
    await writeFile(useradd, lines.join('\n'), { mode: 0o644 });
  }
  const wants = path.join(root, 'usr/lib/systemd/system/multi-user.target.wants');
  await mkdir(wants, { recursive: true, mode: 0o755 });
  for (const service of ['ostree-remount.service', 'ostree-finalize-staged.path']) {
    if (!existsSync(path.join(wants, service))) await symlink(`../${service}`, path.join(wants, service));
  }
  const macros = path.join(root, 'usr/lib/rpm/macros.d');
  await mkdir(macros, { recursive: true, mode: 0o755 });
  await writeFile(path.join(macros, 'macros.rpm-ostree'), `%_dbpath /${RPMDB_DIR}\n`, { mode: 0o644 });
}

/** Lock files and an empty sqlite WAL are run-time leftovers of the rpmdb, not content. */
export async function tidyRpmdb(root: string): Promise<void> {
  const dir = path.join(root, RPMDB_DIR);
  if (!existsSync(dir)) return;
  for (const name of await readdir(dir)) {
    if (name === '.rpm.lock' || name === '.dbenv.lock' || name.startsWith('__db.')) await rm(path.join(dir, name), { force: true });
  }
  const wal = path.join(dir, 'rpmdb.sqlite-wal');
  if (existsSync(wal) && (await stat(wal)).size === 0) {
    await rm(wal, { force: true });
    await rm(path.join(dir, 'rpmdb.sqlite-shm'), { force: true });
  }
}
