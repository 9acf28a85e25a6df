import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatherDummyCompose, runCreaterepoCli } from './helpers.js';

// repoclosure_strictness fatal for the variant Pungi reported, then a corrupt package in a tree.
let composeDir = '';

beforeAll(async () => {
  ({ composeDir } = await gatherDummyCompose('repoclosure_strictness = [("^.*$", {"*": "lenient"}), ("^Server-Gluster$", {"*": "fatal"}), ("^Client$", {"*": "off"})]'));
  const r = await runCreaterepoCli(['--compose-dir', composeDir, '--quiet']);
  expect(r.exitCode, r.stderr).toBe(0);
}, 120_000);

describe('failures', () => {
  it('fails repoclosure (exit 1) naming the variant.arch and its unresolved dependency when fatal', async () => {
    const r = await runCreaterepoCli(['repoclosure', '--compose-dir', composeDir]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('repoclosure failed for Server-Gluster.x86_64: dummy-glusterfs-resource-agents-3.9.5-8.x86_64 needs dummy-resource-agents = 3.9.5-8');
    // "off" skips the check entirely
    expect(await readdir(path.join(composeDir, 'logs/x86_64'))).not.toContain('repoclosure-Client.x86_64.log');
  }, 120_000);

  it('fails naming a corrupt RPM and leaves the old repodata untouched', async () => {
    const tree = path.join(composeDir, 'compose/Server/x86_64/os');
    const repomd = await readFile(path.join(tree, 'repodata/repomd.xml'), 'utf8');
    const before = (await readdir(path.join(tree, 'repodata'))).sort();
    // A new package in the tree that is not an RPM. (Never write into an existing package:
    // gather hard-links them, so that would corrupt the package set's source repo too.)
    await mkdir(path.join(tree, 'Packages/z'), { recursive: true });
    await writeFile(path.join(tree, 'Packages/z/zz-corrupt-1.0-1.x86_64.rpm'), 'not an rpm at all');
    const rpmsFile = path.join(composeDir, 'compose/metadata/rpms.json');
    const rpms = JSON.parse(await readFile(rpmsFile, 'utf8')) as { payload: { rpms: Record<string, Record<string, Record<string, unknown>>> } };
    rpms.payload.rpms['Server']!['x86_64']!['zz-corrupt-0:1.0-1.src'] = {
      'zz-corrupt-0:1.0-1.x86_64': { category: 'binary', path: 'Server/x86_64/os/Packages/z/zz-corrupt-1.0-1.x86_64.rpm', sigkey: null },
    };
    await writeFile(rpmsFile, JSON.stringify(rpms));
    const r = await runCreaterepoCli(['--compose-dir', composeDir, '--workers', '1']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(tree);
    expect(r.stderr).toContain('zz-corrupt-1.0-1.x86_64.rpm');
    expect(await readFile(path.join(tree, 'repodata/repomd.xml'), 'utf8')).toBe(repomd);
    expect((await readdir(path.join(tree, 'repodata'))).sort()).toEqual(before);
    expect((await readdir(tree)).filter((f) => f.startsWith('.createrepo-'))).toEqual([]);
  }, 120_000);

  it('refuses a directory that is not a compose (exit 2)', async () => {
    const r = await runCreaterepoCli(['--compose-dir', '/tmp']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('not a compose directory');
  });
});
