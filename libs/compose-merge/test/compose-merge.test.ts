import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, stat, symlink, writeFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkTree, mergeMetadataDocument, writeMergedMetadata, type ProductmdDocument } from '@compose/compose-merge';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const reference = path.resolve(repoRoot, '../shared/reference/pungi-multi-compose');
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

describe('writeMergedMetadata', () => {
  it("merges the real Pungi parts' metadata into the reference's final metadata, byte for byte", async () => {
    const finalInfo = await readJson(path.join(reference, 'compose/metadata/composeinfo.json'));
    const base: ProductmdDocument = { header: finalInfo.header, payload: { ...finalInfo.payload, variants: {} } };
    const partDirs = (await readdir(path.join(reference, 'parts'))).sort().map((p) => path.join(reference, 'parts', p, 'compose/metadata'));
    const out = await mkdtemp(path.join(tmpdir(), 'merge-'));
    const written = await writeMergedMetadata({ metadataDir: out, baseComposeInfo: base, sources: partDirs });
    expect(written).toEqual(['composeinfo.json', 'images.json', 'modules.json', 'rpms.json']);
    for (const name of written) {
      expect(await readFile(path.join(out, name), 'utf8'), name).toBe(await readFile(path.join(reference, 'compose/metadata', name), 'utf8'));
    }
  });
});

describe('mergeMetadataDocument', () => {
  const compose = { id: 'multi-1.0-20261122.n.0', date: '20261122', type: 'nightly', respin: 0 };
  const images = (variant: string, arch: string, paths: string[]): ProductmdDocument => ({
    header: { type: 'productmd.images', version: '1.2' },
    payload: { compose: { id: `${variant}-1.0-20261122.n.0`, date: '20261122', type: 'nightly', respin: 0 }, images: { [variant]: { [arch]: paths.map((p) => ({ path: p })) } } },
  });

  it('gives the first copy the final compose identity and merges arches of one variant', () => {
    const first = mergeMetadataDocument(undefined, images('Server', 'x86_64', ['a.iso']), compose);
    expect(first.payload['compose']).toEqual(compose);
    const second = mergeMetadataDocument(first, images('Server', 's390x', ['b.iso']), compose);
    const third = mergeMetadataDocument(second, images('Server', 'x86_64', ['c.iso']), compose);
    expect(third.payload['images']).toEqual({ Server: { s390x: [{ path: 'b.iso' }], x86_64: [{ path: 'c.iso' }] } });
    expect(first.payload['images']).toEqual({ Server: { x86_64: [{ path: 'a.iso' }] } });
  });

  it('replaces whole variants in composeinfo and merges unknown documents key by key', () => {
    const info = (variants: Record<string, unknown>): ProductmdDocument => ({ header: { type: 'productmd.composeinfo', version: '1.2' }, payload: { compose, variants } });
    const merged = mergeMetadataDocument(info({ A: { arches: ['x86_64'], paths: { os_tree: { x86_64: 'A' } } } }), info({ A: { arches: ['s390x'] } }), compose);
    expect(merged.payload['variants']).toEqual({ A: { arches: ['s390x'] } });
    const osbs = mergeMetadataDocument({ a: 1 } as unknown as ProductmdDocument, { b: 2 } as unknown as ProductmdDocument, compose);
    expect(osbs).toEqual({ a: 1, b: 2 });
  });
});

describe('linkTree', () => {
  it('hard-links every file, keeps symlinks, replaces other files and skips identical ones', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'link-'));
    const src = path.join(root, 'src');
    await mkdir(path.join(src, 'os/Packages/d'), { recursive: true });
    await writeFile(path.join(src, 'os/Packages/d/d.rpm'), 'rpm');
    await writeFile(path.join(src, 'os/.treeinfo'), 'new');
    await symlink('Packages', path.join(src, 'os/link'));
    const dst = path.join(root, 'dst');
    await mkdir(path.join(dst, 'os'), { recursive: true });
    await writeFile(path.join(dst, 'os/.treeinfo'), 'old');
    await writeFile(path.join(dst, 'os/other'), 'kept');

    expect(await linkTree(src, dst)).toEqual({ files: 3, unchanged: 0 });
    expect((await stat(path.join(dst, 'os/Packages/d/d.rpm'))).ino).toBe((await stat(path.join(src, 'os/Packages/d/d.rpm'))).ino);
    expect(await readFile(path.join(dst, 'os/.treeinfo'), 'utf8')).toBe('new');
    expect(await readFile(path.join(dst, 'os/other'), 'utf8')).toBe('kept');
    expect(await readlink(path.join(dst, 'os/link'))).toBe('Packages');
    expect(await linkTree(src, dst)).toEqual({ files: 1, unchanged: 2 });
  });
});
