import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '@compose/exec';
import { InputError } from '@compose/errors';
import { matchSigkey, readRpmHeader } from '@compose/rpm-header';
import { replaceSignatureHeader, type SignatureEntry } from './helpers/build-test-rpm.js';
import { fixtureRpm } from './helpers/fixtures.js';
import { buildSubpacketPacket, buildV3Packet, issuerFingerprint } from './helpers/openpgp-packets.js';

// Signature tags rpm 4.18 no longer writes, placed in a real package by rebuilding its signature header.
const SOURCE = fixtureRpm('Dummy-firefox-16.0.1-1.x86_64.rpm');
const V3_KEY = '1111222233334444';
const V6_FINGERPRINT = 'aaaabbbbccccdddd' + '00'.repeat(24);

describe('signature tags other than RSAHEADER/DSAHEADER', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'rpm-header-legacy-'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function writePackage(name: string, entries: SignatureEntry[]): Promise<string> {
    const file = path.join(work, name);
    await writeFile(file, replaceSignatureHeader(SOURCE, entries));
    return file;
  }

  it('rebuilt packages are still valid RPMs to rpm itself', async () => {
    const file = await writePackage('plain.rpm', []);
    const { stdout } = await runTool(['rpm', '-qp', '--nosignature', '--nodigest', '--qf', '%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}', file]);
    expect(stdout).toBe('Dummy-firefox-16.0.1-1.x86_64');
    expect((await readRpmHeader(file)).sigKeyId).toBeNull();
  });

  it.each([
    ['SIGPGP', 1002],
    ['SIGGPG', 1005],
  ])('reads a v3 signature in the legacy %s tag', async (name, tag) => {
    const info = await readRpmHeader(await writePackage(`${name}.rpm`, [{ tag, bin: buildV3Packet(V3_KEY) }]));
    expect(info).toMatchObject({ name: 'Dummy-firefox', arch: 'x86_64', sigKeyId: V3_KEY, sigKeyShortId: '33334444' });
    expect(matchSigkey(info, ['33334444'])).toBe('33334444');
  });

  it('prefers the header-only signature and lists each key once', async () => {
    const header = buildSubpacketPacket(4, [issuerFingerprint(4, '00'.repeat(12) + V3_KEY)], []);
    const info = await readRpmHeader(await writePackage('both.rpm', [{ tag: 268, bin: header }, { tag: 1002, bin: buildV3Packet(V3_KEY) }]));
    expect(info.sigKeyIds).toEqual([V3_KEY]);
  });

  it('reads every signature of the rpm 6 OPENPGP string array', async () => {
    const v4 = buildSubpacketPacket(4, [issuerFingerprint(4, '00'.repeat(12) + V3_KEY)], []);
    const v6 = buildSubpacketPacket(6, [issuerFingerprint(6, V6_FINGERPRINT)], []);
    const info = await readRpmHeader(await writePackage('openpgp.rpm', [{ tag: 278, strings: [v4.toString('base64'), v6.toString('base64')] }]));
    expect(info.sigKeyIds).toEqual([V3_KEY, 'aaaabbbbccccdddd']);
    expect(info.sigKeyId).toBe(V3_KEY);
    // Any of the package's signatures satisfies a sigkey.
    expect(matchSigkey(info, ['ccccdddd'])).toBe('ccccdddd');
  });

  it('reports a corrupt signature packet as an InputError naming the tag', async () => {
    const file = await writePackage('corrupt.rpm', [{ tag: 268, bin: Buffer.from([0x89, 0x01]) }]);
    const error = await readRpmHeader(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('RPM_BAD_SIGNATURE');
    expect((error as InputError).message).toMatch(/RSAHEADER \(268\) is unreadable: signature packet is truncated/);
  });
});
