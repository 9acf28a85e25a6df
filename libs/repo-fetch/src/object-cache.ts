import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@compose/errors';
import { createChecksumHash, describeChecksum, type Checksum } from './checksum.js';
import { transferBody, type TransferOptions, type TransferRequest } from './http-transfer.js';
import { displayUrl } from './repo-url.js';

/**
 * The cache stores each file once under its checksum, `<cacheDir>/objects/<type>/<hex>`.
 * A file only gets there after its bytes matched, so presence alone proves it is good.
 */
export function locateObject(cacheDir: string, checksum: Checksum): string {
  return path.join(cacheDir, 'objects', checksum.type, checksum.value);
}

export async function hasObject(cacheDir: string, checksum: Checksum): Promise<boolean> {
  try {
    return (await stat(locateObject(cacheDir, checksum))).isFile();
  } catch {
    return false;
  }
}

export interface ObjectDownload extends TransferRequest {
  checksum: Checksum;
  size?: number;
  /** Name for messages: the location as the metadata spells it. */
  what: string;
  /** Called with each received byte count; negative when a failed attempt is rolled back. */
  onBytes?: (delta: number) => void;
}

/**
 * Downloads into a temp file beside the objects (same filesystem, so the final rename is atomic)
 * and renames it into place only when the checksum matches; on any failure the temp file goes.
 */
export async function downloadObject(cacheDir: string, request: ObjectDownload, options: TransferOptions): Promise<string> {
  const target = locateObject(cacheDir, request.checksum);
  const temp = await createTempPath(cacheDir, request.checksum.value);
  let counted = 0;
  try {
    await transferBody(request, options, async (chunks) => {
      if (counted !== 0) request.onBytes?.(-counted);
      counted = 0;
      const hash = createChecksumHash(request.checksum.type);
      const handle = await open(temp, 'w', 0o644);
      try {
        for await (const chunk of chunks) {
          counted += chunk.byteLength;
          if (request.size !== undefined && counted > request.size) {
            throw describeMismatch(request, `${request.size} bytes`, `more than ${request.size} bytes`);
          }
          hash.update(chunk);
          await handle.write(chunk);
          request.onBytes?.(chunk.byteLength);
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      const actual = hash.digest('hex');
      if (actual !== request.checksum.value) {
        throw describeMismatch(request, describeChecksum(request.checksum), describeChecksum({ type: request.checksum.type, value: actual }));
      }
    });
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temp, target);
    return target;
  } finally {
    await rm(temp, { force: true });
  }
}

/** Stores bytes already in memory and verified by the caller (repomd.xml). */
export async function storeObject(cacheDir: string, checksum: Checksum, data: Uint8Array): Promise<string> {
  const target = locateObject(cacheDir, checksum);
  const temp = await createTempPath(cacheDir, checksum.value);
  try {
    const handle = await open(temp, 'w', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temp, target);
    return target;
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Makes `target` name the cached object. A hard link keeps the repo view working even if the
 * object is pruned later; a symlink is the fallback for filesystems without hard links.
 * Built under a temp name and renamed, so a reader never sees a missing or half-made entry.
 */
export async function linkObject(object: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.link`;
  try {
    try {
      await link(object, temp);
    } catch {
      await symlink(object, temp);
    }
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}

/** True when `target` exists and still reaches a file (a symlink whose object is gone does not). */
export async function isExistingFile(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isFile();
  } catch {
    return false;
  }
}

async function createTempPath(cacheDir: string, stem: string): Promise<string> {
  const dir = path.join(cacheDir, 'tmp');
  await mkdir(dir, { recursive: true });
  return path.join(dir, `${stem}.${process.pid}.${randomBytes(4).toString('hex')}.part`);
}

function describeMismatch(request: ObjectDownload, expected: string, actual: string): InputError {
  return new InputError(
    'CHECKSUM_MISMATCH',
    `${request.what} (${displayUrl(request.url)}) failed verification: expected ${expected}, got ${actual}`,
    { hint: 'the mirror may be mid-sync or corrupt; retry later or use another mirror' },
  );
}
