import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatKojiUnsignedRpmPath } from '@compose/koji';
import { parseRpmFilename } from '@compose/rpm';
import { readRpmHeader } from '@compose/rpm-header';
import { startFakeKojiHub, type FakeBuild, type FakeKoji, type FakeKojiHub } from '@compose/testkit';
import { dummy, dummyRepo, initDummyCompose, runPkgsetCli } from './helpers.js';

/**
 * A Koji holding the dummy product: one build per source RPM (both dummy-bash builds tagged),
 * every RPM unsigned, the topdir laid out as Koji lays it out with links to the fixture files.
 */
async function makeDummyKoji(topdir: string): Promise<FakeKoji> {
  const files = (await readdir(dummyRepo)).filter((f) => f.endsWith('.rpm'));
  const headers = await Promise.all(files.map((f) => readRpmHeader(path.join(dummyRepo, f))));
  const builds = new Map<string, FakeBuild>();
  let rpmId = 1000;
  for (const header of headers.filter((h) => h.isSource)) {
    const key = `${header.name}-${header.version}-${header.release}.src.rpm`;
    const packageId = [...builds.values()].find((b) => b.name === header.name)?.package_id ?? 500 + builds.size;
    builds.set(key, { id: builds.size + 1, package_id: packageId, name: header.name, version: header.version, release: header.release, epoch: header.epoch, rpms: [] });
  }
  for (const [i, header] of headers.entries()) {
    const key = header.isSource ? `${header.name}-${header.version}-${header.release}.src.rpm` : (header.sourcerpm ?? '').replace('.nosrc.rpm', '.src.rpm');
    let build = builds.get(key);
    if (!build) {
      // A binary whose SRPM the fixture repo does not ship: its build has no src RPM here either.
      const nevra = parseRpmFilename(key);
      build = { id: builds.size + 1, package_id: 900 + builds.size, name: nevra.name, version: nevra.version, release: nevra.release, epoch: null, rpms: [] };
      builds.set(key, build);
    }
    build.rpms.push({ id: rpmId++, name: header.name, arch: header.arch, sigs: [] });
    const target = formatKojiUnsignedRpmPath(topdir, build, { name: header.name, version: header.version, release: header.release, arch: header.arch });
    await mkdir(path.dirname(target), { recursive: true });
    await symlink(path.join(dummyRepo, files[i] as string), target);
  }
  return {
    // Koji's latest build is the most recently tagged one: the newer dummy-bash build goes in later.
    events: [{ id: 100, ts: 1790000000 }, { id: 200, ts: 1790100000 }],
    tags: [{ id: 10, name: 'dp-1.0', arches: null, parents: [] }],
    builds: [...builds.values()],
    listings: [...builds.values()].map((b) => ({ tag_id: 10, build_id: b.id, create_event: b.name === 'dummy-bash' && b.release === '6' ? 200 : 100, revoke_event: null })),
  };
}

let hub: FakeKojiHub;
let env: Record<string, string>;
beforeAll(async () => {
  const topdir = await mkdtemp(path.join(tmpdir(), 'pkgset-koji-top-'));
  hub = await startFakeKojiHub(await makeDummyKoji(topdir));
  const conf = path.join(topdir, 'koji.conf');
  await writeFile(conf, `[dummy-koji]\nserver = ${hub.url}\ntopdir = ${topdir}\n`);
  env = { COMPOSE_KOJI_CONFIG: conf };
});
afterAll(async () => hub?.close());

/** The dummy product's config with its pkgset section swapped for a Koji one. */
async function kojiConfigDir(profile: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pkgset-koji-conf-'));
  for (const file of ['dummy-comps.xml', 'dummy-variants.xml']) await symlink(path.join(dummy, file), path.join(dir, file));
  const original = await readFile(path.join(dummy, 'dummy-pungi.conf'), 'utf8');
  const withoutRepos = original.replace(/pkgset_source = "repos"\npkgset_repos = \{[\s\S]*?\n\}\n/, '');
  expect(withoutRepos).not.toContain('pkgset_repos');
  await writeFile(path.join(dir, 'test.conf'), `${withoutRepos}\npkgset_source = "koji"\nkoji_profile = "${profile}"\npkgset_koji_tag = "dp-1.0"\n`);
  return dir;
}

type Manifest = { packages: { file: string; tree_arches: string[]; sigkey: string | null }[]; sources: { kind: string; digest: string }[] };
const read = async (dir: string) => (JSON.parse(await readFile(path.join(dir, 'work/global/pkgset.json'), 'utf8')) as { payload: Manifest }).payload;
const summarize = (m: Manifest) => m.packages.map((p) => `${p.file} ${p.tree_arches.join(',')}`).sort();

describe('package set from a Koji tag (local Koji-shaped hub)', () => {
  it('gives the same set as the repo of the same packages, pinned to the hub event', async () => {
    const { composeDir: viaRepo } = await initDummyCompose('');
    expect((await runPkgsetCli(['--compose-dir', viaRepo])).exitCode).toBe(0);
    const { composeDir } = await initDummyCompose('', await kojiConfigDir('dummy-koji'));
    const run = await runPkgsetCli(['--compose-dir', composeDir], env);
    expect(run.exitCode, run.stderr).toBe(0);
    const manifest = await read(composeDir);
    expect(summarize(manifest)).toEqual(summarize(await read(viaRepo)));
    expect(manifest.sources[0]).toMatchObject({ kind: 'koji', digest: '200' });
    expect(hub.calls.some((c) => c.method === 'listTaggedRPMS' && c.opts['latest'] === true)).toBe(true);
  });

  it('names an unknown koji profile with the fix', async () => {
    const { composeDir } = await initDummyCompose('', await kojiConfigDir('nowhere'));
    const run = await runPkgsetCli(['--compose-dir', composeDir], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/koji profile 'nowhere' not found/);
  });
});
