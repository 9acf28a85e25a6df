import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '@compose/exec';
import { matchSigkey, readRpmHeader } from '@compose/rpm-header';
import { replaceSignatureHeader } from './helpers/build-test-rpm.js';
import { fixtureRpm } from './helpers/fixtures.js';
import { createTestKey, signCopies, stopGpgAgent, type TestKey } from '@compose/testkit';

const SOURCES = ['dummy-atlas-3.8.4-7.src.rpm', 'dummy-AdobeReader_enu-9.5.1-1.nosrc.rpm', 'Dummy-firefox-16.0.1-1.x86_64.rpm'].map(fixtureRpm);

describe('signing key IDs of rpmsign-signed packages', () => {
  let work: string;
  let rsaKey: TestKey;
  let edKey: TestKey;
  let rsaSigned: string[];
  let edSigned: string[];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'rpm-header-sign-'));
    const home = path.join(work, 'gnupg');
    await mkdir(home, { mode: 0o700 });
    rsaKey = await createTestKey(home, 'Test RSA <rsa@example.invalid>', 'rsa2048');
    edKey = await createTestKey(home, 'Test Ed <ed@example.invalid>', 'ed25519');
    await mkdir(path.join(work, 'rsa'));
    await mkdir(path.join(work, 'ed'));
    rsaSigned = await signCopies(rsaKey, SOURCES, path.join(work, 'rsa'));
    edSigned = await signCopies(edKey, SOURCES, path.join(work, 'ed'));
  });

  afterAll(async () => {
    if (!work) return;
    await stopGpgAgent(path.join(work, 'gnupg'));
    await rm(work, { recursive: true, force: true });
  });

  it('finds the RSA key that signed each package', async () => {
    for (const file of rsaSigned) {
      const info = await readRpmHeader(file);
      expect(info.sigKeyId, file).toBe(rsaKey.keyId);
      expect(info.sigKeyShortId).toBe(rsaKey.keyId.slice(-8));
      expect(rsaKey.fingerprint.endsWith(info.sigKeyId!)).toBe(true);
      expect(info.sigKeyIds).toEqual([rsaKey.keyId]);
    }
  });

  it('finds the Ed25519 key (stored in DSAHEADER) that signed each package', async () => {
    const { stdout } = await runTool(['rpm', '-qp', '--nosignature', '--qf', '%{DSAHEADER:pgpsig}\\n', edSigned[0]!]);
    expect(stdout).toMatch(/EdDSA/);
    for (const file of edSigned) {
      const info = await readRpmHeader(file);
      expect(info.sigKeyId, file).toBe(edKey.keyId);
      expect(info.sigKeyShortId).toBe(edKey.keyId.slice(-8));
    }
  });

  it('agrees with the key ID rpm itself prints', async () => {
    const { stdout } = await runTool(['rpm', '-qp', '--nosignature', '--qf', '%{RSAHEADER:pgpsig}|%{DSAHEADER:pgpsig}\\n', ...rsaSigned, ...edSigned]);
    const printed = stdout.trim().split('\n').map((line) => /Key ID ([0-9a-f]{16})/.exec(line)?.[1]);
    const read = await Promise.all([...rsaSigned, ...edSigned].map(async (file) => (await readRpmHeader(file)).sigKeyId));
    expect(read).toEqual(printed);
  });

  it('keeps the NEVRA and header range layout intact after signing', async () => {
    const [signed, original] = await Promise.all([readRpmHeader(rsaSigned[1]!), readRpmHeader(SOURCES[1]!)]);
    expect({ ...signed, path: '', sigKeyId: null, sigKeyShortId: null, sigKeyIds: [] }).toEqual({ ...original, path: '' });
  });

  it('reads gpg-made signatures of both keys from an rpm 6 style OPENPGP tag', async () => {
    const signatures: string[] = [];
    for (const key of [edKey, rsaKey]) {
      const output = path.join(work, `${key.keyId}.sig`);
      await runTool(['gpg', '--homedir', key.home, '--batch', '--local-user', key.keyId, '--output', output, '--detach-sign', SOURCES[0]!]);
      signatures.push((await readFile(output)).toString('base64'));
    }
    const file = path.join(work, 'openpgp.rpm');
    await writeFile(file, replaceSignatureHeader(SOURCES[0]!, [{ tag: 278, strings: signatures }]));
    const info = await readRpmHeader(file);
    expect(info.sigKeyIds).toEqual([edKey.keyId, rsaKey.keyId]);
    expect(matchSigkey(info, [rsaKey.keyId.slice(-8)])).toBe(rsaKey.keyId.slice(-8));
  });

  it('matches sigkeys the way Pungi does', async () => {
    const rsa = await readRpmHeader(rsaSigned[0]!);
    const unsigned = await readRpmHeader(SOURCES[0]!);
    const short = rsaKey.keyId.slice(-8);
    const otherShort = edKey.keyId.slice(-8);
    expect(matchSigkey(rsa, [short])).toBe(short);
    expect(matchSigkey(rsa, [short.toUpperCase()])).toBe(short.toUpperCase());
    expect(matchSigkey(rsa, [rsaKey.keyId])).toBe(rsaKey.keyId);
    expect(matchSigkey(rsa, [otherShort, null, short])).toBe(short);
    // A package signed with another key, or signed at all when only None is allowed, does not match.
    expect(matchSigkey(rsa, [otherShort])).toBeUndefined();
    expect(matchSigkey(rsa, [edKey.keyId])).toBeUndefined();
    expect(matchSigkey(rsa, [null])).toBeUndefined();
    expect(matchSigkey(unsigned, [short, null])).toBeNull();
    expect(matchSigkey(unsigned, [short])).toBeUndefined();
  });
});
