// Installing the treefile's packages into an empty root with the host's dnf (rpm-ostree's job
// without rpm-ostree): repos come from a generated reposdir only, never from the host.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runTool } from '@compose/exec';
import { RPMDB_DIR } from './rootfs-layout.js';
import { appendLog } from './job-log.js';

export interface DnfInstallSpec {
  root: string;
  /** Directory holding the generated .repo file (dnf reposdir). */
  reposdir: string;
  /** Tree arch of the deliverable. */
  arch: string;
  releasever: string;
  packages: readonly string[];
  excludes: readonly string[];
  /** Treefile `recommends` (default true). */
  installWeakDeps: boolean;
  /** Treefile `documentation` (default true). */
  documentation: boolean;
}

/** dnf's --forcearch for a tree arch: the best arch of its family dnf knows. */
export function chooseDnfArch(treeArch: string): string {
  const arches: Record<string, string> = { i386: 'i686', armhfp: 'armv7hl' };
  return arches[treeArch] ?? treeArch;
}

export function buildDnfInstallArgv(spec: DnfInstallSpec): string[] {
  const argv = [
    'dnf', '-y', '--noplugins', `--installroot=${spec.root}`, `--releasever=${spec.releasever}`, `--forcearch=${chooseDnfArch(spec.arch)}`,
    `--setopt=reposdir=${spec.reposdir}`, '--setopt=keepcache=False', `--setopt=install_weak_deps=${spec.installWeakDeps ? 'True' : 'False'}`, '--nogpgcheck',
  ];
  if (!spec.documentation) argv.push('--setopt=tsflags=nodocs');
  for (const exclude of spec.excludes) argv.push(`--exclude=${exclude}`);
  argv.push('install', ...spec.packages);
  return argv;
}

/**
 * rpm reads ~/.rpmmacros of the user running dnf; a private HOME with one pins the rpmdb to
 * /usr/share/rpm in the root (where the commit keeps it) and applies install-langs.
 */
export function renderRpmMacros(installLangs: readonly string[]): string {
  const lines = [`%_dbpath /${RPMDB_DIR}`];
  if (installLangs.length) lines.push(`%_install_langs ${installLangs.join(':')}`);
  return `${lines.join('\n')}\n`;
}

export interface InstalledPackage {
  nevra: string;
  sigmd5: string;
}

/** Installs into spec.root; returns the installed packages read back from the root's rpmdb. */
export async function installPackages(spec: DnfInstallSpec, home: string, installLangs: readonly string[], logFile: string, signal?: AbortSignal): Promise<InstalledPackage[]> {
  await mkdir(spec.root, { recursive: true });
  await mkdir(home, { recursive: true });
  await writeFile(path.join(home, '.rpmmacros'), renderRpmMacros(installLangs));
  const env = { HOME: home };
  await appendLog(logFile, () => runTool(buildDnfInstallArgv(spec), { env, signal }));
  // rebuilddb checkpoints the sqlite WAL so the database is one self-contained file
  await appendLog(logFile, () => runTool(['rpm', `--root=${spec.root}`, `--dbpath=/${RPMDB_DIR}`, '--rebuilddb'], { env, signal }));
  await removeDnfState(spec.root, env, signal);
  const listed = await runTool(['rpm', `--root=${spec.root}`, `--dbpath=/${RPMDB_DIR}`, '-qa', '--qf', '%{NEVRA}\\t%{SIGMD5}\\n'], { env, signal });
  return listed.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [nevra = '', sigmd5 = ''] = line.split('\t');
      return { nevra, sigmd5 };
    })
    .sort((a, b) => a.nevra.localeCompare(b.nevra));
}

// What dnf itself leaves in an installroot: build state, in no package.
const DNF_STATE = ['var/cache/dnf', 'var/lib/dnf', 'var/log/dnf.log', 'var/log/dnf.rpm.log', 'var/log/dnf.librepo.log', 'var/log/hawkey.log'];

/** Removes dnf's own state, and the directories dnf made for it unless a package owns them. */
async function removeDnfState(root: string, env: Record<string, string>, signal?: AbortSignal): Promise<void> {
  for (const relative of DNF_STATE) await rm(path.join(root, relative), { recursive: true, force: true });
  for (const dir of ['etc/dnf/modules.d', 'etc/dnf', 'var/cache', 'var/log', 'var/lib', 'var']) {
    const full = path.join(root, dir);
    if (!existsSync(full) || (await readdir(full)).length) continue;
    const owner = await runTool(['rpm', `--root=${root}`, `--dbpath=/${RPMDB_DIR}`, '-qf', `/${dir}`], { env, signal, okExitCodes: [0, 1] });
    if (owner.exitCode !== 0) await rmdir(full);
  }
}
