import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filterVariants, listAllVariants, parseVariantsFile, parseVariantsXml } from '@compose/variants';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dummy = path.resolve(workspaceRoot, '../shared/fixtures/pungi-dummy/dummy-variants.xml');

const uidsAndArches = (variants: ReturnType<typeof listAllVariants>): string[] =>
  listAllVariants(variants).map((v) => `${v.uid}:${v.arches.join(',')}`);

describe('filterVariants', () => {
  it('tree_arches drops arches and the variants left without any, children included', async () => {
    const filtered = filterVariants(await parseVariantsFile(dummy), { treeArches: ['s390x'] });
    expect(uidsAndArches(filtered)).toEqual(['Server:s390x', 'Server-optional:s390x']);
  });

  it('tree_arches restricts the implied optional to the filtered parent arches', async () => {
    const filtered = filterVariants(await parseVariantsFile(dummy), { treeArches: ['i386'] });
    expect(uidsAndArches(filtered)).toEqual(['Client:i386', 'Everything:i386', 'Client-optional:i386']);
  });

  it('tree_variants keeps only listed uids; children must be listed too', async () => {
    const filtered = filterVariants(await parseVariantsFile(dummy), { treeVariants: ['Server', 'Server-optional', 'ResilientStorage'] });
    expect(uidsAndArches(filtered)).toEqual(['Server:s390x,x86_64', 'Server-optional:s390x,x86_64']);
  });

  it('removing a parent removes its children even when they are listed', async () => {
    const filtered = filterVariants(await parseVariantsFile(dummy), { treeVariants: ['Client', 'Server-optional'] });
    expect(uidsAndArches(filtered)).toEqual(['Client:i386,x86_64']);
  });

  it('gives the same tree as filtering while parsing, and an empty filter changes nothing', async () => {
    const parsed = await parseVariantsFile(dummy);
    expect(filterVariants(parsed, {})).toEqual(parsed);
    const options = { treeArches: ['x86_64'], treeVariants: ['Server', 'Server-Gluster', 'Client', 'Client-optional'] };
    expect(filterVariants(parsed, options)).toEqual(await parseVariantsFile(dummy, options));
  });

  it('recreates the implied optional when an explicit optional child was filtered out', () => {
    const xml = `<variants>
      <variant id="S" name="S" type="variant" has_optional="true">
        <arches><arch>x86_64</arch><arch>ppc64le</arch></arches>
        <variants>
          <variant id="optional" name="optional" type="optional">
            <arches><arch>ppc64le</arch></arches>
            <groups><group>g</group></groups>
          </variant>
        </variants>
      </variant></variants>`;
    const parsed = parseVariantsXml(xml, 'v.xml');
    expect(listAllVariants(parsed).map((v) => [v.uid, v.origin, v.arches])).toEqual([['S', 'top-level', ['ppc64le', 'x86_64']], ['S-optional', 'nested', ['ppc64le']]]);
    const filtered = filterVariants(parsed, { treeArches: ['x86_64'] });
    expect(listAllVariants(filtered).map((v) => [v.uid, v.origin, v.arches, v.groups.length])).toEqual([['S', 'top-level', ['x86_64'], 0], ['S-optional', 'has_optional', ['x86_64'], 0]]);
  });

  it('restricts a referenced addon to each parent\'s arches', () => {
    const xml = `<variants>
      <variant id="Addon" name="Addon" type="addon"><arches><arch>x86_64</arch><arch>s390x</arch></arches></variant>
      <variant id="A" name="A" type="variant"><arches><arch>x86_64</arch></arches><variants><ref id="Addon"/></variants></variant>
      <variant id="B" name="B" type="variant"><arches><arch>s390x</arch><arch>x86_64</arch></arches><variants><ref id="Addon"/></variants></variant>
    </variants>`;
    expect(uidsAndArches(parseVariantsXml(xml, 'v.xml'))).toEqual(['A:x86_64', 'B:s390x,x86_64', 'A-Addon:x86_64', 'B-Addon:s390x,x86_64']);
  });
});
