import { readdirSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

export const fixtureRepo = path.resolve(repoRoot, '../shared/fixtures/pungi-dummy/repo');

/** Absolute paths of every RPM in the dummy fixture repo, sorted. */
export function listFixtureRpms(): string[] {
  const files = readdirSync(fixtureRepo).filter((name) => name.endsWith('.rpm')).sort();
  if (files.length === 0) throw new Error(`no RPMs found in ${fixtureRepo}: the shared fixtures are missing`);
  return files.map((name) => path.join(fixtureRepo, name));
}

export function fixtureRpm(name: string): string {
  return path.join(fixtureRepo, name);
}
