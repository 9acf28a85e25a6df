// What an image is made of, hashed: an old compose's image with the same digest has the same
// files at the same ISO paths, made with the same options and tools, so it is linked instead of remade.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Bump when the digest rules or how images are made change. */
const DIGEST_VERSION = 1;

/** Tree metadata whose only per-compose content is a timestamp line (see normalizeMetadata). */
const TIMESTAMPED = new Set(['.treeinfo', '.discinfo', 'media.repo']);

export interface ImageDigest {
  digest: string;
  /** Part name -> sha256, to say what changed when an image is not reused. */
  parts: Record<string, string>;
}

/** Everything besides the files that shapes the image bytes. */
export interface ImageOptions {
  kind: string;
  volid: string;
  /** e.g. "xorrisofs xorriso 1.5.4" */
  tool: string;
  isoLevel?: number;
  bootArgs?: readonly string[];
  isohybrid?: string;
  supported: boolean;
  implantMd5: boolean;
  minimumContentBytes: number;
  exclude: readonly string[];
  /** xorrisofs sets every file date to the compose date; genisoimage keeps mtimes, which then count. */
  fileDatesFromDisk: boolean;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads a mkisofs path-list: `iso/path=/disk/path` lines, `=` and backslash escaped with a backslash. */
export function parseGraftPoints(text: string): [string, string][] {
  const result: [string, string][] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    let isoPath = '';
    let file = '';
    let inFile = false;
    for (let i = 0; i < line.length; i++) {
      let char = line[i]!;
      if (char === '=' && !inFile) {
        inFile = true;
        continue;
      }
      if (char === '\\' && i + 1 < line.length) char = line[++i]!;
      if (inFile) file += char;
      else isoPath += char;
    }
    result.push([isoPath, file]);
  }
  return result;
}

/**
 * .treeinfo (timestamp, build_timestamp), .discinfo (first line) and media.repo (mediaid)
 * carry the time createrepo wrote them, different in every compose however equal the trees.
 * Left out of the digest, like Pungi's reuse (which compares package names and the config),
 * a reused image keeps the old compose's timestamps in those three files.
 */
export function normalizeMetadata(name: string, text: string): string {
  if (name === '.discinfo') return text.split('\n').slice(1).join('\n');
  if (name === '.treeinfo') return text.replace(/^(timestamp|build_timestamp)\s*=.*$/gm, '$1 = *');
  if (name === 'media.repo') return text.replace(/^mediaid=.*$/gm, 'mediaid=*');
  return text;
}

/**
 * The parts: every grafted file by ISO path and size, packages by the package set's checksum
 * (hashed when unknown), tree metadata normalized, everything else by its content; then the
 * options and tool. The compose date (SOURCE_DATE_EPOCH) is left out: a nightly would never
 * reuse otherwise; a reused image carries its own compose's date, as Pungi's reused images do.
 */
export async function computeImageDigest(graftFile: string, options: ImageOptions, packageChecksums: ReadonlyMap<string, string>): Promise<ImageDigest> {
  const files: string[] = [];
  const metadata: string[] = [];
  for (const [isoPath, file] of parseGraftPoints(await readFile(graftFile, 'utf8'))) {
    const info = await stat(file);
    const date = options.fileDatesFromDisk ? ` ${Math.trunc(info.mtimeMs / 1000)}` : '';
    const name = path.posix.basename(isoPath);
    if (TIMESTAMPED.has(name)) {
      metadata.push(`${isoPath} ${sha256(normalizeMetadata(name, await readFile(file, 'utf8')))}${date}`);
      continue;
    }
    const checksum = (file.endsWith('.rpm') ? packageChecksums.get(file) : undefined) ?? `sha256:${await hashFile(file)}`;
    files.push(`${isoPath} ${info.size} ${checksum}${date}`);
  }
  const parts = { files: sha256(files.join('\n')), metadata: sha256(metadata.join('\n')), options: sha256(JSON.stringify(options)) };
  return { digest: sha256(JSON.stringify({ version: DIGEST_VERSION, ...parts })), parts };
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
