import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '@compose/exec';
import { readRpmHeader } from '@compose/rpm-header';

// Packages the fixtures lack: explicit epochs and a main header larger than the first 64 KiB read.
function writeSpec(name: string, epoch: number, provides: number): string {
  const lines = [`Name: ${name}`, 'Version: 1.0', 'Release: 2', `Epoch: ${epoch}`, 'Summary: built by the rpm-header tests', 'License: MIT', 'BuildArch: noarch'];
  lines.push('ExclusiveArch: x86_64 aarch64 noarch', 'ExcludeArch: s390x');
  for (let i = 1; i <= provides; i++) lines.push(`Provides: virtual-capability-number-${i} = 1.0`);
  lines.push('%description', 'test package', '%files', '');
  return lines.join('\n');
}

describe('readRpmHeader on packages built with rpmbuild', () => {
  let work: string;
  const built = new Map<string, string>();

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'rpm-header-build-'));
    for (const [name, epoch, provides] of [['big-header', 3, 4000], ['zero-epoch', 0, 1]] as const) {
      const spec = path.join(work, `${name}.spec`);
      await writeFile(spec, writeSpec(name, epoch, provides));
      await runTool(['rpmbuild', '-ba', '--define', `_topdir ${path.join(work, 'top')}`, spec]);
    }
    for (const dir of ['top/RPMS/noarch', 'top/SRPMS']) {
      for (const file of await readdir(path.join(work, dir))) built.set(file, path.join(work, dir, file));
    }
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('reads a header larger than the first read', async () => {
    const info = await readRpmHeader(built.get('big-header-1.0-2.noarch.rpm')!);
    expect(info.headerRange.end).toBeGreaterThan(64 * 1024);
    expect(info).toMatchObject({ name: 'big-header', epoch: 3, version: '1.0', release: '2', arch: 'noarch', isSource: false });
    expect(info.provides).toHaveLength(4001);
    expect(info.provides).toContain('virtual-capability-number-4000');
  });

  it('reads ExclusiveArch and ExcludeArch, which rpmbuild keeps only in the source package', async () => {
    const source = await readRpmHeader(built.get('big-header-1.0-2.src.rpm')!);
    expect(source).toMatchObject({ arch: 'src', isSource: true, sourcerpm: null, epoch: 3 });
    expect(source.exclusiveArch).toEqual(['x86_64', 'aarch64', 'noarch']);
    expect(source.excludeArch).toEqual(['s390x']);
    const binary = await readRpmHeader(built.get('big-header-1.0-2.noarch.rpm')!);
    expect(binary.sourcerpm).toBe('big-header-1.0-2.src.rpm');
    expect([binary.exclusiveArch, binary.excludeArch]).toEqual([[], []]);
  });

  it('keeps an explicit epoch 0 apart from no epoch', async () => {
    expect((await readRpmHeader(built.get('zero-epoch-1.0-2.noarch.rpm')!)).epoch).toBe(0);
  });

  it('agrees with rpm -qp', async () => {
    const files = [...built.values()];
    const { stdout } = await runTool(['rpm', '-qp', '--qf', '%{NAME} %{EPOCH} %{VERSION} %{RELEASE} %{ARCH} %{SOURCERPM}\\n', ...files]);
    const read = await Promise.all(files.map(async (file) => {
      const info = await readRpmHeader(file);
      return `${info.name} ${info.epoch} ${info.version} ${info.release} ${info.arch} ${info.sourcerpm}`;
    }));
    // rpm prints a source package's build arch where we say "src".
    expect(read.join('\n')).toBe(stdout.trimEnd().replace(/ noarch \(none\)$/gm, ' src null').replace(/\(none\)/g, 'null'));
  });
});
