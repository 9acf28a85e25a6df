// States of the parts and of the whole, and compose/metadata/parts.json, shaped as pungi-orchestrate's.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getMetadataPath, getStatusFilePath, type ComposeStatus } from '@compose/compose-info';
import { InputError } from '@compose/errors';
import { writeFileAtomic } from '@compose/manifest';

/** Before a part runs it waits (on dependencies), is ready, or is blocked by a failed dependency. */
export type PartState = 'WAITING' | 'READY' | 'STARTED' | 'BLOCKED' | ComposeStatus;

export interface PartRecord {
  status: PartState;
  /** The part's compose directory, null until it has one. */
  path: string | null;
}

export type PartsRecord = Record<string, PartRecord>;

export function isPartFinished(state: PartState): boolean {
  return state === 'FINISHED' || state === 'FINISHED_INCOMPLETE';
}

export function isPartFailed(state: PartState): boolean {
  return state === 'DOOMED' || state === 'BLOCKED' || state === 'TERMINATED';
}

/**
 * The whole from its parts, as pungi-orchestrate decides: running while any part runs or waits,
 * DOOMED when a part that is not failable failed or was blocked, FINISHED when every part
 * finished cleanly, else FINISHED_INCOMPLETE. A stop by signal makes it TERMINATED.
 */
export function computeOverallStatus(parts: readonly { status: PartState; failable: boolean }[], interrupted = false): ComposeStatus {
  if (interrupted) return 'TERMINATED';
  if (parts.some((p) => p.status === 'STARTED' || p.status === 'WAITING' || p.status === 'READY')) return 'STARTED';
  if (parts.some((p) => isPartFailed(p.status) && !p.failable)) return 'DOOMED';
  if (parts.every((p) => p.status === 'FINISHED')) return 'FINISHED';
  return 'FINISHED_INCOMPLETE';
}

/**
 * Writes parts.json and STATUS. The whole's STATUS is written directly rather than through
 * writeStatus: a restart legitimately takes a finished multi-part compose back to STARTED.
 * Like pungi-orchestrate, STATUS has no trailing newline here.
 */
export async function writePartsState(composeDir: string, parts: PartsRecord, status: ComposeStatus): Promise<void> {
  const sorted = Object.fromEntries(Object.keys(parts).sort().map((name) => [name, { path: parts[name]!.path, status: parts[name]!.status }]));
  await writeFileAtomic(getMetadataPath(composeDir, 'parts.json'), JSON.stringify(sorted, null, 2));
  await writeFileAtomic(getStatusFilePath(composeDir), status);
}

/** parts.json of an existing multi-part compose. */
export async function readPartsRecord(composeDir: string): Promise<PartsRecord> {
  const file = getMetadataPath(composeDir, 'parts.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as PartsRecord;
  } catch (error) {
    throw new InputError('PARTS_NO_STATE', `cannot read ${file}: ${(error as Error).message}`, {
      hint: 'restart works on a compose made by `compose-orchestrate parts start`',
    });
  }
}

/** The STATUS a part compose left, undefined when it has none (it never got going). */
export async function readPartStatus(partDir: string): Promise<string | undefined> {
  try {
    return (await readFile(getStatusFilePath(partDir), 'utf8')).trim();
  } catch {
    return undefined;
  }
}

export function describePartPath(composeDir: string, partPath: string | null): string {
  return partPath ? path.relative(composeDir, partPath) : '-';
}
