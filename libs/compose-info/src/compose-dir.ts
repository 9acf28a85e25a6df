// Creating a new compose directory with a compose ID no other run can get.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createComposeId, getComposeIdPrefix, type ComposeIdentity } from './compose-id.js';
import { validateLabel } from './label.js';
import { countRespin } from './respin.js';
import { writeStatus } from './status.js';
import { getComposeIdFilePath, getComposeTreeDir, getLogDir, getWorkDir } from './layout.js';

export interface NewComposeIdentity extends Omit<ComposeIdentity, 'respin'> {
  /** Start from this respin instead of the next free one in the target dir. */
  respin?: number;
  label?: string;
}

export interface CreatedCompose {
  composeDir: string;
  composeId: string;
  respin: number;
}

/**
 * Create `<targetDir>/<compose ID>/` with COMPOSE_ID, STATUS=STARTED and the compose/, logs/
 * and work/ trees. The ID is claimed with a non-recursive mkdir, which fails for everyone but
 * one caller, so concurrent inits of the same date end up with different respins.
 */
export async function createComposeDir(targetDir: string, identity: NewComposeIdentity): Promise<CreatedCompose> {
  if (identity.label !== undefined) validateLabel(identity.label);
  const prefix = getComposeIdPrefix(identity.release, identity.baseProduct);
  await mkdir(targetDir, { recursive: true });

  // Respins count per compose type, as Pungi's compose IDs do (DP-1.0-20261122.t.0 and DP-1.0-20261122.0 coexist).
  let respin = identity.respin ?? (await countRespin(targetDir, prefix, identity.date, { type: identity.type }));
  for (;;) {
    const composeId = createComposeId({ ...identity, respin });
    const composeDir = path.resolve(targetDir, composeId);
    try {
      await mkdir(composeDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        respin++;
        continue;
      }
      throw error;
    }
    // Pungi writes COMPOSE_ID without a trailing newline.
    await writeFile(getComposeIdFilePath(composeDir), composeId, 'utf8');
    await writeStatus(composeDir, 'STARTED');
    await mkdir(getComposeTreeDir(composeDir), { recursive: true });
    await mkdir(getLogDir(composeDir), { recursive: true });
    await mkdir(getWorkDir(composeDir), { recursive: true });
    return { composeDir, composeId, respin };
  }
}
