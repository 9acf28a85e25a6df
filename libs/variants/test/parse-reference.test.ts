import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listAllVariants, parseVariantsFile, findVariantByUid, indexVariantsByUid, type Variant } from '@compose/variants';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = path.resolve(workspaceRoot, '../shared');
const fixtures = path.join(shared, 'fixtures/pungi-dummy');

interface ComposeinfoVariant {
  id: string;
  uid: string;
  name: string;
  type: string;
  arches: string[];
  variants?: string[];
  release?: { name: string; short: string; version: string };
}

function readReferenceVariants(): Map<string, ComposeinfoVariant> {
  const file = path.join(shared, 'reference/pungi-dummy-compose/compose/metadata/composeinfo.json');
  const ci = JSON.parse(readFileSync(file, 'utf8')) as { payload: { variants: Record<string, ComposeinfoVariant> } };
  return new Map(Object.entries(ci.payload.variants));
}

// productmd lists children by their id under the parent's "variants"; derive each child's parent from that.
function referenceParents(reference: Map<string, ComposeinfoVariant>): Map<string, string> {
  const parents = new Map<string, string>();
  for (const [uid, v] of reference) for (const childId of v.variants ?? []) parents.set(`${uid}-${childId}`, uid);
  return parents;
}

describe('dummy-variants.xml', () => {
  it('gives the variants of the reference composeinfo.json (uid, id, name, type, arches, parent)', async () => {
    const variants = await parseVariantsFile(path.join(fixtures, 'dummy-variants.xml'));
    const reference = readReferenceVariants();
    const parents = referenceParents(reference);
    const ours = listAllVariants(variants).map((v) => [v.uid, v.metadataId, v.name, v.type, v.arches, v.parent ?? null]);
    const theirs = [...reference.values()].map((v) => [v.uid, v.id, v.name, v.type, [...v.arches].sort(), parents.get(v.uid) ?? null]);
    const byUid = (a: unknown[], b: unknown[]): number => String(a[0]).localeCompare(String(b[0]));
    expect(ours.sort(byUid)).toEqual(theirs.sort(byUid));
  });

  it('keeps the XML id for uids and strips dashes only for metadata', async () => {
    const variants = await parseVariantsFile(path.join(fixtures, 'dummy-variants.xml'));
    const bar = findVariantByUid(variants, 'Bar-Tools');
    expect(bar).toMatchObject({ id: 'Bar-Tools', uid: 'Bar-Tools', metadataId: 'BarTools' });
    expect(bar?.parent).toBeUndefined();
  });

  it('reads groups, environments, release, is_empty and has_optional', async () => {
    const all = indexVariantsByUid(await parseVariantsFile(path.join(fixtures, 'dummy-variants.xml')));
    const client = all.get('Client') as Variant;
    expect(client.groups).toEqual([
      { id: 'core', glob: false, default: true },
      { id: 'firefox', glob: false, default: true, uservisible: false },
      { id: 'skype', glob: false },
      { id: 'standard', glob: false, default: true },
      { id: 'text-internet', glob: false, default: false },
    ]);
    expect(client.environments).toEqual([{ id: 'desktop', displayOrder: 1000 }, { id: 'minimal' }]);
    expect(client.hasOptional).toBe(true);
    expect(all.get('Client-optional')).toMatchObject({ origin: 'has_optional', groups: [], arches: ['i386', 'x86_64'] });
    expect(all.get('Server-Gluster')?.release).toEqual({ name: 'Gluster', short: 'Gluster', version: '2.3' });
    expect(all.get('Live')?.isEmpty).toBe(true);
    expect(all.get('Everything')?.isEmpty).toBe(false);
    expect(all.get('Server-optional')).toMatchObject({ origin: 'nested', groups: [{ id: 'firefox', glob: false, default: false }] });
  });

  it('lists variants in Pungi order: variants, then addons and layered products, then optionals', async () => {
    const variants = await parseVariantsFile(path.join(fixtures, 'dummy-variants.xml'));
    expect(listAllVariants(variants).map((v) => v.uid)).toEqual([
      'Bar-Tools', 'Client', 'Everything', 'Foo-Tools', 'Live', 'Server',
      'Server-Gluster', 'Server-ResilientStorage', 'Client-optional', 'Server-optional',
    ]);
    expect(listAllVariants(variants, { arch: 's390x' }).map((v) => v.uid)).toEqual(['Server', 'Server-optional']);
  });
});

describe('multi-compose-variants.xml', () => {
  it('parses three plain variants', async () => {
    const variants = await parseVariantsFile(path.join(fixtures, 'multi-compose-variants.xml'));
    expect(listAllVariants(variants).map((v) => [v.uid, v.type, v.arches, v.children.length])).toEqual([
      ['Client', 'variant', ['i386', 'x86_64'], 0],
      ['ResilientStorage', 'variant', ['x86_64'], 0],
      ['Server', 'variant', ['s390x', 'x86_64'], 0],
    ]);
  });
});
