import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fillPlaceholders } from '@compose/parts-config';

export interface ConfigMirrorOptions {
  /** The part's config file. */
  config: string;
  /** Files to copy with placeholders filled in: the config and its imports (all siblings). */
  files: readonly string[];
  values: Readonly<Record<string, string>>;
  /** Empty directory the mirror is made in. */
  mirrorDir: string;
}

/**
 * A stand-in for the part config's directory in which the config files carry their
 * placeholders filled in and everything else (variants, comps, repos) is a symlink to the
 * original. pungi-orchestrate fills in a copy of the whole config directory; symlinks give the
 * same view without copying package repositories, and the originals are never written.
 * Returns the path of the config inside the mirror.
 */
export async function createConfigMirror(options: ConfigMirrorOptions): Promise<string> {
  const sourceDir = path.dirname(path.resolve(options.config));
  const filled = new Set(options.files.map((f) => path.resolve(f)));
  await mkdir(options.mirrorDir, { recursive: true });
  for (const name of await readdir(sourceDir)) {
    const source = path.join(sourceDir, name);
    const target = path.join(options.mirrorDir, name);
    if (filled.has(source)) {
      await writeFile(target, fillPlaceholders(await readFile(source, 'utf8'), options.values, source));
    } else {
      await symlink(source, target);
    }
  }
  return path.join(options.mirrorDir, path.basename(options.config));
}
