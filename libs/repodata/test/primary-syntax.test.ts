import { describe, expect, it } from 'vitest';
import { streamPrimary, type PrimaryPackage } from '@compose/repodata';
import { filelistsXml, gzFile, makeTempDir, primaryXml, writeTestRepo } from './repo-helpers.js';

const TRICKY = `<package type="rpm">
  <name>caf&#233;-&amp;-tools</name>
  <arch>x86_64</arch>
  <version ver="2.0" rel="3.fc40"/>
  <checksum type="sha256" pkgid="YES">aaaa</checksum>
  <summary><![CDATA[Tools <for> caf]]>é &lt;3</summary>
  <description>Long text with &lt;tags&gt; and </description>
  <packager>Jörg &quot;J&quot; &apos;x&apos;</packager>
  <url/>
  <time file='10' build='20'/>
  <size package="1" installed="2" archive="3"/>
  <location xml:base="https://mirror.example/os/" href="Packages/c/caf&#xe9;.rpm"/>
  <format>
    <rpm:license>MIT &amp; BSD</rpm:license>
    <rpm:vendor/>
    <rpm:group>Unspecified</rpm:group>
    <rpm:buildhost>b</rpm:buildhost>
    <rpm:sourcerpm>cafe-2.0-3.fc40.src.rpm</rpm:sourcerpm>
    <rpm:header-range start="4504" end="9000"/>
    <rpm:provides>
      <rpm:entry name="caf&#233;" flags="EQ" epoch="1" ver="2.0" rel="3.fc40"/>
      <rpm:entry name="config(cafe)" flags="EQ" epoch="0" ver="2.0"/>
    </rpm:provides>
    <rpm:requires>
      <rpm:entry name="/bin/sh" pre="1"/>
      <rpm:entry name="(a &gt;= 1 or b)"/>
      <rpm:entry name="libc.so.6()(64bit)"></rpm:entry>
      <rpm:entry name="glibc" flags="GE" epoch="0" ver="2.34" rel="1" pre="1"/>
    </rpm:requires>
    <rpm:conflicts><rpm:entry name="old-cafe" flags="LT" epoch="0" ver="1"/></rpm:conflicts>
    <rpm:obsoletes><rpm:entry name="cafe-legacy" flags="LE" epoch="0" ver="1.9"/></rpm:obsoletes>
    <rpm:recommends><rpm:entry name="milk"/></rpm:recommends>
    <rpm:suggests><rpm:entry name="sugar" flags="GT" epoch="0" ver="0"/></rpm:suggests>
    <rpm:supplements><rpm:entry name="(breakfast and cafe)"/></rpm:supplements>
    <rpm:enhances><rpm:entry name="croissant"/></rpm:enhances>
    <!-- a comment with <rpm:entry name="not-a-dep"/> -->
    <file>/usr/bin/cafe</file>
    <file type="dir">/etc/cafe</file>
    <file type="ghost">/var/log/cafe.log</file>
  </format>
</package>`;

function simplePackage(i: number): string {
  return `<package type="rpm"><name>p${i}</name><arch>noarch</arch><version epoch="${i % 3}" ver="1.${i}" rel="1"/><checksum type="sha256" pkgid="YES">id${i}</checksum><summary>${'x'.repeat(i % 500)}</summary><location href="p${i}.rpm"/><format><rpm:requires><rpm:entry name="dep${i}"/></rpm:requires><file>/usr/bin/p${i}</file></format></package>`;
}

function filelistsPackage(i: number): string {
  return `<package pkgid="id${i}" name="p${i}" arch="noarch"><version epoch="0" ver="1.${i}" rel="1"/><file>/usr/bin/p${i}</file><file type="dir">/usr/share/p${i}</file></package>`;
}

async function readRepo(files: Parameters<typeof writeTestRepo>[1], filelists = false): Promise<PrimaryPackage[]> {
  const repoDir = await makeTempDir();
  await writeTestRepo(repoDir, files);
  const packages: PrimaryPackage[] = [];
  await streamPrimary(repoDir, (pkg) => packages.push(pkg), { filelists });
  return packages;
}

describe('primary.xml syntax', () => {
  it('decodes entities, CDATA, UTF-8, xml:base, pre and every dependency kind', async () => {
    const [pkg] = await readRepo([gzFile('primary', primaryXml([TRICKY]))]);
    expect(pkg).toMatchObject({
      name: 'café-&-tools',
      epoch: 0,
      version: '2.0',
      release: '3.fc40',
      summary: 'Tools <for> café <3',
      location: 'Packages/c/café.rpm',
      locationBase: 'https://mirror.example/os/',
      license: 'MIT & BSD',
      vendor: '',
      fileTime: 10,
      buildTime: 20,
      packageSize: 1,
      installedSize: 2,
      archiveSize: 3,
      headerEnd: 9000,
      provides: [
        { name: 'café', flags: 'EQ', epoch: '1', version: '2.0', release: '3.fc40' },
        { name: 'config(cafe)', flags: 'EQ', epoch: '0', version: '2.0' },
      ],
      requires: [
        { name: '/bin/sh', pre: true },
        { name: '(a >= 1 or b)' },
        { name: 'libc.so.6()(64bit)' },
        { name: 'glibc', flags: 'GE', epoch: '0', version: '2.34', release: '1', pre: true },
      ],
      conflicts: [{ name: 'old-cafe', flags: 'LT', epoch: '0', version: '1' }],
      obsoletes: [{ name: 'cafe-legacy', flags: 'LE', epoch: '0', version: '1.9' }],
      recommends: [{ name: 'milk' }],
      suggests: [{ name: 'sugar', flags: 'GT', epoch: '0', version: '0' }],
      supplements: [{ name: '(breakfast and cafe)' }],
      enhances: [{ name: 'croissant' }],
      files: ['/usr/bin/cafe', '/etc/cafe', '/var/log/cafe.log'],
      dirs: ['/etc/cafe'],
      ghosts: ['/var/log/cafe.log'],
    });
    expect(pkg!.requires[0]).not.toHaveProperty('flags');
  });

  it('reads documents far larger than one chunk, packages crossing chunk ends', async () => {
    const count = 20000;
    const ids = Array.from({ length: count }, (_, i) => i);
    const packages = await readRepo([gzFile('primary', primaryXml(ids.map(simplePackage))), gzFile('filelists', filelistsXml(ids.map(filelistsPackage)))], true);
    expect(packages).toHaveLength(count);
    packages.forEach((pkg, i) => {
      expect(pkg.name).toBe(`p${i}`);
      expect(pkg.epoch).toBe(i % 3);
      expect(pkg.summary).toHaveLength(i % 500);
      expect(pkg.requires).toEqual([{ name: `dep${i}` }]);
      expect(pkg.files).toEqual([`/usr/bin/p${i}`, `/usr/share/p${i}`]);
    });
  });

  it('matches filelists entries written in another order by pkgid', async () => {
    const ids = [0, 1, 2, 3, 4];
    const packages = await readRepo([gzFile('primary', primaryXml(ids.map(simplePackage))), gzFile('filelists', filelistsXml([...ids].reverse().map(filelistsPackage)))], true);
    expect(packages.map((p) => p.files[1])).toEqual(ids.map((i) => `/usr/share/p${i}`));
    expect(packages.map((p) => p.dirs)).toEqual(ids.map((i) => [`/usr/share/p${i}`]));
  });
});
