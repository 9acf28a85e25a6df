// Finding the next free respin among the composes already in a target directory.
import { readdir } from 'node:fs/promises';
import { tryParseComposeId, type ComposeType } from './compose-id.js';

export interface CountRespinOptions {
  /** Count only composes of this type; by default every type of the same date counts. */
  type?: ComposeType;
}

/**
 * The next respin for `<prefix>-<date>...` in `targetDir`: one more than the highest respin
 * found, 0 when there is none. Entries that are not compose IDs (latest-* links, stray files)
 * are ignored.
 */
export async function countRespin(
  targetDir: string,
  prefix: string,
  date: string,
  options: CountRespinOptions = {},
): Promise<number> {
  let entries: string[];
  try {
    entries = await readdir(targetDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let next = 0;
  for (const entry of entries) {
    const parsed = tryParseComposeId(entry);
    if (!parsed || parsed.prefix !== prefix || parsed.date !== date) continue;
    if (options.type !== undefined && parsed.type !== options.type) continue;
    next = Math.max(next, parsed.respin + 1);
  }
  return next;
}
