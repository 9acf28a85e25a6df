import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addProductId, findProductCertificate, runCreaterepo } from '../src/index.js';
import { copyRpms, listRepoPackages } from './helpers.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function certificates(names: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pem-'));
  dirs.push(dir);
  for (const name of names) await writeFile(path.join(dir, name), `-----BEGIN CERTIFICATE-----\n${name}\n-----END CERTIFICATE-----\n`);
  return dir;
}

describe('findProductCertificate', () => {
  it('matches <uid>-<arch>-*.pem, with a name prefix allowed by default', async () => {
    const dir = await certificates(['Server-x86_64-69.pem', 'DP-Server-Gluster-x86_64-70.pem', 'Server-s390x-72.pem']);
    expect(await findProductCertificate(dir, { variantUid: 'Server', arch: 'x86_64' })).toBe(path.join(dir, 'Server-x86_64-69.pem'));
    expect(await findProductCertificate(dir, { variantUid: 'Server-Gluster', arch: 'x86_64' })).toBe(path.join(dir, 'DP-Server-Gluster-x86_64-70.pem'));
    expect(await findProductCertificate(dir, { variantUid: 'Server-Gluster', arch: 'x86_64', allowNamePrefix: false })).toBeUndefined();
    expect(await findProductCertificate(dir, { variantUid: 'Client', arch: 'x86_64' })).toBeUndefined();
  });

  it('refuses several candidates', async () => {
    const dir = await certificates(['Server-x86_64-69.pem', 'Server-x86_64-70.pem']);
    await expect(findProductCertificate(dir, { variantUid: 'Server', arch: 'x86_64' })).rejects.toThrow(/multiple product certificates.*Server-x86_64-69.pem, Server-x86_64-70.pem/);
  });
});

describe('addProductId', () => {
  it('records the certificate in repomd.xml and copies it to repodata/productid', async () => {
    const repo = await copyRpms(['dummy-bash-4.2.37-6.x86_64.rpm']);
    dirs.push(repo);
    await runCreaterepo(repo, { database: false });
    const pems = await certificates(['Server-x86_64-69.pem']);
    await addProductId(repo, path.join(pems, 'Server-x86_64-69.pem'));
    expect(await readFile(path.join(repo, 'repodata/repomd.xml'), 'utf8')).toMatch(/<data type="productid">[\s\S]*productid\.gz"/);
    expect(await readFile(path.join(repo, 'repodata/productid'), 'utf8')).toContain('Server-x86_64-69.pem');
    expect(await listRepoPackages(repo)).toEqual(['dummy-bash-4.2.37-6.x86_64']);
  });
});
