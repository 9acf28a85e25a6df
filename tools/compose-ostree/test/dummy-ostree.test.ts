import { execa } from 'execa';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OSTREE_MANIFEST, type OstreeManifest } from '@compose/contracts';
import { readManifest } from '@compose/manifest';
import { createrepoDummyCompose, makeConfigRepo, ostree, runOstreeCli } from './helpers.js';

// The acceptance on the dummy product: a treefile over the Server repo committed with
// the real dnf and ostree, then checked with ostree's own commands and rpm on a checkout.
const REF = 'dummy/1.0/x86_64/server';
let composeDir = '';
let ostreeRepo = '';
let notifications = '';
let first: { commits: { commitid: string; new_commit: boolean; version: string; ref: string }[] } = { commits: [] };
let compose: { compose_id: string; date: string; respin: number; config: Record<string, unknown> } = { compose_id: '', date: '', respin: 0, config: {} };

const run = (extra: string[] = []) => runOstreeCli(['--compose-dir', composeDir, '--json', ...extra], { COMPOSE_NOTIFICATION_SCRIPT: path.join(path.dirname(notifications), 'notify.sh') });

/** compose.json with the Server ostree config changed, for --input. */
async function writeVariantInput(change: Record<string, unknown>): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(composeDir, 'work/global/compose.json'), 'utf8'));
  Object.assign(manifest.payload.config.ostree['^Server$'], change);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'ostree-input-')), 'compose.json');
  await writeFile(file, JSON.stringify(manifest));
  return file;
}

const listCommits = async (rev: string): Promise<string[]> => [...(await ostree(['log', `--repo=${ostreeRepo}`, rev])).matchAll(/^commit ([0-9a-f]{64})$/gm)].map((m) => m[1]!);

beforeAll(async () => {
  const configRepo = await makeConfigRepo({
    'dummy-server.json': JSON.stringify({ ref: 'dummy/1.0/${basearch}/server', packages: ['dummy-bash', 'dummy-release-server'], repos: [] }),
  });
  const scratch = await mkdtemp(path.join(tmpdir(), 'ostree-out-'));
  ostreeRepo = path.join(scratch, 'repo');
  notifications = path.join(scratch, 'messages.log');
  await writeFile(path.join(scratch, 'notify.sh'), `#!/bin/sh\n{ echo "$1"; cat; echo; } >> '${notifications}'\n`);
  await chmod(path.join(scratch, 'notify.sh'), 0o755);
  ({ composeDir } = await createrepoDummyCompose(`
ostree = {
    "^Server$": {
        "treefile": "dummy-server.json",
        "config_url": "${configRepo}",
        "config_branch": "master",
        "repo": "Server",
        "ostree_repo": "${ostreeRepo}",
        "arches": ["x86_64"],
        "update_summary": True,
        "version": "!OSTREE_VERSION_FROM_LABEL_DATE_TYPE_RESPIN",
    },
}
`));
  compose = JSON.parse(await readFile(path.join(composeDir, 'work/global/compose.json'), 'utf8')).payload;
  const r = await run();
  expect(r.exitCode, r.stderr).toBe(0);
  first = JSON.parse(r.stdout);
}, 180_000);

