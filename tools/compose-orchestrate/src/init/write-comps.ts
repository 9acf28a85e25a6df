import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildVariantComps, filterCompsForArch, parseCompsFile, writeCompsXml, type Comps } from '@compose/comps';
import { listAllVariants, type Variant } from '@compose/variants';
import { getWorkDir } from '@compose/compose-info';
import type { Logger } from '@compose/log';

export interface WrittenComps {
  global: string | null;
  arch: Record<string, string>;
  variant_arch: Record<string, string>;
}

/**
 * The init phase's comps files: the global copy, one per tree arch, and one per variant and
 * arch holding only that variant's groups and environments (what createrepo and gather use).
 */
export async function writeComposeComps(
  composeDir: string,
  compsFile: string | undefined,
  variants: readonly Variant[],
  arches: readonly string[],
  options: { filterEnvironments: boolean; log: Logger },
): Promise<WrittenComps> {
  const written: WrittenComps = { global: null, arch: {}, variant_arch: {} };
  if (!compsFile) {
    options.log.info('no comps_file: variants get no comps');
    return written;
  }
  const comps = await parseCompsFile(compsFile);
  written.global = await writeRelative(composeDir, path.join(getWorkDir(composeDir), 'comps', 'comps-global.xml'), writeCompsXml(comps));
  for (const arch of arches) {
    const archComps = filterCompsForArch(comps, arch);
    written.arch[arch] = await writeRelative(composeDir, path.join(getWorkDir(composeDir, arch), 'comps', `comps-${arch}.xml`), writeCompsXml(archComps));
  }
  for (const variant of listAllVariants(variants)) {
    for (const arch of variant.arches) {
      const { comps: variantComps, unmatchedGroups } = buildVariantComps(comps, variant, arch, {
        variants,
        filterEnvironments: options.filterEnvironments,
      });
      for (const group of unmatchedGroups) options.log.warn(`variant ${variant.uid}.${arch}: group '${group}' is not in ${path.basename(compsFile)}`);
      const file = path.join(getWorkDir(composeDir, arch), 'comps', `comps-${variant.uid}.${arch}.xml`);
      written.variant_arch[`${variant.uid}.${arch}`] = await writeRelative(composeDir, file, writeCompsXml(variantComps as Comps));
    }
  }
  return written;
}

async function writeRelative(composeDir: string, file: string, text: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, 'utf8');
  return path.relative(composeDir, file);
}
