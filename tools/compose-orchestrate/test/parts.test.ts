// Multi-part composes through the built executable, against the real pungi-orchestrate's output.
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { existsSync, readdirSync } from 'node:fs';
import { lstat, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dummy, repoRoot, runOrchestrate, shared } from './cli-helpers.js';

const referenceDir = path.join(shared, 'reference/pungi-multi-compose');
const DATE = '20261122';
const bin = path.join(repoRoot, 'tools/compose-orchestrate/bin/compose-orchestrate.js');

// Every phase of the parts runs, the test phase and image checksums included.
const SKIPS = '';

/** The fixture's multi-compose.conf without its post_compose_script (compose-latest-symlink is Pungi's). */
async function fixtureIni(): Promise<string> {
  const text = await readFile(path.join(dummy, 'multi-compose.conf'), 'utf8');
  return text.replace(/^post_compose_script =\n(?:[ \t]+.*\n)*/m, '').replace(/^extra_args = (.*)$/m, `extra_args = $1 ${SKIPS}`);
}

// Each test's composes live in its own temp dir, removed when the file's tests are done.
const tempDirs: string[] = [];
afterAll(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** A config dir like the fixture's: its files linked, plus the parts file and `extra` files. */
async function makeConfigDir(ini: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = await makeTempDir('parts-');
  for (const name of readdirSync(dummy)) if (name !== 'multi-compose.conf') await symlink(path.join(dummy, name), path.join(dir, name));
  await writeFile(path.join(dir, 'multi.ini'), ini);
  for (const [name, text] of Object.entries(extra)) await writeFile(path.join(dir, name), text);
  return dir;
}

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));
const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

/** Every file and dir under `root`/compose, repodata checksums taken out of the names. */
async function listTree(root: string, sub: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      out.push(`${entry.isDirectory() ? 'd' : 'f'} ${child.replace(/\/[0-9a-f]{64}-/, '/')}`);
      if (entry.isDirectory()) await walk(child);
    }
  };
  await walk(sub);
  return out.sort();
}

async function referenceTree(sub: string): Promise<string[]> {
  const lines = (await readFile(path.join(referenceDir, 'tree.txt'), 'utf8')).split('\n');
  return lines
    .map((line) => line.split(' '))
    .filter((f) => f.length === 3 && f[2]!.startsWith(`./${sub}/`))
    .map(([type, , p]) => `${type} ${p!.slice(2).replace(/\/[0-9a-f]{64}-/, '/')}`)
    .sort();
}

/** images.json entries without what differs from build to build (checksums, sizes, times). */
function stableImages(doc: { payload: { images: Record<string, Record<string, Record<string, unknown>[]>> } }) {
  const volatile = new Set(['checksums', 'mtime', 'size', 'implant_md5']);
  return Object.fromEntries(Object.entries(doc.payload.images).map(([variant, arches]) => [variant, Object.fromEntries(Object.entries(arches).map(([arch, images]) => [
    arch, images.map((image) => Object.fromEntries(Object.entries(image).filter(([key]) => !volatile.has(key)))).sort((a, b) => String(a['path']).localeCompare(String(b['path']))),
  ]))]));
}

