import { mkdtemp, mkdir, readFile, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNotifier, resolveNotificationScript } from '@compose/notify';

async function makeCompose(): Promise<{ dir: string; script: string; out: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'notify-'));
  const dir = path.join(root, 'DP-1.0-20261122.t.3');
  await mkdir(path.join(dir, 'compose/metadata'), { recursive: true });
  await writeFile(path.join(dir, 'COMPOSE_ID'), 'DP-1.0-20261122.t.3\n');
  await writeFile(path.join(dir, 'compose/metadata/composeinfo.json'), JSON.stringify({ payload: { compose: { label: 'Beta-1.0' } } }));
  const out = path.join(root, 'messages.log');
  const script = path.join(root, 'notify.sh');
  await writeFile(script, `#!/bin/sh\nprintf '%s ' "$1" >> ${out}\ncat >> ${out}\necho >> ${out}\n`);
  await chmod(script, 0o755);
  return { dir, script, out };
}

describe('notifier', () => {
  it('calls the script with the message as argument and the compose keys plus fields on stdin', async () => {
    const { dir, script, out } = await makeCompose();
    const notifier = createNotifier({ script, composeDir: dir });
    await notifier.send('phase-start', { phase_name: 'gather' });
    const [line] = (await readFile(out, 'utf8')).trim().split('\n');
    const [message, json] = [line!.slice(0, line!.indexOf(' ')), line!.slice(line!.indexOf(' ') + 1)];
    expect(message).toBe('phase-start');
    expect(JSON.parse(json)).toEqual({
      compose_id: 'DP-1.0-20261122.t.3',
      location: path.join(dir, 'compose'),
      compose_date: '20261122',
      compose_type: 'test',
      compose_respin: 3,
      compose_label: 'Beta-1.0',
      phase_name: 'gather',
    });
  });

  it('logs a failing script instead of throwing', async () => {
    const { dir } = await makeCompose();
    const warnings: string[] = [];
    const logger = { warn: (m: string) => warnings.push(m) } as never;
    await createNotifier({ script: '/bin/false', composeDir: dir, logger }).send('status-change', { status: 'STARTED' });
    expect(warnings[0]).toMatch(/notification script \/bin\/false failed for status-change/);
  });

  it('takes the script from the environment when none is given', () => {
    expect(resolveNotificationScript(undefined, { COMPOSE_NOTIFICATION_SCRIPT: '/x/notify' })).toBe('/x/notify');
    expect(resolveNotificationScript(undefined, {})).toBeUndefined();
    expect(resolveNotificationScript('/y', { COMPOSE_NOTIFICATION_SCRIPT: '/x' })).toBe('/y');
  });
});
