// The STATUS file: the one place a compose says whether it is running, done or dead.
import { readFile } from 'node:fs/promises';
import { InputError } from '@compose/errors';
import { writeFileAtomic } from '@compose/manifest';
import { getStatusFilePath } from './layout.js';

export const COMPOSE_STATUSES = ['STARTED', 'FINISHED', 'FINISHED_INCOMPLETE', 'DOOMED', 'TERMINATED'] as const;
export type ComposeStatus = (typeof COMPOSE_STATUSES)[number];

const FINAL_STATUSES: readonly ComposeStatus[] = ['FINISHED', 'FINISHED_INCOMPLETE', 'DOOMED', 'TERMINATED'];

function isComposeStatus(value: string): value is ComposeStatus {
  return (COMPOSE_STATUSES as readonly string[]).includes(value);
}

/** Whether a compose may go from `from` (undefined: no STATUS yet) to `to`. */
export function canChangeStatus(from: ComposeStatus | undefined, to: ComposeStatus): boolean {
  if (from === undefined) return to === 'STARTED';
  if (from === to) return true;
  return from === 'STARTED' && FINAL_STATUSES.includes(to);
}

/** The status of the compose in `composeDir`, undefined when it has no STATUS file. */
export async function readStatus(composeDir: string): Promise<ComposeStatus | undefined> {
  let text: string;
  try {
    text = await readFile(getStatusFilePath(composeDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const status = text.trim();
  if (!isComposeStatus(status)) {
    throw new InputError('COMPOSE_BAD_STATUS', `STATUS of ${composeDir} is '${status}', not a compose status`, {
      hint: `expected one of ${COMPOSE_STATUSES.join(', ')}`,
      location: { file: getStatusFilePath(composeDir) },
    });
  }
  return status;
}

/**
 * Move the compose to `status`. A finished or dead compose never changes again, so tools
 * re-run on it fail instead of silently reviving it; writing the current status is a no-op.
 */
export async function writeStatus(composeDir: string, status: ComposeStatus): Promise<void> {
  if (!isComposeStatus(status)) {
    throw new InputError('COMPOSE_BAD_STATUS', `'${status}' is not a compose status`, {
      hint: `use one of ${COMPOSE_STATUSES.join(', ')}`,
    });
  }
  const current = await readStatus(composeDir);
  if (!canChangeStatus(current, status)) {
    throw new InputError(
      'COMPOSE_STATUS_TRANSITION',
      `cannot change the status of ${composeDir} from ${current ?? '(none)'} to ${status}`,
      { hint: 'STARTED -> FINISHED | FINISHED_INCOMPLETE | DOOMED | TERMINATED; start a new compose to redo a finished one' },
    );
  }
  if (current === status) return;
  await writeFileAtomic(getStatusFilePath(composeDir), `${status}\n`);
}
