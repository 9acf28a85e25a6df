import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listAllVariants, parseVariantsFile } from '@compose/variants';
import { buildVariantComps, parseCompsFile, parseCompsXml, writeCompsXml, type Comps } from '@compose/comps';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = path.resolve(workspaceRoot, '../shared');
const fixtures = path.join(shared, 'fixtures/pungi-dummy');
const referenceCompose = path.join(shared, 'reference/pungi-dummy-compose/compose');

/** Every `<checksum>-comps-<Variant uid>.<arch>.xml` createrepo_c copied into the reference trees. */
function findReferenceComps(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      const match = /^[0-9a-f]{64}-comps-(.+)\.xml$/.exec(entry.name);
      if (entry.isFile() && match?.[1] && full.includes('/os/')) found.set(match[1], full);
    }
  };
  walk(referenceCompose);
  return found;
}

/** What a comps consumer sees: groups with their flags and packages, environments with their lists. */
function summarise(comps: Comps): unknown {
  return {
    groups: comps.groups
      .map((g) => ({
        id: g.id,
        default: g.default ?? false,
        uservisible: g.uservisible ?? true,
        packages: g.packages.map((p) => [p.name, p.type ?? 'mandatory', p.requires ?? null]).sort(),
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    environments: comps.environments
      .map((e) => ({ id: e.id, displayOrder: e.displayOrder, groups: e.groups.map((r) => r.id).sort(), options: e.options.map((r) => r.id).sort() }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    langpacks: comps.langpacks.length,
  };
}

describe('per-variant comps against the reference compose', async () => {
  const variants = await parseVariantsFile(path.join(fixtures, 'dummy-variants.xml'));
  const globalComps = await parseCompsFile(path.join(fixtures, 'dummy-comps.xml'));
  const reference = findReferenceComps();
  const cases = listAllVariants(variants)
    .filter((v) => !v.isEmpty)
    .flatMap((v) => v.arches.map((arch) => ({ variant: v, arch, key: `${v.uid}.${arch}` })));

  it('covers every comps file of the reference', () => {
    expect(cases.map((c) => c.key).sort()).toEqual([...reference.keys()].sort());
  });

  for (const { variant, arch, key } of cases) {
    it(`${key}: same groups, packages and environments`, () => {
      const ours = buildVariantComps(globalComps, variant, arch, { variants }).comps;
      const theirs = parseCompsXml(readFileSync(reference.get(key) ?? '', 'utf8'), key);
      expect(summarise(ours)).toEqual(summarise(theirs));
    });

    it(`${key}: byte-identical XML`, () => {
      const ours = writeCompsXml(buildVariantComps(globalComps, variant, arch, { variants }).comps);
      expect(ours).toBe(readFileSync(reference.get(key) ?? '', 'utf8'));
    });
  }
});
