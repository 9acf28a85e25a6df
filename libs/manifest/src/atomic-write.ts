import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes `data` to `file` so that a reader sees either the old file or the complete new one:
 * the bytes go to a temp file in the same directory (same filesystem, so rename is atomic),
 * are flushed, and the temp file is renamed over the target.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(temp, 'w', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** JSON as productmd and Pungi write it: sorted keys optional, 4-space indent, trailing newline. */
export function serializeJson(data: unknown, options: { sortKeys?: boolean; indent?: number } = {}): string {
  const value = options.sortKeys ? sortKeysDeep(data) : data;
  return `${JSON.stringify(value, null, options.indent ?? 4)}\n`;
}

export async function writeJsonAtomic(file: string, data: unknown, options: { sortKeys?: boolean; indent?: number } = {}): Promise<void> {
  await writeFileAtomic(file, serializeJson(data, options));
}

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => sortKeysDeep(item));
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareCodePoints)) sorted[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

/** Python's sort order for str keys (code points), which productmd's sort_keys uses. */
function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
