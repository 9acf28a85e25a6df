import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestKey, signCopies, stopGpgAgent, type TestKey } from '@compose/testkit';
import { dummyRepo, initDummyCompose, runPkgsetCli } from './helpers.js';

type Manifest = { packages: { file: string; sigkey: string | null }[]; excluded: { file: string; reason: string }[] };

let key: TestKey;
let other: TestKey;
let signedDir: string;
const unsignedOnPurpose = ['dummy-bash-doc-4.2.37-6.noarch.rpm', 'dummy-bash-doc-4.2.37-5.noarch.rpm'];

beforeAll(async () => {
  const home = await mkdtemp(path.join(tmpdir(), 'pkgset-gpg-'));
  key = await createTestKey(home, 'Compose Test <test@compose.invalid>', 'rsa2048');
  other = await createTestKey(home, 'Other Key <other@compose.invalid>', 'rsa2048');
  // A bare RPM directory where every package is signed with `key` except the bash docs.
  signedDir = await mkdtemp(path.join(tmpdir(), 'pkgset-signed-'));
  const rpms = (await readdir(dummyRepo)).filter((f) => f.endsWith('.rpm'));
  await signCopies(key, rpms.filter((f) => !unsignedOnPurpose.includes(f)).map((f) => path.join(dummyRepo, f)), signedDir);
  for (const file of unsignedOnPurpose) await copyFile(path.join(dummyRepo, file), path.join(signedDir, file));
}, 180_000);

afterAll(async () => stopGpgAgent(key.home));

async function run(sigkeys: string, repo: string) {
  const { composeDir } = await initDummyCompose(`sigkeys = ${sigkeys}\npkgset_repos = {"*": ["${repo}"]}`);
  const result = await runPkgsetCli(['--compose-dir', composeDir]);
  const file = path.join(composeDir, 'work/global/pkgset.json');
  const manifest = result.exitCode === 0 ? (JSON.parse(await readFile(file, 'utf8')) as { payload: Manifest }).payload : undefined;
  return { ...result, manifest, composeDir };
}

describe('sigkeys', () => {
  it('leaves out unsigned packages with a warning naming them, keeping the signed ones', async () => {
    const short = key.keyId.slice(-8);
    const result = await run(`["${short.toUpperCase()}"]`, signedDir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: dummy-bash-doc-4\.2\.37-6\.noarch\.rpm \(repo-0\) left out: unsigned/);
    const files = result.manifest?.packages.map((p) => p.file) ?? [];
    expect(files).not.toContain('dummy-bash-doc-4.2.37-6.noarch.rpm');
    expect(files).toContain('dummy-bash-4.2.37-6.x86_64.rpm');
    expect(result.manifest?.packages.every((p) => p.sigkey === short)).toBe(true);
  });

  it('fails when a required package has no copy signed with an accepted key', async () => {
    const result = await run(`["${other.keyId}"]`, signedDir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/no copy signed with [0-9a-f]{16} of required package\(s\): .*dummy-bash\b/);
    expect(result.stderr).toMatch(/signed with [0-9a-f]{8}, not one of/);
  });

  it('fails for unsigned required packages and accepts them with None', async () => {
    const strict = await run(`["${key.keyId}"]`, dummyRepo);
    expect(strict.exitCode).toBe(2);
    expect(strict.stderr).toMatch(/required package\(s\): .*dummy-bash/);
    const lenient = await run(`[None]`, signedDir);
    expect(lenient.exitCode, lenient.stderr).toBe(0);
    expect(lenient.manifest?.packages.map((p) => p.file)).toContain('dummy-bash-doc-4.2.37-6.noarch.rpm');
    const both = await run(`["${key.keyId}", None]`, signedDir);
    expect(both.exitCode, both.stderr).toBe(0);
    expect(both.stderr).not.toMatch(/left out: unsigned/);
  });
});
