import { describe, expect, it } from 'vitest';
import { readRepomdRecords, renderProgressBar, type ProgressState } from '@compose/repo-fetch';

const state: ProgressState = { phase: 'packages', doneBytes: 512 * 1024, totalBytes: 1024 * 1024, doneFiles: 3, totalFiles: 7, current: 'Packages/d/dummy-bash-4.2.37-6.x86_64.rpm' };

describe('renderProgressBar', () => {
  it('draws a half-full bar with counts, bytes and the current file', () => {
    const line = renderProgressBar(state, 100);
    expect(line.length).toBeLessThanOrEqual(100);
    expect(line).toMatch(/^packages \[#+-+\] 3\/7 files 512\.0 KiB\/1\.0 MiB 50% dummy-bash-4\.2\.37-6\.x86_64\.rpm$/);
    const bar = /\[([#-]+)\]/.exec(line)?.[1] ?? '';
    expect(bar.split('#').length - 1).toBe(Math.floor(bar.length / 2));
  });

  it('drops detail rather than overflow a narrow terminal', () => {
    for (const width of [20, 30, 45, 60]) expect(renderProgressBar(state, width).length).toBeLessThanOrEqual(width);
    expect(renderProgressBar(state, 25)).toMatch(/^packages \[[#-]{10,}\]/);
  });

  it('uses file counts when sizes are unknown and never exceeds 100%', () => {
    expect(renderProgressBar({ ...state, totalBytes: 0, doneBytes: 0, doneFiles: 7 }, 80)).toContain(' 100%');
    expect(renderProgressBar({ ...state, doneBytes: 5 * 1024 * 1024 }, 80)).toContain(' 100%');
  });
});

describe('readRepomdRecords', () => {
  it('reads type, location, checksum and size, accepting prefixed elements and "sha"', () => {
    const xml = `<?xml version="1.0"?><repo:repomd xmlns:repo="http://linux.duke.edu/metadata/repo">
      <repo:data type="primary"><repo:checksum type="SHA">${'A'.repeat(40)}</repo:checksum>
      <repo:location href="repodata/p.xml.gz" xml:base="http://elsewhere/"/><repo:size>12</repo:size></repo:data>
      <repo:data type="modules"><repo:checksum type="sha256">${'b'.repeat(64)}</repo:checksum><repo:location href="repodata/m.yaml.gz"/></repo:data>
    </repo:repomd>`;
    expect(readRepomdRecords(xml, 'repomd.xml')).toEqual([
      { type: 'primary', href: 'repodata/p.xml.gz', base: 'http://elsewhere/', checksum: { type: 'sha1', value: 'a'.repeat(40) }, size: 12 },
      { type: 'modules', href: 'repodata/m.yaml.gz', checksum: { type: 'sha256', value: 'b'.repeat(64) } },
    ]);
  });

  it('refuses locations that would write outside the repo view', () => {
    const xml = `<repomd><data type="primary"><checksum type="sha256">${'b'.repeat(64)}</checksum><location href="../../etc/x"/></data></repomd>`;
    expect(() => readRepomdRecords(xml, 'repomd.xml')).toThrow(/points outside the repo/);
  });

  it('rejects a checksum of the wrong length', () => {
    const xml = `<repomd><data type="primary"><checksum type="sha256">abc</checksum><location href="repodata/p"/></data></repomd>`;
    expect(() => readRepomdRecords(xml, 'repomd.xml')).toThrow(/is not a sha256 checksum/);
  });
});
