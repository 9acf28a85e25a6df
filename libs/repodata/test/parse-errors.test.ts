import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamPrimary } from '@compose/repodata';
import { gzFile, makeTempDir, primaryXml, writeTestRepo } from './repo-helpers.js';

async function parseError(xml: string): Promise<unknown> {
  const repoDir = await makeTempDir();
  await writeTestRepo(repoDir, [gzFile('primary', xml)]);
  return streamPrimary(repoDir, () => undefined).then(
    () => undefined,
    (e: unknown) => e,
  );
}

const PACKAGE = '<package type="rpm"><name>a</name><arch>noarch</arch><version epoch="0" ver="1" rel="1"/><checksum type="sha256" pkgid="YES">00</checksum></package>';

describe('primary.xml that is not rpm-md', () => {
  it('rejects a file that is not XML', async () => {
    const error = await parseError('this is not xml at all\n');
    expect(error).toMatchObject({ code: 'REPODATA_NOT_XML', exitCode: 2 });
    expect((error as { location: { file: string } }).location.file).toMatch(/primary\.xml\.gz$/);
  });

  it('rejects XML with another root element', async () => {
    expect(await parseError('<?xml version="1.0"?>\n<comps><group/></comps>\n')).toMatchObject({ code: 'REPODATA_NOT_RPMMD' });
  });

  it('rejects a document cut inside a package', async () => {
    const xml = primaryXml([PACKAGE, PACKAGE]);
    expect(await parseError(xml.slice(0, xml.lastIndexOf('<checksum')))).toMatchObject({ code: 'REPODATA_TRUNCATED', exitCode: 2 });
  });

  it('rejects a document without its end tag', async () => {
    const xml = primaryXml([PACKAGE]);
    expect(await parseError(xml.slice(0, xml.indexOf('</metadata>')))).toMatchObject({ code: 'REPODATA_TRUNCATED' });
  });

  it('accepts an empty repository', async () => {
    const repoDir = await makeTempDir();
    await writeTestRepo(repoDir, [gzFile('primary', primaryXml([]))]);
    expect((await streamPrimary(repoDir, () => undefined)).packages).toBe(0);
    expect(path.isAbsolute(repoDir)).toBe(true);
  });
});
