import path from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Shared fixtures and Pungi's reference output live next to the repository. */
export const sharedDir = path.resolve(workspaceRoot, '../shared');
export const dummyConfigPath = path.join(sharedDir, 'fixtures/pungi-dummy/dummy-pungi.conf');
export const referenceEffectivePath = path.join(sharedDir, 'reference/pungi-dummy-compose/config/config-dump.effective.json');
