import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '@compose/exec';
import { readRpmHeader, type RpmHeaderInfo } from '@compose/rpm-header';
import { fixtureRepo, fixtureRpm, listFixtureRpms } from './helpers/fixtures.js';

const QUERY_FIELDS = [
  '%{NAME}', '%{EPOCH}', '%{VERSION}', '%{RELEASE}', '%{ARCH}', '%{SOURCERPM}', '%{SUMMARY}', '%{BUILDTIME}', '%{LONGSIZE}',
  '[%{EXCLUSIVEARCH};]', '[%{EXCLUDEARCH};]', '[%{REQUIRENAME};]', '[%{PROVIDENAME};]', '%{PAYLOADDIGEST}',
];

/** What `rpm -qp` says about each file, keyed by path. */
async function queryWithRpm(files: string[]): Promise<Map<string, string[]>> {
  const { stdout } = await runTool(['rpm', '-qp', '--nosignature', '--nodigest', '--qf', `${QUERY_FIELDS.join('\\t')}\\n`, ...files]);
  const lines = stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(files.length);
  return new Map(files.map((file, i) => [file, (lines[i] ?? '').split('\t')]));
}

function listField(text: string | undefined): string[] {
  return (text ?? '').split(';').filter(Boolean);
}

describe('readRpmHeader on the dummy fixture repo', () => {
  const files = listFixtureRpms();
  let infos: Map<string, RpmHeaderInfo>;
  let expected: Map<string, string[]>;

  beforeAll(async () => {
    expected = await queryWithRpm(files);
    infos = new Map(await Promise.all(files.map(async (file) => [file, await readRpmHeader(file)] as const)));
  });

  it('reads every package of the repo', () => {
    expect(files.length).toBeGreaterThan(400);
    expect(infos.size).toBe(files.length);
  });

  it('agrees with rpm -qp on NEVRA, source RPM and the other fields', () => {
    for (const file of files) {
      const info = infos.get(file)!;
      const [name, epoch, version, release, arch, sourcerpm, summary, buildtime, size, exclusive, exclude, requires, provides, digest] = expected.get(file)!;
      const isSource = sourcerpm === '(none)';
      const fromFile = { name: info.name, epoch: info.epoch, version: info.version, release: info.release, sourcerpm: info.sourcerpm, isSource: info.isSource };
      expect(fromFile, file).toEqual({ name, epoch: epoch === '(none)' ? null : Number(epoch), version, release, sourcerpm: isSource ? null : sourcerpm, isSource });
      // rpm reports a source package's build arch; the file name (and Pungi) say src or nosrc.
      expect(info.arch, file).toBe(isSource ? path.basename(file).split('.').at(-2) : arch);
      expect(`${info.name}-${info.version}-${info.release}.${info.arch}.rpm`).toBe(path.basename(file));
      expect(info.summary, file).toBe(summary);
      expect(info.buildtime, file).toBe(Number(buildtime));
      expect(info.size, file).toBe(Number(size));
      expect(info.exclusiveArch, file).toEqual(listField(exclusive));
      expect(info.excludeArch, file).toEqual(listField(exclude));
      expect(info.requires, file).toEqual(listField(requires));
      expect(info.provides, file).toEqual(listField(provides));
      expect(info.payloadDigest, file).toEqual(digest === '(none)' ? null : { algorithm: 'sha256', value: digest });
      expect(info.sigKeyId, file).toBeNull();
      expect(info.sigKeyShortId, file).toBeNull();
    }
  });

  it('handles the nosrc package', () => {
    const info = infos.get(fixtureRpm('dummy-AdobeReader_enu-9.5.1-1.nosrc.rpm'))!;
    expect(info).toMatchObject({ name: 'dummy-AdobeReader_enu', arch: 'nosrc', isSource: true, sourcerpm: null, exclusiveArch: ['i486'] });
    const binary = infos.get(fixtureRpm('dummy-AdobeReader_enu-9.5.1-1.i486.rpm'))!;
    expect(binary).toMatchObject({ arch: 'i486', isSource: false, sourcerpm: 'dummy-AdobeReader_enu-9.5.1-1.nosrc.rpm' });
  });

  it('reports the header range and file size createrepo_c wrote into primary.xml', () => {
    const primary = gunzipSync(readFileSync(path.join(fixtureRepo, 'repodata/primary.xml.gz'))).toString('utf8');
    const packages = primary.split('<package ').slice(1);
    expect(packages.length).toBe(files.length);
    for (const entry of packages) {
      const href = /<location href="([^"]+)"/.exec(entry)?.[1];
      const range = /<rpm:header-range start="(\d+)" end="(\d+)"/.exec(entry);
      const packageSize = /<size package="(\d+)" installed="(\d+)"/.exec(entry);
      const info = infos.get(path.join(fixtureRepo, href ?? 'missing'));
      expect(info, href).toBeDefined();
      expect(info!.headerRange, href).toEqual({ start: Number(range?.[1]), end: Number(range?.[2]) });
      expect([info!.fileSize, info!.size], href).toEqual([Number(packageSize?.[1]), Number(packageSize?.[2])]);
    }
  });

  it('reads 1000 package headers in well under a second', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) => files[i % files.length]!);
    await Promise.all(batch.slice(0, 50).map((file) => readRpmHeader(file))); // warm up the JIT and page cache
    const started = performance.now();
    // A bounded number of files open at once, as a real caller would do (file descriptors are finite).
    const workers = Array.from({ length: 16 }, async (_, worker) => {
      for (let i = worker; i < batch.length; i += 16) await readRpmHeader(batch[i]!);
    });
    await Promise.all(workers);
    const elapsed = performance.now() - started;
    console.log(`read 1000 headers in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(800);
  });
});
