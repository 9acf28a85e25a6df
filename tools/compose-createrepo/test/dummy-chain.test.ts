import { execa } from 'execa';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatherDummyCompose, reference, repoquery, runCreaterepoCli } from './helpers.js';

// The whole chain on the dummy product, checked against Pungi's own compose of it.
let composeDir = '';
let summary: Record<string, unknown> = {};

async function listRepos(root: string): Promise<string[]> {
  const files = await readdir(path.join(root, 'compose'), { recursive: true });
  return files.filter((f) => f.endsWith(`repodata${path.sep}repomd.xml`)).map((f) => path.dirname(path.dirname(f))).sort();
}

async function listTreeMetadata(root: string): Promise<string[]> {
  const files = await readdir(path.join(root, 'compose'), { recursive: true });
  return files.filter((f) => ['.treeinfo', '.discinfo', 'media.repo'].includes(path.basename(f))).sort();
}

const withoutTimestamps = (text: string): string => text.replace(/\b\d{10}(\.\d+)?\b/g, 'TIMESTAMP');

beforeAll(async () => {
  ({ composeDir } = await gatherDummyCompose());
  const r = await runCreaterepoCli(['--compose-dir', composeDir, '--json']);
  expect(r.exitCode, r.stderr).toBe(0);
  summary = JSON.parse(r.stdout) as Record<string, unknown>;
}, 120_000);

describe('compose-createrepo on the dummy compose', () => {
  it('makes repodata for exactly the trees the reference has', async () => {
    const expected = await listRepos(path.join(reference));
    expect(expected).toHaveLength(37);
    expect(await listRepos(composeDir)).toEqual(expected);
    expect(summary['repos']).toBe(37);
  });

  it('indexes in each os repo exactly the packages rpms.json puts there', async () => {
    const rpms = JSON.parse(await readFile(path.join(composeDir, 'compose/metadata/rpms.json'), 'utf8')) as {
      payload: { rpms: Record<string, Record<string, Record<string, Record<string, { category: string; path: string }>>>> };
    };
    const manifest = JSON.parse(await readFile(path.join(composeDir, 'work/global/createrepo.json'), 'utf8')) as { payload: { trees: { variant: string; arch: string; pkg_type: string; path: string }[] } };
    const osTrees = manifest.payload.trees.filter((t) => t.pkg_type === 'rpm');
    expect(osTrees).toHaveLength(14);
    for (const tree of osTrees) {
      const expected = Object.values(rpms.payload.rpms[tree.variant]?.[tree.arch] ?? {})
        .flatMap((bySrpm) => Object.values(bySrpm))
        .filter((entry) => entry.category === 'binary')
        .map((entry) => path.posix.relative(tree.path, entry.path))
        .sort();
      expect(await repoquery(path.join(composeDir, 'compose', tree.path), tree.arch, '%{location}'), `${tree.variant}.${tree.arch}`).toEqual(expected);
    }
  }, 120_000);

  it('puts the reference comps groups into every os repo', async () => {
    for (const [variant, arch] of [['Server', 'x86_64'], ['Client', 'i386'], ['Everything', 'x86_64'], ['Server-optional', 's390x']] as const) {
      const refRepodata = path.join(reference, 'compose', variant, arch, 'os/repodata');
      const refComps = (await readdir(refRepodata)).find((f) => f.endsWith(`comps-${variant}.${arch}.xml`));
      const refGroups = [...(await readFile(path.join(refRepodata, refComps!), 'utf8')).matchAll(/<group>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]).sort();
      const ourRepodata = path.join(composeDir, 'compose', variant, arch, 'os/repodata');
      expect(await readFile(path.join(ourRepodata, 'repomd.xml'), 'utf8')).toMatch(/<data type="group">/);
      const ourComps = (await readdir(ourRepodata)).find((f) => f.endsWith(`comps-${variant}.${arch}.xml`));
      const ours = [...(await readFile(path.join(ourRepodata, ourComps!), 'utf8')).matchAll(/<group>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]).sort();
      expect(ours.length).toBeGreaterThan(0);
      expect(ours, `${variant}.${arch}`).toEqual(refGroups);
    }
  }, 60_000);

  it('writes .treeinfo, .discinfo and media.repo equal to the reference apart from timestamps', async () => {
    const expected = await listTreeMetadata(reference);
    expect(expected).toHaveLength(63);
    expect(await listTreeMetadata(composeDir)).toEqual(expected);
    for (const file of expected) {
      const ours = await readFile(path.join(composeDir, 'compose', file), 'utf8');
      expect(withoutTimestamps(ours), file).toBe(withoutTimestamps(await readFile(path.join(reference, 'compose', file), 'utf8')));
    }
  });

  it('names each createrepo log as Pungi does', async () => {
    expect(await readdir(path.join(composeDir, 'logs/x86_64'))).toContain('createrepo-Server-ResilientStorage.rpm.x86_64.log');
    expect(await readdir(path.join(composeDir, 'logs/global'))).toContain('createrepo-Server.srpm.global.log');
    expect(await readFile(path.join(composeDir, 'logs/x86_64/createrepo-Server.rpm.x86_64.log'), 'utf8')).toMatch(/^createrepo_c .*--groupfile=/);
  });

  it('lets dnf install @core from the Server x86_64 os repo into an empty installroot', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'install-core-'));
    const repo = path.join(composeDir, 'compose/Server/x86_64/os');
    const r = await execa('dnf', ['--installroot', root, '--releasever', '1', '--forcearch', 'x86_64', '--setopt=reposdir=/dev/null', `--repofrompath=s,file://${repo}`, '--repo', 's', '--nogpgcheck', 'install', '-y', '@core'], { reject: false });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const installed = await execa('rpm', ['--root', root, '-qa', '--qf', '%{NAME}\n']);
    expect(String(installed.stdout).split('\n')).toContain('dummy-bash');
  }, 120_000);

  it('reports what Pungi reported in repoclosure, as a warning by default', async () => {
    const r = await runCreaterepoCli(['repoclosure', '--compose-dir', composeDir, '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('Repoclosure failed for Server-Gluster.x86_64: dummy-glusterfs-resource-agents-3.9.5-8.x86_64 needs dummy-resource-agents = 3.9.5-8');
    const checks = (JSON.parse(r.stdout) as { checks: { variant: string; arch: string; ok: boolean }[] }).checks;
    expect(checks).toHaveLength(14);
    expect(checks.filter((c) => !c.ok).map((c) => `${c.variant}.${c.arch}`)).toEqual(['Server-Gluster.x86_64']);
    expect(await readFile(path.join(composeDir, 'logs/x86_64/repoclosure-Server-Gluster.x86_64.log'), 'utf8')).toContain('unresolved deps');
  }, 120_000);
});
