import { readFile, mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createImagesDocument, listImages, parseImages, putImages, readImages, serializeImages, writeImages } from '@compose/images';

const here = path.dirname(fileURLToPath(import.meta.url));
const referenceFile = path.resolve(here, '../../../../shared/reference/pungi-dummy-compose/compose/metadata/images.json');

describe('images.json', () => {
  it('rebuilds the reference byte for byte from its own entries, in any insertion order', async () => {
    const text = await readFile(referenceFile, 'utf8');
    const reference = parseImages(text, referenceFile);
    const placements = listImages(reference).reverse();
    expect(placements).toHaveLength(22);
    const rebuilt = putImages(createImagesDocument(reference.payload.compose), placements);
    expect(serializeImages(rebuilt)).toBe(text.replace(/\n$/, ''));
  });

  it('replaces an entry with the same path instead of duplicating it', () => {
    const doc = createImagesDocument({ date: '20261122', id: 'X-1-20261122.t.0', respin: 0, type: 'test' });
    const image = { arch: 'x86_64', bootable: false, checksums: {}, disc_count: 1, disc_number: 1, format: 'iso', implant_md5: null, mtime: 1, path: 'S/x86_64/iso/a.iso', size: 1, subvariant: 'S', type: 'dvd', volume_id: 'V' };
    putImages(doc, [{ variant: 'S', arch: 'x86_64', image }]);
    putImages(doc, [{ variant: 'S', arch: 'x86_64', image: { ...image, size: 2 } }]);
    expect(listImages(doc).map((p) => p.image.size)).toEqual([2]);
  });

  it('reads nothing from a compose without images.json and refuses foreign metadata', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'images-'));
    expect(await readImages(dir)).toBeUndefined();
    await mkdir(path.join(dir, 'compose/metadata'), { recursive: true });
    await writeFile(path.join(dir, 'compose/metadata/images.json'), JSON.stringify({ header: { type: 'productmd.rpms', version: '1.2' }, payload: {} }));
    await expect(readImages(dir)).rejects.toThrow(/not productmd.images/);
    const doc = createImagesDocument({ date: '20261122', id: 'X', respin: 0, type: 'test' });
    await writeImages(dir, doc);
    expect((await readImages(dir))?.payload.compose.id).toBe('X');
  });
});
