import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** ISO path (no leading slash) -> file on disk. */
export type GraftPoints = Map<string, string>;

/**
 * Every file under each root, keyed by its path inside the root (Pungi's get_graft_points):
 * later roots win, which is how staged metadata (.treeinfo with the disc number) replaces
 * the tree's own. Empty directories are left out as Pungi leaves them out.
 */
export async function collectGraftPoints(roots: readonly string[], into: GraftPoints = new Map()): Promise<GraftPoints> {
  for (const root of roots) await walk(root, '', into);
  return into;
}

async function walk(root: string, relative: string, into: GraftPoints): Promise<void> {
  let entries;
  try {
    entries = await readdir(path.join(root, relative), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(root, child, into);
    else into.set(child, path.join(root, child));
  }
}

/** Escapes `=` and `\` as mkisofs path-lists require. */
function escapeGraftPath(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/=/g, '\\=');
}

/**
 * The path-list file: one `iso/path=/disk/path` per line, sorted so the same tree always gives
 * the same file (part of making ISOs reproducible). `exclude` holds shell-style patterns on ISO paths.
 */
export function formatGraftPoints(points: GraftPoints, exclude: readonly string[] = ['*/lost+found', '*/boot.iso']): string {
  const patterns = exclude.map(globToRegExp);
  const lines: string[] = [];
  for (const isoPath of [...points.keys()].sort()) {
    if (patterns.some((pattern) => pattern.test(isoPath) || pattern.test(`/${isoPath}`))) continue;
    lines.push(`${escapeGraftPath(isoPath)}=${escapeGraftPath(points.get(isoPath)!)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
