// A compose whose every string tries to become markup: variant and package names, image paths,
// phase names, commands, errors and the compose ID itself.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { madeDeliverable, makeComposeDir, ranPhase } from './fixture-compose.js';

export const EVIL = {
  composeId: 'DP-1.0-<b id="evil-id">bold</b>',
  variant: '<script>document.title="pwned"</script>',
  package: 'evil-<img src=x onerror=alert(1)>-1.0-1.noarch',
  imagePath: 'Server/x86_64/iso/"><svg onload=alert(2)>.iso',
  phase: 'gather" onmouseover="alert(3)',
  command: "compose-gather --x '<iframe src=javascript:alert(4)>'",
  error: '</pre><script>alert(5)</script><pre>',
  volumeId: "DP' onfocus='alert(6)",
};

export async function makeEvilComposeDir(): Promise<string> {
  const dir = await makeComposeDir({
    metadata: [],
    deliverablesJson: false,
    phases: [
      ranPhase(EVIL.phase, 0, 2, { command: EVIL.command, log: `logs/global/${EVIL.phase}.log`, reason: EVIL.error }),
      { name: '<u>pending</u>', status: 'failed', started: new Date(Date.parse('2026-11-22T10:00:01Z')).toISOString(), reason: EVIL.error },
    ],
    deliverables: [madeDeliverable('iso', EVIL.variant, 'x86_64', 0, 1, { status: 'failed', error: EVIL.error, subvariant: EVIL.phase })],
    finishedAt: 2,
    status: 'DOOMED',
  });
  await writeFile(path.join(dir, 'COMPOSE_ID'), EVIL.composeId);
  const srpm = `${EVIL.package}.src`;
  const rpms = {
    header: { type: 'productmd.rpms', version: '1.2' },
    payload: { rpms: { [EVIL.variant]: { x86_64: { [srpm]: { [EVIL.package]: { category: '<i>binary</i>', path: 'x' }, [srpm]: { category: 'source', path: 'y' } } } } } },
  };
  await writeFile(path.join(dir, 'compose/metadata/rpms.json'), JSON.stringify(rpms));
  const image = { path: EVIL.imagePath, size: 1024, type: '<em>dvd</em>', format: 'iso', bootable: false, volume_id: EVIL.volumeId, checksums: { '<s>md5</s>': 'x' } };
  const images = { header: { type: 'productmd.images', version: '1.2' }, payload: { images: { [EVIL.variant]: { x86_64: [image] } } } };
  await writeFile(path.join(dir, 'compose/metadata/images.json'), JSON.stringify(images));
  return dir;
}
