// Acceptance of the whole product: the dummy compose as a release engineer runs it, through the
// built executables, checked against the real Pungi's compose of it and with dnf.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dummy = path.resolve(repoRoot, '../shared/fixtures/pungi-dummy');
const reference = path.resolve(repoRoot, '../shared/reference/pungi-dummy-compose');
const orchestrate = path.join(repoRoot, 'tools/compose-orchestrate/bin/compose-orchestrate.js');

type RpmsPayload = { rpms: Record<string, Record<string, Record<string, Record<string, { category: string; path: string; sigkey: string | null }>>>> };
type ImagesPayload = { compose: { id: string }; images: Record<string, Record<string, Record<string, unknown>[]>> };

/** One line per package placement: variant, arch, source RPM, RPM, category, path. */
function listPlacements(payload: RpmsPayload): string[] {
  const rows: string[] = [];
  for (const [variant, arches] of Object.entries(payload.rpms)) {
    for (const [arch, bySrpm] of Object.entries(arches)) {
      for (const [srpm, rpms] of Object.entries(bySrpm)) {
        for (const [nevra, entry] of Object.entries(rpms)) rows.push(`${variant} ${arch} ${srpm} ${nevra} ${entry.category} ${entry.path}`);
      }
    }
  }
  return rows.sort();
}

/** images.json entries without what differs between any two runs (sizes, checksums, times), compose ID replaced. */
function listImages(payload: ImagesPayload): string[] {
  const rows: string[] = [];
  for (const [variant, arches] of Object.entries(payload.images)) {
    for (const [arch, images] of Object.entries(arches)) {
      for (const image of images) {
        const { checksums: _c, mtime: _m, size: _s, implant_md5: _i, ...stable } = image;
        rows.push(`${variant} ${arch} ${JSON.stringify(stable, Object.keys(stable).sort()).replaceAll(payload.compose.id, '<COMPOSE_ID>')}`);
      }
    }
  }
  return rows.sort();
}

const readPayload = async <T>(file: string): Promise<T> => (JSON.parse(await readFile(file, 'utf8')) as { payload: T }).payload;

describe('the dummy compose, end to end', () => {
  let composeDir = '';
  let result: { exitCode: number; stdout: string; stderr: string };

  beforeAll(async () => {
    const target = await mkdtemp(path.join(tmpdir(), 'e2e-dummy-'));
    const r = await execa('node', [orchestrate, 'compose', '--config', path.join(dummy, 'dummy-pungi.conf'), '--target-dir', target, '--compose-type', 'test', '--skip-phase', 'buildinstall'], { reject: false, env: { NO_COLOR: '1' } });
    result = { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
    composeDir = result.stdout.trim().split('\n').at(-1) ?? '';
  }, 300_000);

  it('finishes: STATUS FINISHED, exit 0, the compose dir as the last stdout line', async () => {
    expect(result.stderr).not.toMatch(/ is not (installed|built)/);
    expect(result.exitCode, result.stderr).toBe(0);
    expect((await readFile(path.join(composeDir, 'STATUS'), 'utf8')).trim()).toBe('FINISHED');
  });

  it("places every package where Pungi placed it (the reference's 267 rpms.json entries)", async () => {
    const expected = listPlacements(await readPayload<RpmsPayload>(path.join(reference, 'compose/metadata/rpms.json')));
    expect(expected).toHaveLength(267);
    expect(listPlacements(await readPayload<RpmsPayload>(path.join(composeDir, 'compose/metadata/rpms.json')))).toEqual(expected);
  });

  it("lists the reference's 22 images in images.json, entry for entry", async () => {
    const file = path.join(composeDir, 'compose/metadata/images.json');
    expect(existsSync(file), 'images.json is written by compose-createiso/compose-checksum').toBe(true);
    const expected = listImages(await readPayload<ImagesPayload>(path.join(reference, 'compose/metadata/images.json')));
    expect(expected).toHaveLength(22);
    const ours = await readPayload<ImagesPayload>(file);
    expect(listImages(ours)).toEqual(expected);
    // Checksums are the image checksum phase's work.
    for (const images of Object.values(ours.images).flatMap((a) => Object.values(a))) {
      for (const image of images) expect(Object.keys((image['checksums'] as object | undefined) ?? {}).sort(), String(image['path'])).toEqual(['md5', 'sha1', 'sha256']);
    }
  });

  it('lets dnf install @core from the Server repo into an empty installroot', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'e2e-installroot-'));
    const repo = path.join(composeDir, 'compose/Server/x86_64/os');
    const r = await execa('dnf', ['--installroot', root, '--releasever', '1', '--forcearch', 'x86_64', '--setopt=reposdir=/dev/null', `--repofrompath=server,file://${repo}`, '--repo', 'server', '--nogpgcheck', 'install', '-y', '@core'], { reject: false });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const installed = String((await execa('rpm', ['--root', root, '-qa', '--qf', '%{NAME}\n'])).stdout).split('\n');
    expect(installed).toContain('dummy-bash');
  }, 180_000);

  it("writes deliverables.json with exactly the reference's entries, none failed", async () => {
    type Deliverables = { required: Record<string, unknown[]>; attempted: object; failed: object };
    const ours = JSON.parse(await readFile(path.join(composeDir, 'logs/global/deliverables.json'), 'utf8')) as Deliverables;
    const theirs = JSON.parse(await readFile(path.join(reference, 'logs-global-deliverables.json'), 'utf8')) as Deliverables;
    const rows = (d: Deliverables) => Object.entries(d.required).flatMap(([kind, list]) => list.map((entry) => `${kind} ${JSON.stringify(entry)}`)).sort();
    expect(rows(ours)).toEqual(rows(theirs));
    expect(ours.failed).toEqual({});
  });

  it('passes sha256sum/sha1sum/md5sum -c over every CHECKSUM file and checkisomd5 on every ISO', async () => {
    const isoDirs = String((await execa('find', [path.join(composeDir, 'compose'), '-type', 'd', '-name', 'iso'])).stdout).split('\n').filter(Boolean);
    expect(isoDirs.length).toBe(15); // as in the reference's tree.txt
    for (const dir of isoDirs) {
      for (const [tool, file] of [['sha256sum', 'SHA256SUM'], ['sha1sum', 'SHA1SUM'], ['md5sum', 'MD5SUM']]) {
        const r = await execa(tool!, ['-c', file!], { cwd: dir, reject: false });
        expect(r.exitCode, `${dir}/${file}: ${r.stdout}${r.stderr}`).toBe(0);
      }
      const isos = String((await execa('find', [dir, '-name', '*.iso'])).stdout).split('\n').filter(Boolean);
      for (const iso of isos) expect((await execa('checkisomd5', [iso], { reject: false })).exitCode, iso).toBe(0);
    }
  }, 120_000);
});