describe('parts start', () => {
  it("composes the fixture's multi-compose.conf into the reference's merged compose", async () => {
    const dir = await makeConfigDir(await fixtureIni());
    const out = path.join(dir, 'out');
    const result = await runOrchestrate(['parts', 'start', '--config', path.join(dir, 'multi.ini'), '--target-dir', out, '--compose-date', DATE]);
    expect(result.exitCode, result.stderr).toBe(0);
    const composeDir = lastLine(result.stdout);
    expect(composeDir).toBe(path.join(out, (await readFile(path.join(referenceDir, 'COMPOSE_ID'), 'utf8')).trim()));
    expect(await readFile(path.join(composeDir, 'STATUS'), 'utf8')).toBe('FINISHED');

    // Layout: the top level, logs/, work/ and parts/ hold what pungi-orchestrate's do.
    expect((await readdir(composeDir)).sort()).toEqual(['COMPOSE_ID', 'STATUS', 'compose', 'logs', 'parts', 'work']);
    expect(await listTree(composeDir, 'logs')).toEqual(await referenceTree('logs'));
    expect(await listTree(composeDir, 'work')).toEqual((await referenceTree('work')));
    expect((await readdir(path.join(composeDir, 'parts'))).sort()).toEqual((await readdir(path.join(referenceDir, 'parts'))).sort());
    expect(await listTree(composeDir, 'compose')).toEqual(await referenceTree('compose'));

    // Metadata: merged as pungi-orchestrate merges it.
    const metadata = (name: string) => Promise.all([readJson(path.join(composeDir, 'compose/metadata', name)), readJson(path.join(referenceDir, 'compose/metadata', name))]);
    const [info, refInfo] = await metadata('composeinfo.json');
    expect(info).toEqual(refInfo);
    expect(await readJson(path.join(composeDir, 'work/global/composeinfo-base.json'))).toEqual({ ...refInfo, payload: { ...refInfo.payload, variants: {} } });
    const [rpms, refRpms] = await metadata('rpms.json');
    expect(rpms).toEqual(refRpms);
    const [images, refImages] = await metadata('images.json');
    expect(images.payload.compose).toEqual(refImages.payload.compose);
    expect(stableImages(images)).toEqual(stableImages(refImages));
    const [modules, refModules] = await metadata('modules.json');
    expect(modules).toEqual(refModules);
    const [parts, refParts] = await metadata('parts.json');
    expect(Object.fromEntries(Object.entries(parts as Record<string, { path: string; status: string }>).map(([k, v]) => [k, { status: v.status, path: path.relative(composeDir, v.path) }])))
      .toEqual(Object.fromEntries(Object.entries(refParts as Record<string, { path: string; status: string }>).map(([k, v]) => [k, { status: v.status, path: path.relative('/mnt/composes/multi-1.0-20261122.n.0', v.path) }])));

    // compose/ is hard links to the parts' files.
    const rpm = 'compose/ResilientStorage/x86_64/os/Packages/d';
    const name = (await readdir(path.join(composeDir, rpm)))[0]!;
    const partDir = path.join(composeDir, 'parts', `ResilientStorage-1.0-${DATE}.n.0`);
    expect((await stat(path.join(composeDir, rpm, name))).ino).toBe((await stat(path.join(partDir, rpm, name))).ino);
    expect((await lstat(path.join(out, 'latest-multi-1'))).isSymbolicLink()).toBe(true);
  }, 180_000);

  it('ends FINISHED_INCOMPLETE when a failable part fails, and restart runs it again', async () => {
    const scratch = await makeTempDir('parts-scripts-');
    const scripts = [
      'pre_compose_script =', `    echo "pre $COMPOSE_ID $RELEASE_ID" > ${scratch}/pre.txt`,
      'post_compose_script =', `    env | grep -E '^(COMPOSE|RELEASE)_' | sort > ${scratch}/post-env.txt`,
      `notification_script = ${scratch}/notify.sh`,
    ].join('\n');
    await writeFile(path.join(scratch, 'notify.sh'), `#!/bin/sh\n{ echo "$1"; cat; echo; } >> ${scratch}/notify.log\n`, { mode: 0o755 });
    const ini = (await fixtureIni()).replace(/\[client\]\nconfig = client.conf\n/, '').replace('config = resilient-storage.conf', 'config = rs.conf').replace('[server]', `${scripts}\n\n[server]`);
    const broken = 'from resilient-storage import *\npkgset_repos = {"*": ["{{configdir}}/no-such-repo"]}\n';
    const dir = await makeConfigDir(ini, { 'rs.conf': broken });
    const first = await runOrchestrate(['parts', 'start', '--config', path.join(dir, 'multi.ini'), '--target-dir', path.join(dir, 'out'), '--compose-date', DATE]);
    expect(first.exitCode, first.stderr).toBe(0);
    const composeDir = lastLine(first.stdout);
    expect(await readFile(path.join(composeDir, 'STATUS'), 'utf8')).toBe('FINISHED_INCOMPLETE');
    const parts = await readJson(path.join(composeDir, 'compose/metadata/parts.json'));
    expect(parts['resilient-storage'].status).toBe('DOOMED');
    expect(parts['server'].status).toBe('FINISHED');
    expect(first.stderr).toMatch(/part resilient-storage: DOOMED \(failable\)/);
    expect(first.stderr).toMatch(/no-such-repo/);
    expect((await readdir(path.join(composeDir, 'compose'))).sort()).toEqual(['Server', 'metadata']);
    expect(Object.keys((await readJson(path.join(composeDir, 'compose/metadata/composeinfo.json'))).payload.variants)).toEqual(['Server']);

    // The scripts and the notification script see the whole compose, as pungi-orchestrate shows it to them.
    expect(await readFile(path.join(scratch, 'pre.txt'), 'utf8')).toBe(`pre multi-1.0-${DATE}.n.0 multi-1.0\n`);
    expect(existsSync(path.join(composeDir, 'logs/pre_compose_0.log'))).toBe(true);
    const env = (await readFile(path.join(scratch, 'post-env.txt'), 'utf8')).trim().split('\n');
    expect(env).toEqual(expect.arrayContaining([
      `COMPOSE_PATH=${composeDir}`, `COMPOSE_ID=multi-1.0-${DATE}.n.0`, `COMPOSE_DATE=${DATE}`, 'COMPOSE_TYPE=nightly', 'COMPOSE_RESPIN=0', 'COMPOSE_LABEL=',
      'RELEASE_ID=multi-1.0', 'RELEASE_NAME=Multi Compose', 'RELEASE_SHORT=multi', 'RELEASE_VERSION=1.0', 'RELEASE_TYPE=ga', 'RELEASE_IS_LAYERED=',
    ]));
    // notify.sh logs each message as its name line, then the JSON it got on stdin.
    const lines = (await readFile(path.join(scratch, 'notify.log'), 'utf8')).trim().split('\n');
    const messages = lines.flatMap((line, i) => (i % 2 === 0 ? [[line, lines[i + 1]!]] : []));
    expect(messages.map(([name]) => name)).toEqual(['status-change', 'status-change']);
    expect(messages.map(([, json]) => JSON.parse(json!).status)).toEqual(['STARTED', 'FINISHED_INCOMPLETE']);
    expect(JSON.parse(messages[1]![1]!)).toMatchObject({ compose_id: `multi-1.0-${DATE}.n.0`, location: composeDir, workdir: composeDir, release_short: 'multi' });

    await writeFile(path.join(dir, 'rs.conf'), 'from resilient-storage import *\n');
    const again = await runOrchestrate(['parts', 'restart', '--config', path.join(dir, 'multi.ini'), '--compose-dir', composeDir, '--part', 'resilient-storage']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(lastLine(again.stdout)).toBe(composeDir);
    expect(await readFile(path.join(composeDir, 'STATUS'), 'utf8')).toBe('FINISHED');
    const after = await readJson(path.join(composeDir, 'compose/metadata/parts.json'));
    expect(after['server']).toEqual(parts['server']);
    expect(after['resilient-storage']).toEqual({ status: 'FINISHED', path: path.join(composeDir, 'parts', `ResilientStorage-1.0-${DATE}.n.1`) });
    const rpms = await readJson(path.join(composeDir, 'compose/metadata/rpms.json'));
    const refRpms = await readJson(path.join(referenceDir, 'compose/metadata/rpms.json'));
    expect(rpms.payload.rpms['ResilientStorage']).toEqual(refRpms.payload.rpms['ResilientStorage']);
    expect(rpms.payload.rpms['Server']).toEqual(refRpms.payload.rpms['Server']);
    expect((await readdir(path.join(composeDir, 'compose'))).sort()).toEqual(['ResilientStorage', 'Server', 'metadata']);
  }, 180_000);

  it('blocks the dependents of a failed required part and DOOMs the compose', async () => {
    const ini = (await fixtureIni()).replace(/\[client\]\nconfig = client.conf\n/, '').replace('config = server.conf', 'config = broken-server.conf');
    const dir = await makeConfigDir(ini, { 'broken-server.conf': 'from server import *\npkgset_repos = {"*": ["{{configdir}}/no-such-repo"]}\n' });
    const result = await runOrchestrate(['parts', 'start', '--config', path.join(dir, 'multi.ini'), '--target-dir', path.join(dir, 'out'), '--compose-date', DATE]);
    expect(result.exitCode).toBe(1);
    const composeDir = lastLine(result.stdout);
    expect(await readFile(path.join(composeDir, 'STATUS'), 'utf8')).toBe('DOOMED');
    const parts = await readJson(path.join(composeDir, 'compose/metadata/parts.json'));
    expect(parts['server'].status).toBe('DOOMED');
    expect(parts['resilient-storage']).toEqual({ status: 'BLOCKED', path: null });
    expect(result.stderr).toMatch(/part resilient-storage will not run: part server it depends on did not finish/);
    expect(await readFile(path.join(composeDir, 'logs/server.log'), 'utf8')).toMatch(/no-such-repo/);
    expect(existsSync(path.join(composeDir, 'logs/resilient-storage.log'))).toBe(false);
    expect(existsSync(path.join(composeDir, 'latest-multi-1'))).toBe(false);
  }, 120_000);

  it('runs no part when pre_compose_script fails, and DOOMs the compose', async () => {
    const ini = (await fixtureIni()).replace('[server]', 'pre_compose_script =\n    echo checking\n    exit 3\n\n[server]');
    const dir = await makeConfigDir(ini);
    const result = await runOrchestrate(['parts', 'start', '--config', path.join(dir, 'multi.ini'), '--target-dir', path.join(dir, 'out')]);
    expect(result.exitCode).toBe(1);
    const composeDir = lastLine(result.stdout);
    expect(await readFile(path.join(composeDir, 'STATUS'), 'utf8')).toBe('DOOMED');
    expect(result.stderr).toMatch(/pre_compose_script command failed with exit code 3: exit 3/);
    expect(await readFile(path.join(composeDir, 'logs/pre_compose_0.log'), 'utf8')).toBe('checking\n');
    expect(await readdir(path.join(composeDir, 'parts'))).toEqual([]);
    expect(Object.values(await readJson(path.join(composeDir, 'compose/metadata/parts.json'))).map((p) => (p as { status: string }).status)).toEqual(['WAITING', 'WAITING', 'WAITING']);
  });

  it('stops every part on SIGTERM and ends TERMINATED with no process left', async () => {
    const dir = await makeConfigDir(await fixtureIni());
    const out = path.join(dir, 'out');
    const child = execa('node', [bin, 'parts', 'start', '--config', path.join(dir, 'multi.ini'), '--target-dir', out], { reject: false, env: { NO_COLOR: '1' } });
    // Wait until both independent parts run their compose.
    const started = async () => {
      const composes = existsSync(out) ? readdirSync(out).filter((n) => n.startsWith('multi-')) : [];
      const parts = composes.length > 0 ? path.join(out, composes[0]!, 'parts') : '';
      // parts/ appears a moment after the compose dir itself
      return parts !== '' && existsSync(parts) && readdirSync(parts).length >= 2;
    };
    for (let i = 0; i < 200 && !(await started()); i++) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    const result = await child;
    expect(result.exitCode).toBe(1);
    const composeDir = lastLine(String(result.stdout));
    expect(await readFile(path.join(composeDir, 'STATUS'), 'utf8')).toBe('TERMINATED');
    const parts = await readJson(path.join(composeDir, 'compose/metadata/parts.json'));
    expect(parts['server'].status).toBe('TERMINATED');
    expect(parts['client'].status).toBe('TERMINATED');
    expect(parts['resilient-storage'].status).toBe('WAITING');
    const ps = await execa('ps', ['-eo', 'args']);
    expect(String(ps.stdout).split('\n').filter((line) => line.includes(dir))).toEqual([]);
  }, 120_000);
});
