import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOldComposes } from '@compose/compose-info';

let target: string;
beforeEach(async () => {
  target = await mkdtemp(path.join(tmpdir(), 'compose-old-'));
});
afterEach(async () => {
  await rm(target, { recursive: true, force: true });
});

async function makeCompose(id: string, status: string | undefined): Promise<string> {
  const dir = path.join(target, id);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'COMPOSE_ID'), id);
  if (status) await writeFile(path.join(dir, 'STATUS'), `${status}\n`);
  return dir;
}

describe('listOldComposes', () => {
  it('lists reusable composes of the release newest first, by date then numeric respin', async () => {
    await makeCompose('DP-1.0-20261121.t.0', 'FINISHED');
    await makeCompose('DP-1.0-20261122.t.9', 'DOOMED');
    await makeCompose('DP-1.0-20261122.t.10', 'FINISHED_INCOMPLETE');
    await makeCompose('DP-1.0-20261122.t.11', 'STARTED');
    await makeCompose('DP-1.0-20261122.t.12', undefined);
    await makeCompose('DP-2.0-20261123.t.0', 'FINISHED');
    await makeCompose('DP-1.0-BP-1-20261123.t.0', 'FINISHED');
    const own = await makeCompose('DP-1.0-20261123.t.0', 'STARTED');
    const found = await listOldComposes([target], 'DP-1.0', own);
    expect(found.map((c) => `${c.composeId} ${c.status}`)).toEqual([
      'DP-1.0-20261122.t.10 FINISHED_INCOMPLETE',
      'DP-1.0-20261122.t.9 DOOMED',
      'DP-1.0-20261121.t.0 FINISHED',
    ]);
  });

  it('takes a compose directory itself and skips dirs that do not exist', async () => {
    const dir = await makeCompose('DP-1.0-20261121.t.0', 'TERMINATED');
    const found = await listOldComposes([dir, path.join(target, 'nope')], 'DP-1.0');
    expect(found).toEqual([{ dir, composeId: 'DP-1.0-20261121.t.0', status: 'TERMINATED' }]);
  });
});
