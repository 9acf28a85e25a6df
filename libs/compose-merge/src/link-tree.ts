import { copyFile, link, lstat, mkdir, readdir, readlink, rm, stat, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface LinkTreeResult {
  /** Files linked (or copied, across filesystems) into the target. */
  files: number;
  /** Files already there as the very same inode. */
  unchanged: number;
}

/**
 * Mirrors `source` into `target` with hard links, so the final compose of a multi-part compose
 * costs no space. A file already in the target is replaced unless it is the same inode.
 */
export async function linkTree(source: string, target: string): Promise<LinkTreeResult> {
  const result: LinkTreeResult = { files: 0, unchanged: 0 };
  await linkDirectory(source, target, result);
  return result;
}

async function linkDirectory(source: string, target: string, result: LinkTreeResult): Promise<void> {
  await mkdir(target, { recursive: true });
  const entries = await readdir(source, { withFileTypes: true });
  const directories = entries.filter((e) => e.isDirectory());
  // Files of one directory in parallel: link() is a metadata operation, cheap to overlap.
  await Promise.all(entries.filter((e) => !e.isDirectory()).map((entry) => linkEntry(path.join(source, entry.name), path.join(target, entry.name), entry.isSymbolicLink(), result)));
  for (const directory of directories) await linkDirectory(path.join(source, directory.name), path.join(target, directory.name), result);
}

async function linkEntry(source: string, target: string, isSymlink: boolean, result: LinkTreeResult): Promise<void> {
  if (isSymlink) {
    // A relative symlink stays meaningful in the mirrored tree; copy the link itself.
    await rm(target, { force: true });
    await symlink(await readlink(source), target);
    result.files++;
    return;
  }
  try {
    await link(source, target);
    result.files++;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      const [a, b] = await Promise.all([stat(source), lstat(target)]);
      if (a.ino === b.ino && a.dev === b.dev) {
        result.unchanged++;
        return;
      }
      await unlink(target);
      await linkEntry(source, target, false, result);
    } else if (code === 'EXDEV') {
      await copyFile(source, target);
      result.files++;
    } else {
      throw error;
    }
  }
}