describe('compose-ostree on the dummy Server repo', () => {
  it('commits to the ref with the generated version and the compose ID, as ostree log shows', async () => {
    expect(first.commits).toHaveLength(1);
    const [commit] = first.commits;
    expect(commit?.new_commit).toBe(true);
    const version = `1.0.${compose.date}.t.${compose.respin}`;
    expect(commit?.version).toBe(version);
    expect(await ostree(['rev-parse', `--repo=${ostreeRepo}`, REF])).toBe(commit?.commitid);
    const log = await ostree(['log', `--repo=${ostreeRepo}`, REF]);
    expect(log).toContain(`commit ${commit?.commitid}`);
    expect(log).toContain(`Version: ${version}`);
    expect(log).toContain(compose.compose_id);
    expect(await ostree(['show', `--repo=${ostreeRepo}`, '--print-metadata-key=compose.id', REF])).toBe(`'${compose.compose_id}'`);
  });

  it('holds every file of the installed packages, /etc as /usr/etc, as rpm on a checkout lists them', async () => {
    const checkout = path.join(await mkdtemp(path.join(tmpdir(), 'ostree-checkout-')), 'tree');
    await ostree(['checkout', `--repo=${ostreeRepo}`, REF, checkout]);
    const rpmArgs = ['--root', checkout, '--dbpath', '/usr/share/rpm', '-qa'];
    const names = String((await execa('rpm', [...rpmArgs, '--qf', '%{NAME}\n'])).stdout).split('\n');
    expect(names).toEqual(expect.arrayContaining(['dummy-bash', 'dummy-release-server', 'dummy-glibc', 'dummy-filesystem']));
    const files = String((await execa('rpm', [...rpmArgs, '--qf', '[%{FILENAMES}\t%{FILEFLAGS:fflags}\n]'])).stdout)
      .split('\n')
      .filter((line) => line && !line.split('\t')[1]?.includes('g'))
      .map((line) => line.split('\t')[0]!.replace(/^\/etc\//, '/usr/etc/'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const listed = (await ostree(['ls', '-R', `--repo=${ostreeRepo}`, REF])).split('\n').map((line) => line.split(/\s+/)[4]);
    for (const file of files) expect(listed, file).toContain(file);
    // the ostree layout: no /etc at the top, state dirs point into /var, /var itself is empty
    expect(listed).not.toContain('/etc');
    expect(await ostree(['ls', `--repo=${ostreeRepo}`, REF, '/home'])).toMatch(/\/home -> var\/home/);
    expect(await ostree(['ls', `--repo=${ostreeRepo}`, REF, '/var'])).toMatch(/^d00755 0 0\s+0 \/var$/);
    expect(await ostree(['cat', `--repo=${ostreeRepo}`, REF, '/usr/lib/tmpfiles.d/compose-ostree-autovar.conf'])).toContain('L /var/lib/rpm - - - - ../../usr/share/rpm');
  });

  it('passes ostree fsck and has the ref in the updated summary', async () => {
    const fsck = await execa('ostree', ['fsck', `--repo=${ostreeRepo}`], { reject: false });
    expect(fsck.exitCode, String(fsck.stderr)).toBe(0);
    expect(String(fsck.stdout)).toMatch(/no errors found/);
    expect(await ostree(['summary', '--view', `--repo=${ostreeRepo}`])).toContain(REF);
  });

  it('records the commit in the manifest, the public metadata, the logs and the ostree message', async () => {
    const commitid = first.commits[0]!.commitid;
    const manifest = await readManifest<OstreeManifest>(path.join(composeDir, 'work/global/ostree.json'), OSTREE_MANIFEST);
    expect(manifest.deliverables).toMatchObject([{ kind: 'ostree', variant: 'Server', arch: 'x86_64', status: 'done', failable: false, output: REF }]);
    expect(manifest.commits[0]).toMatchObject({ ref: REF, commitid, new_commit: true, builder: 'dnf', log_dir: 'logs/x86_64/Server/ostree-1' });
    expect(manifest.commits[0]?.packages).toContain('dummy-release-server-1.0.0-1.x86_64');
    const metadata = JSON.parse(await readFile(path.join(composeDir, 'compose/metadata/ostree.json'), 'utf8'));
    expect(metadata.commits).toEqual([expect.objectContaining({ variant: 'Server', arch: 'x86_64', ref: REF, commitid })]);
    expect((await readFile(path.join(composeDir, 'logs/x86_64/Server/ostree-1/commitid.log'), 'utf8')).trim()).toBe(commitid);
    expect(await readFile(path.join(composeDir, 'logs/x86_64/Server/ostree-1/create-ostree-repo.log'), 'utf8')).toMatch(/dnf -y .*--installroot=.* install dummy-bash dummy-release-server/);
    const [name, body] = (await readFile(notifications, 'utf8')).split('\n');
    expect(name).toBe('ostree');
    expect(JSON.parse(body!)).toMatchObject({ compose_id: compose.compose_id, variant: 'Server', arch: 'x86_64', ref: REF, commitid, repo_path: ostreeRepo, local_repo_path: ostreeRepo });
  });

  it('makes no new commit when nothing changed, and one with force_new_commit', async () => {
    const before = await listCommits(REF);
    const again = await run();
    expect(again.exitCode, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).commits[0]).toMatchObject({ new_commit: false, commitid: first.commits[0]!.commitid });
    expect(await listCommits(REF)).toEqual(before);
    expect(existsSync(path.join(composeDir, 'logs/x86_64/Server/ostree-1/commitid.log'))).toBe(false);
    expect(JSON.parse((await readFile(notifications, 'utf8')).trim().split('\n').at(-1)!).commitid).toBeNull();

    const forced = await run(['--input', await writeVariantInput({ force_new_commit: true })]);
    expect(forced.exitCode, forced.stderr).toBe(0);
    const made = JSON.parse(forced.stdout).commits[0];
    expect(made.new_commit).toBe(true);
    expect(made.commitid).not.toBe(first.commits[0]!.commitid);
    expect(await listCommits(REF)).toEqual([made.commitid, ...before]);
  }, 120_000);

  it('leaves the ref alone with tag_ref False and makes an orphan commit on top of it', async () => {
    const head = await ostree(['rev-parse', `--repo=${ostreeRepo}`, REF]);
    const r = await run(['--input', await writeVariantInput({ force_new_commit: true, tag_ref: false })]);
    expect(r.exitCode, r.stderr).toBe(0);
    const made = JSON.parse(r.stdout).commits[0];
    expect(made).toMatchObject({ new_commit: true });
    expect(made.commitid).not.toBe(head);
    expect(await ostree(['rev-parse', `--repo=${ostreeRepo}`, REF])).toBe(head);
    expect(await ostree(['rev-parse', `--repo=${ostreeRepo}`, `${made.commitid}^`])).toBe(head);
  }, 120_000);
});
