import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTool } from '@compose/exec';

/** Runs `dnf repoquery` against one local repo only, in a throwaway installroot. */
export async function dnfRepoquery(repoDir: string, args: string[]): Promise<string> {
  const installroot = await mkdtemp(path.join(tmpdir(), 'repodata-dnf-'));
  const result = await runTool([
    'dnf', '-q', '--setopt=reposdir=/dev/null', `--repofrompath=t,file://${repoDir}`, '--repo=t',
    `--installroot=${installroot}`, '--releasever=1', '--forcearch=x86_64', 'repoquery', ...args,
  ]);
  return result.stdout;
}
