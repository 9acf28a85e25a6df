import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTreefileKeys, getTreefilePackages, getTreefileRef, loadTreefile } from '../src/index.js';

async function writeFiles(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'treefile-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe('treefiles', () => {
  it('merges includes first: lists concatenate, the including file wins other keys', async () => {
    const dir = await writeFiles({
      'base.yaml': 'ref: base/ref\npackages: [a, b]\nrecommends: true\n',
      'middle.json': JSON.stringify({ include: 'base.yaml', packages: ['c'], documentation: false }),
      'top.json': JSON.stringify({ include: ['middle.json'], ref: 'top/${basearch}', packages: ['d e'], recommends: false }),
    });
    const treefile = await loadTreefile(path.join(dir, 'top.json'));
    expect(treefile).toEqual({ ref: 'top/${basearch}', packages: ['a', 'b', 'c', 'd e'], recommends: false, documentation: false });
    expect(getTreefilePackages(treefile, 'x86_64')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('adds packages-<basearch> and fills ${basearch} into the ref unless ostree_ref overrides it', () => {
    const treefile = { ref: 'fedora/${basearch}/coreos', packages: ['kernel'], 'packages-s390x': ['s390utils'], 'packages-x86_64': ['grub2'] };
    expect(getTreefilePackages(treefile, 's390x')).toEqual(['kernel', 's390utils']);
    expect(getTreefileRef(treefile, 's390x')).toBe('fedora/s390x/coreos');
    expect(getTreefileRef(treefile, 'x86_64', 'mine/${basearch}')).toBe('mine/x86_64');
    expect(() => getTreefileRef({}, 'x86_64')).toThrow(/no ref/);
  });

  it('refuses keys only rpm-ostree can honour, and reports ignored and unknown ones', async () => {
    expect(() => checkTreefileKeys({ ref: 'r', postprocess: ['echo'] })).toThrow(/postprocess without rpm-ostree is not implemented/);
    expect(checkTreefileKeys({ ref: 'r', selinux: true, 'packages-ppc64le': [], frobnicate: 1 })).toEqual({ ignored: ['selinux'], unknown: ['frobnicate'] });
  });

  it('names the broken file for bad syntax, a missing file and include loops', async () => {
    const dir = await writeFiles({ 'bad.json': '{', 'loop.json': JSON.stringify({ include: 'loop.json' }) });
    await expect(loadTreefile(path.join(dir, 'bad.json'))).rejects.toThrow(/bad\.json is not valid JSON/);
    await expect(loadTreefile(path.join(dir, 'none.json'))).rejects.toThrow(/none\.json does not exist/);
    await expect(loadTreefile(path.join(dir, 'loop.json'))).rejects.toThrow(/includes itself/);
  });
});
