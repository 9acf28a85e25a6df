import { beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { compareEvr, getValidArches, parseRpmFilename } from '@compose/rpm';
import { dummyRepo, initDummyCompose, runPkgsetCli, runTool } from './helpers.js';

interface Manifest {
  arches: string[];
  arch_repos: Record<string, string[]>;
  packages: { file: string; arch: string; tree_arches: string[]; path: string | null }[];
}

async function readManifest(composeDir: string): Promise<Manifest> {
  return (JSON.parse(await readFile(path.join(composeDir, 'work/global/pkgset.json'), 'utf8')) as { payload: Manifest }).payload;
}

/**
 * The expected set, from the repo's file list alone: for each tree arch, the packages whose arch
 * is valid for it (multilib arches for x86_64 and s390x, which the dummy config makes multilib),
 * newest version of each name.arch, noarch packages dropped where their SRPM's
 * ExclusiveArch/ExcludeArch (read with rpm itself) rules the tree arch out.
 */
async function expectedSets(): Promise<Record<string, string[]>> {
  const files = (await readdir(dummyRepo)).filter((f) => f.endsWith('.rpm'));
  const newest = new Map<string, { file: string; nevra: ReturnType<typeof parseRpmFilename> }>();
  for (const file of files) {
    const nevra = parseRpmFilename(file);
    const key = `${nevra.name}.${nevra.arch}`;
    const current = newest.get(key);
    if (!current || compareEvr(nevra, current.nevra) > 0) newest.set(key, { file, nevra });
  }
  const rules = new Map<string, { exclusive: string[]; exclude: string[] }>();
  const query = await runTool(['rpm', '-qp', '--nosignature', '--qf', '%{NAME}-%{VERSION}-%{RELEASE}.src.rpm|[%{EXCLUSIVEARCH} ]|[%{EXCLUDEARCH} ]\n', ...files.filter((f) => /\.(no)?src\.rpm$/.test(f)).map((f) => path.join(dummyRepo, f))]);
  for (const line of query.split('\n').filter(Boolean)) {
    const [srpm, exclusive, exclude] = line.split('|');
    rules.set(srpm as string, { exclusive: (exclusive ?? '').trim().split(/\s+/).filter(Boolean), exclude: (exclude ?? '').trim().split(/\s+/).filter(Boolean) });
  }
  const sourceOf = new Map<string, string>();
  for (const file of files) {
    if (/\.(no)?src\.rpm$/.test(file)) continue;
    const out = await runTool(['rpm', '-qp', '--nosignature', '--qf', '%{SOURCERPM}', path.join(dummyRepo, file)]);
    sourceOf.set(file, out.trim());
  }
  const result: Record<string, string[]> = {};
  for (const [treeArch, multilib] of [['x86_64', true], ['i386', false], ['s390x', true]] as const) {
    const arches = new Set(getValidArches(treeArch, { multilib, addNoarch: true }));
    const native = getValidArches(treeArch, { multilib: false });
    const binaries = [...newest.values()].filter(({ file, nevra }) => {
      if (!arches.has(nevra.arch)) return false;
      if (nevra.arch !== 'noarch') return true;
      const rule = rules.get(sourceOf.get(file) ?? '');
      if (!rule) return true;
      if (rule.exclude.some((a) => native.includes(a))) return false;
      return rule.exclusive.length === 0 || rule.exclusive.some((a) => native.includes(a));
    });
    const sourceNames = new Set(binaries.map(({ file }) => parseRpmFilename(sourceOf.get(file) ?? '').name));
    const sources = [...newest.values()].filter(({ nevra }) => (nevra.arch === 'src' || nevra.arch === 'nosrc') && sourceNames.has(nevra.name));
    result[treeArch] = [...binaries, ...sources].map((p) => p.file).sort();
  }
  result['src'] = [...new Set(Object.values(result).flat().filter((f) => /\.(no)?src\.rpm$/.test(f)))].sort();
  return result;
}

let composeDir: string;
let manifest: Manifest;

beforeAll(async () => {
  ({ composeDir } = await initDummyCompose(''));
  const run = await runPkgsetCli(['--compose-dir', composeDir]);
  expect(run.exitCode, run.stderr).toBe(0);
  manifest = await readManifest(composeDir);
});

describe('package set of the dummy product', () => {
  it('holds exactly the packages whose arch serves each tree arch (x86_64, i386, s390x, src)', async () => {
    const expected = await expectedSets();
    for (const arch of ['x86_64', 'i386', 's390x', 'src']) {
      const ours = manifest.packages.filter((p) => p.tree_arches.includes(arch)).map((p) => p.file).sort();
      expect(ours, arch).toEqual(expected[arch]);
    }
    expect(manifest.arches).toEqual(['i386', 's390x', 'x86_64']);
  });

  it('writes a per-arch repo that dnf loads, listing exactly that arch set', async () => {
    for (const arch of manifest.arches) {
      const repos = manifest.arch_repos[arch] ?? [];
      expect(repos.length).toBe(1);
      const repoDir = path.join(composeDir, repos[0] as string);
      const dnf = (...args: string[]) => runTool([
        'dnf', '-q', '--setopt=reposdir=/dev/null', `--repofrompath=ps,file://${repoDir}`, '--repo=ps', '--nogpgcheck',
        `--installroot=${path.join(composeDir, 'work', `dnfroot-${arch}`)}`, '--releasever=1', `--forcearch=${arch === 'i386' ? 'i686' : arch}`, ...args,
      ]);
      const listed = (await dnf('repoquery', '--qf', '%{location}')).split('\n').filter(Boolean);
      const expected = manifest.packages.filter((p) => p.tree_arches.includes(arch));
      expect(listed.map((l) => path.basename(l)).sort()).toEqual(expected.map((p) => p.file).sort());
      // Packages are not copied: xml:base points dnf at the source files, and it can fetch them.
      const downloads = path.join(composeDir, 'work', `download-${arch}`);
      await dnf('download', '--destdir', downloads, 'dummy-basesystem');
      expect(realpathSync(path.join(downloads, 'dummy-basesystem-10.0-6.noarch.rpm'))).toBeTruthy();
      expect(readFileSync(path.join(downloads, 'dummy-basesystem-10.0-6.noarch.rpm'))).toEqual(readFileSync(path.join(dummyRepo, 'dummy-basesystem-10.0-6.noarch.rpm')));
    }
  });
});
