import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ComposeError } from '@compose/errors';
import { checkSchema, readManifest, serializeJson, writeJsonAtomic, writeManifest, type ManifestKind } from '../src/index.js';

const kind: ManifestKind = {
  type: 'compose.example',
  version: '1.2',
  schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'string' } } } },
};

describe('manifests', () => {
  it('round-trips through an atomic write and leaves no temp files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'manifest-'));
    const file = path.join(dir, 'sub', 'example.json');
    await writeManifest(file, kind, { items: ['a', 'b'] });
    expect(await readManifest(file, kind)).toEqual({ items: ['a', 'b'] });
    expect(await readdir(path.dirname(file))).toEqual(['example.json']);
  });

  it('rejects another type, another major version and a bad payload with exit 2', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'manifest-'));
    const write = async (name: string, data: unknown) => {
      const file = path.join(dir, name);
      await writeFile(file, JSON.stringify(data));
      return readManifest(file, kind).catch((e: unknown) => e as ComposeError);
    };
    const wrongType = await write('a.json', { header: { type: 'compose.other', version: '1.0' }, payload: {} });
    expect(wrongType).toMatchObject({ code: 'MANIFEST_WRONG_TYPE', exitCode: 2 });
    const newerMajor = await write('b.json', { header: { type: 'compose.example', version: '2.0' }, payload: { items: [] } });
    expect(newerMajor).toMatchObject({ code: 'MANIFEST_VERSION' });
    expect((newerMajor as Error).message).toContain('reads 1.x');
    const sameMajor = await write('c.json', { header: { type: 'compose.example', version: '1.9' }, payload: { items: [] } });
    expect(sameMajor).toEqual({ items: [] });
    const invalid = await write('d.json', { header: { type: 'compose.example', version: '1.0' }, payload: { items: [3] } });
    expect(invalid).toMatchObject({ code: 'MANIFEST_INVALID' });
    expect((invalid as Error).message).toContain('/items/0');
    const garbage = path.join(dir, 'e.json');
    await writeFile(garbage, '{"header":');
    expect(await readManifest(garbage, kind).catch((e: unknown) => e)).toMatchObject({ code: 'MANIFEST_NOT_JSON' });
    expect(await readManifest(path.join(dir, 'missing.json'), kind).catch((e: unknown) => e)).toMatchObject({ code: 'MANIFEST_UNREADABLE' });
  });

  it('serializes like productmd: sorted keys, 4 spaces', async () => {
    expect(serializeJson({ b: 1, a: { d: [1], c: 2 } }, { sortKeys: true })).toBe('{\n    "a": {\n        "c": 2,\n        "d": [\n            1\n        ]\n    },\n    "b": 1\n}\n');
    const dir = await mkdtemp(path.join(tmpdir(), 'manifest-'));
    await writeJsonAtomic(path.join(dir, 'x.json'), { z: 1, y: 2 }, { sortKeys: true });
    expect(await readFile(path.join(dir, 'x.json'), 'utf8')).toBe('{\n    "y": 2,\n    "z": 1\n}\n');
  });

  it('returns schema problems as data', () => {
    const result = checkSchema(kind.schema, { items: 'no' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.pointer).toBe('/items');
  });
});
