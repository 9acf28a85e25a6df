import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findParentVariant, listAllVariants, parseVariantsFile, type Variant } from '@compose/variants';
import { describeMedia, describeVariantTree, parseDiscinfo, parseTreeinfo, renderDiscinfo, renderMediaRepo, renderTreeinfo } from '../src/index.js';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = path.resolve(workspaceRoot, '../shared');
const composeDir = path.join(shared, 'reference/pungi-dummy-compose/compose');
const variantsXml = path.join(shared, 'fixtures/pungi-dummy/dummy-variants.xml');
const release = { name: 'Dummy Product', short: 'DP', version: '1.0' };

interface TreeCase {
  dir: string;
  variant: Variant;
  parent: Variant | undefined;
  arch: string;
}

// Every non-empty, non-addon variant gets an os tree per arch and one source tree, as in Pungi.
async function listTreeCases(): Promise<TreeCase[]> {
  const roots = await parseVariantsFile(variantsXml);
  const cases: TreeCase[] = [];
  for (const variant of listAllVariants(roots)) {
    if (variant.type === 'addon' || variant.isEmpty) continue;
    const parent = findParentVariant(roots, variant);
    for (const arch of variant.arches) cases.push({ dir: `${variant.uid}/${arch}/os`, variant, parent, arch });
    cases.push({ dir: `${variant.uid}/source/tree`, variant, parent, arch: 'src' });
  }
  return cases;
}

const cases = await listTreeCases();

describe('reference trees of the Pungi dummy compose', () => {
  it('covers exactly the trees that have a .treeinfo in the reference', async () => {
    const inReference = (await readdir(composeDir, { recursive: true }))
      .filter((file) => path.basename(file) === '.treeinfo')
      .map((file) => path.dirname(file))
      .sort();
    expect(cases.map((c) => c.dir).sort()).toEqual(inReference);
    expect(inReference).toContain('Server-Gluster/source/tree');
    expect(inReference).toHaveLength(21);
  });

  for (const treeCase of cases) {
    describe(treeCase.dir, () => {
      it('renders the same .treeinfo from variants.xml and the release', async () => {
        const expected = await readFile(path.join(composeDir, treeCase.dir, '.treeinfo'), 'utf8');
        const buildTimestamp = parseTreeinfo(expected).buildTimestamp;
        const data = describeVariantTree({ release, variant: treeCase.variant, parent: treeCase.parent, arch: treeCase.arch, buildTimestamp });
        expect(renderTreeinfo(data)).toBe(expected);
      });

      it('round-trips the .treeinfo through parseTreeinfo', async () => {
        const expected = await readFile(path.join(composeDir, treeCase.dir, '.treeinfo'), 'utf8');
        expect(renderTreeinfo(parseTreeinfo(expected))).toBe(expected);
      });

      it('renders the same .discinfo and media.repo', async () => {
        const discinfo = await readFile(path.join(composeDir, treeCase.dir, '.discinfo'), 'utf8');
        const mediaRepo = await readFile(path.join(composeDir, treeCase.dir, 'media.repo'), 'utf8');
        const { timestamp } = parseDiscinfo(discinfo);
        const description = describeMedia({ release, variant: treeCase.variant, arch: treeCase.arch });
        expect(renderDiscinfo({ timestamp, description, arch: treeCase.arch })).toBe(discinfo);
        expect(renderMediaRepo({ name: description, mediaId: timestamp })).toBe(mediaRepo);
      });
    });
  }
});
