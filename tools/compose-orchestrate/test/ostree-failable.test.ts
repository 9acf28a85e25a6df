import { execa } from 'execa';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UP_TO_CREATEREPO, composeArgs, makeWorkspace, readJson, readMessages, startOrchestrate } from './compose-helpers.js';

/** A git repository (branch master) with a treefile whose s390x package list cannot be installed. */
async function makeTreefileRepo(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'treefiles-'));
  await execa('git', ['init', '--quiet', '-b', 'master', dir]);
  await writeFile(path.join(dir, 'server.yaml'), 'ref: dummy/${basearch}/server\npackages: [dummy-bash]\npackages-s390x: [dummy-no-such-package]\n');
  await execa('git', ['-C', dir, 'add', '-A']);
  await execa('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'treefile']);
  return dir;
}

describe('compose with an ostree phase', () => {
  it('ends FINISHED_INCOMPLETE when a failable ostree deliverable fails, the other committed', async () => {
    const repo = await makeTreefileRepo();
    const ostreeRepo = path.join(await mkdtemp(path.join(tmpdir(), 'ostree-repo-')), 'repo');
    const ws = await makeWorkspace(`
ostree = {
    "^Server$": {
        "treefile": "server.yaml",
        "config_url": "${repo}",
        "config_branch": "master",
        "repo": ["Server"],
        "ostree_repo": "${ostreeRepo}",
        "arches": ["x86_64", "s390x"],
        "failable": ["s390x"],
    },
}
`);
    const r = await startOrchestrate(composeArgs(ws, UP_TO_CREATEREPO));
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const composeDir = String(r.stdout).trim().split('\n').at(-1)!;
    expect((await readFile(path.join(composeDir, 'STATUS'), 'utf8')).trim()).toBe('FINISHED_INCOMPLETE');
    const deliverables = await readJson<Record<'required' | 'attempted' | 'failed', Record<string, unknown[]>>>(path.join(composeDir, 'logs/global/deliverables.json'));
    // as Pungi: a deliverable that may fail is "attempted", one that may not is "required"
    expect(deliverables.required['ostree']).toEqual([['Server', 'x86_64', null]]);
    expect(deliverables.attempted['ostree']).toEqual([['Server', 's390x', null]]);
    expect(deliverables.failed['ostree']).toEqual([['Server', 's390x', null]]);
    const refs = String((await execa('ostree', ['refs', `--repo=${ostreeRepo}`])).stdout).trim().split('\n');
    expect(refs).toEqual(['dummy/x86_64/server']);
    const messages = (await readMessages(ws)).map((m) => m.message);
    expect(messages).toContain('ostree');
    expect((await readMessages(ws)).at(-1)).toMatchObject({ message: 'status-change', payload: { status: 'FINISHED_INCOMPLETE' } });
  }, 300_000);
});
