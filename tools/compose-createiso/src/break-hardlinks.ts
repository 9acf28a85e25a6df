import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * createiso_break_hardlinks: copies every grafted file into a staging dir and points the graft
 * points at the copies, so an image is never made from files another hard link could change
 * while mkisofs reads them (Pungi does this for composes whose packages are shared with Koji's
 * volume). Returns the rewritten graft points file.
 */
export async function breakHardlinks(graftFile: string, stagingDir: string): Promise<string> {
  await rm(stagingDir, { recursive: true, force: true });
  const lines: string[] = [];
  for (const line of (await readFile(graftFile, 'utf8')).split('\n')) {
    const split = line.search(/(?<!\\)=/);
    if (split < 0) continue;
    const isoPath = line.slice(0, split);
    const source = line.slice(split + 1).replace(/\\=/g, '=').replace(/\\\\/g, '\\');
    const copy = path.join(stagingDir, isoPath.replace(/\\=/g, '=').replace(/\\\\/g, '\\'));
    await mkdir(path.dirname(copy), { recursive: true });
    await copyFile(source, copy);
    lines.push(`${isoPath}=${copy.replace(/\\/g, '\\\\').replace(/=/g, '\\=')}`);
  }
  const rewritten = `${graftFile}-copies`;
  await writeFile(rewritten, lines.length ? `${lines.join('\n')}\n` : '');
  return rewritten;
}
