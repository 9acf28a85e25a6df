// Pungi's link_files: puts each gathered package into the variant's tree (os/, debug/tree/,
// source/tree/), in Packages/<first letter>/ with hashed_directories, per link_type.
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readlink, rename, rm, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { getComposeTreeDir, getDebugPackagesDir, getPackagesDir } from '@compose/compose-info';
import type { ComposeManifestVariant, PkgsetPackage } from '@compose/contracts';
import { InputError } from '@compose/errors';
import type { PkgType } from './pkg-map.js';

export type LinkType = 'hardlink' | 'copy' | 'hardlink-or-copy' | 'symlink' | 'abspath-symlink';

/** Destination of one package, relative to compose/ (the rpms.json `path`). */
export function placePackage(composeDir: string, variant: ComposeManifestVariant, arch: string, type: PkgType, file: string, hashed: boolean): string {
  const ref = { id: variant.id, uid: variant.uid, type: variant.type, ...(variant.parent ? { parent: variant.parent } : {}) };
  const dir = type === 'srpm' ? getPackagesDir(composeDir, ref, 'src') : type === 'debuginfo' ? getDebugPackagesDir(composeDir, ref, arch)! : getPackagesDir(composeDir, ref, arch);
  const hashedDir = hashed ? path.join(dir, file.charAt(0).toLowerCase()) : dir;
  return path.relative(getComposeTreeDir(composeDir), path.join(hashedDir, file)).split(path.sep).join('/');
}

/** Metadata-only package sets have nothing to link: say which package before touching the tree. */
export function requireLocalFile(pkg: PkgsetPackage | undefined, file: string): string {
  if (!pkg) throw new InputError('UNKNOWN_PACKAGE', `${file} was gathered but is not in pkgset.json`, { hint: 'run compose-pkgset again' });
  if (!pkg.path) {
    throw new InputError('NO_PACKAGE_FILE', `${file} has no local file: its package-set source (${pkg.source}) has metadata only`, {
      hint: 'gather can solve against metadata, but the tree needs the RPMs: use a repo with package files',
    });
  }
  return pkg.path;
}

async function isSameFile(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

async function makeLink(source: string, temp: string, destination: string, linkType: LinkType): Promise<void> {
  switch (linkType) {
    case 'copy':
      return copyFile(source, temp, constants.COPYFILE_FICLONE);
    case 'hardlink':
      return link(source, temp);
    case 'symlink':
      return symlink(path.relative(path.dirname(destination), source), temp);
    case 'abspath-symlink':
      return symlink(source, temp);
    case 'hardlink-or-copy':
      try {
        return await link(source, temp);
      } catch (error) {
        // Across filesystems (or where links are refused) a copy is the fallback, as in Pungi.
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
        return copyFile(source, temp);
      }
  }
}

/** Links one file; an existing identical link is left alone so re-runs are cheap. */
export async function linkPackage(source: string, destination: string, linkType: LinkType): Promise<void> {
  await mkdir(path.dirname(destination), { recursive: true });
  const existing = await lstat(destination).catch(() => undefined);
  if (existing) {
    if (existing.isSymbolicLink() && linkType.endsWith('symlink')) {
      const target = path.resolve(path.dirname(destination), await readlink(destination));
      if (target === path.resolve(source)) return;
    } else if (!existing.isSymbolicLink() && (linkType === 'hardlink' || linkType === 'hardlink-or-copy') && (await isSameFile(source, destination))) return;
  }
  const temp = `${destination}.tmp-${process.pid}`;
  await rm(temp, { force: true });
  await makeLink(source, temp, destination, linkType);
  await rename(temp, destination);
}
