import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildComposeInfo,
  dropMissingPaths,
  formatProductmdJson,
  serializeComposeInfo,
  writeComposeInfo,
  type ComposeInfoInput,
  type ComposeVariant,
} from '@compose/compose-info';

const here = path.dirname(fileURLToPath(import.meta.url));
const REFERENCE = path.resolve(here, '../../../../shared/reference/pungi-dummy-compose/compose/metadata/composeinfo.json');

function variant(fields: Partial<ComposeVariant> & Pick<ComposeVariant, 'id' | 'name' | 'arches'>, parent?: string): ComposeVariant {
  return {
    uid: parent ? `${parent}-${fields.id}` : fields.id,
    type: 'variant',
    children: [],
    ...(parent ? { parent } : {}),
    ...fields,
  };
}

// The variants of shared/fixtures/pungi-dummy/dummy-variants.xml, written out by hand.
function buildDummyVariants(): ComposeVariant[] {
  const server: ComposeVariant = variant({
    id: 'Server', name: 'Server', arches: ['x86_64', 's390x'],
    children: [
      variant({ id: 'ResilientStorage', name: 'Resilient Storage', type: 'addon', arches: ['x86_64'] }, 'Server'),
      variant({
        id: 'Gluster', name: 'Gluster Layered Product', type: 'layered-product', arches: ['x86_64'],
        release: { name: 'Gluster', short: 'Gluster', version: '2.3' },
      }, 'Server'),
      variant({ id: 'optional', name: 'optional', type: 'optional', arches: ['x86_64', 's390x'] }, 'Server'),
    ],
  });
  const client = variant({
    id: 'Client', name: 'Client', arches: ['i386', 'x86_64'],
    children: [variant({ id: 'optional', name: 'optional', type: 'optional', arches: ['i386', 'x86_64'] }, 'Client')],
  });
  return [
    variant({ id: 'Live', name: 'Live', arches: ['x86_64'], isEmpty: true }),
    variant({ id: 'Everything', name: 'Everything', arches: ['i386', 'x86_64'] }),
    client,
    server,
    variant({ id: 'Foo-Tools', name: 'Tools', arches: ['x86_64'] }),
    variant({ id: 'Bar-Tools', name: 'Tools', arches: ['x86_64'] }),
  ];
}

const DUMMY_INPUT: ComposeInfoInput = {
  composeId: 'DP-1.0-20261122.t.0',
  date: '20261122',
  respin: 0,
  type: 'test',
  release: { name: 'Dummy Product', short: 'DP', version: '1.0', type: 'ga', internal: false },
  variants: buildDummyVariants(),
};

describe('composeinfo.json', () => {
  it('is byte-identical to Pungi\'s for the dummy product', async () => {
    const reference = await readFile(REFERENCE, 'utf8');
    expect(serializeComposeInfo(buildComposeInfo(DUMMY_INPUT))).toBe(reference);
  });

  it('writes the file atomically in the same form', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'composeinfo-'));
    try {
      const file = path.join(dir, 'composeinfo.json');
      await writeComposeInfo(file, buildComposeInfo(DUMMY_INPUT));
      expect(await readFile(file, 'utf8')).toBe(await readFile(REFERENCE, 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('records label, final flag and base product as productmd does', () => {
    const info = buildComposeInfo({
      ...DUMMY_INPUT,
      label: 'RC-1.0',
      release: { name: 'Gluster', short: 'Gluster', version: '2.3', type: 'updates' },
      baseProduct: { name: 'Dummy Product', short: 'DP', version: '1' },
      variants: [],
    });
    expect(info.payload.compose).toEqual({ id: 'DP-1.0-20261122.t.0', type: 'test', date: '20261122', respin: 0, label: 'RC-1.0', final: true });
    expect(info.payload.release).toEqual({ name: 'Gluster', short: 'Gluster', version: '2.3', type: 'updates', internal: false, is_layered: true });
    expect(info.payload.base_product).toEqual({ name: 'Dummy Product', short: 'DP', version: '1', type: 'ga' });
    expect(buildComposeInfo({ ...DUMMY_INPUT, label: 'Beta-1.0' }).payload.compose.final).toBe(false);
    expect(() => buildComposeInfo({ ...DUMMY_INPUT, label: 'beta' })).toThrow(/label/);
  });

  it('gives optional variants ISO paths only with createOptionalIsos', () => {
    const info = buildComposeInfo({ ...DUMMY_INPUT, createOptionalIsos: true });
    expect(info.payload.variants['Server-optional']!.paths.isos).toEqual({ s390x: 'Server-optional/s390x/iso', x86_64: 'Server-optional/x86_64/iso' });
    expect(info.payload.variants['Server-ResilientStorage']!.paths.isos).toBeUndefined();
  });

  it('drops paths whose directories do not exist, as Pungi does before writing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'composeinfo-'));
    try {
      await mkdir(path.join(dir, 'compose/Everything/x86_64/os/Packages'), { recursive: true });
      await mkdir(path.join(dir, 'compose/Everything/source/tree'), { recursive: true });
      const info = await dropMissingPaths(buildComposeInfo(DUMMY_INPUT), dir);
      expect(info.payload.variants['Everything']!.paths).toEqual({
        os_tree: { x86_64: 'Everything/x86_64/os' },
        packages: { x86_64: 'Everything/x86_64/os/Packages' },
        repository: { x86_64: 'Everything/x86_64/os' },
        source_tree: { i386: 'Everything/source/tree', x86_64: 'Everything/source/tree' },
        source_repository: { i386: 'Everything/source/tree', x86_64: 'Everything/source/tree' },
      });
      expect(info.payload.variants['Server']!.paths).toEqual({});
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('formatProductmdJson', () => {
  it('sorts keys, indents by 4 and escapes non-ASCII like Python json.dump', () => {
    expect(formatProductmdJson({ b: [1, {}], a: 'Čeština', c: [] })).toBe(
      '{\n    "a": "\\u010ce\\u0161tina",\n    "b": [\n        1,\n        {}\n    ],\n    "c": []\n}',
    );
  });

  it('re-serializes Pungi\'s multi-part composeinfo (indent 2) unchanged', async () => {
    const multi = path.resolve(here, '../../../../shared/reference/pungi-multi-compose/compose/metadata/composeinfo.json');
    const text = await readFile(multi, 'utf8');
    expect(formatProductmdJson(JSON.parse(text), 2)).toBe(text);
  });
});
