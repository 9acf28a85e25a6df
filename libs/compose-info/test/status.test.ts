import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canChangeStatus, readStatus, writeStatus, type ComposeStatus } from '@compose/compose-info';
import { InputError } from '@compose/errors';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'compose-status-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FINAL: ComposeStatus[] = ['FINISHED', 'FINISHED_INCOMPLETE', 'DOOMED', 'TERMINATED'];

describe('STATUS', () => {
  it('has no status before STARTED and only STARTED can begin', async () => {
    expect(await readStatus(dir)).toBeUndefined();
    await expect(writeStatus(dir, 'FINISHED')).rejects.toThrow(InputError);
    await writeStatus(dir, 'STARTED');
    expect(await readFile(path.join(dir, 'STATUS'), 'utf8')).toBe('STARTED\n');
  });

  it.each(FINAL)('STARTED -> %s is allowed and final', async (status) => {
    await writeStatus(dir, 'STARTED');
    await writeStatus(dir, status);
    expect(await readStatus(dir)).toBe(status);
    await writeStatus(dir, status); // rewriting the same status is harmless
    for (const next of ['STARTED', ...FINAL].filter((s) => s !== status) as ComposeStatus[]) {
      await expect(writeStatus(dir, next)).rejects.toThrow(/cannot change the status/);
    }
    expect(await readStatus(dir)).toBe(status);
  });

  it('knows the transition table', () => {
    expect(canChangeStatus(undefined, 'STARTED')).toBe(true);
    expect(canChangeStatus('STARTED', 'DOOMED')).toBe(true);
    expect(canChangeStatus('DOOMED', 'FINISHED')).toBe(false);
    expect(canChangeStatus('FINISHED', 'STARTED')).toBe(false);
  });

  it('reads Pungi\'s STATUS and rejects garbage', async () => {
    await writeFile(path.join(dir, 'STATUS'), 'FINISHED\n');
    expect(await readStatus(dir)).toBe('FINISHED');
    await writeFile(path.join(dir, 'STATUS'), 'RUNNING\n');
    await expect(readStatus(dir)).rejects.toThrow(InputError);
    await expect(writeStatus(dir, 'BOGUS' as ComposeStatus)).rejects.toThrow(InputError);
  });
});
