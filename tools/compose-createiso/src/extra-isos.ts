import path from 'node:path';
import { InputError } from '@compose/errors';
import type { ComposeManifest, ComposeManifestVariant } from '@compose/contracts';
import { getIsoDir, getOsTreeDir, getWorkDir } from '@compose/compose-info';
import { getVariantValue } from '@compose/config';
import { formatNameTemplate } from '@compose/iso';
import { findBootTree, toVariantRef, type IsoJob, type PlanContext } from './plan-isos.js';
import { getDiscType, getFormatValues, getImageName, getVolumeId } from './media-names.js';

/** One entry of the extra_isos option, defaults filled in. */
export interface ExtraIsoConfig {
  include_variants: string[];
  filename?: string;
  volid?: string | string[];
  extra_files?: unknown;
  arches?: string[];
  failable_arches?: string[];
  skip_src?: boolean;
  inherit_extra_files?: boolean;
  max_size?: number;
}

/**
 * The extra_isos phase's images (Pungi's ExtraIsosPhase): for every variant with extra_isos
 * entries, one ISO per arch of the variant (limited by `arches`) plus source unless skip_src,
 * holding the variant and its include_variants side by side.
 */
export function planExtraIsos(context: PlanContext): IsoJob[] {
  const { compose, composeDir } = context;
  const jobs: IsoJob[] = [];
  for (const variant of compose.variants) {
    if (variant.type !== 'variant') continue;
    const configs = getVariantValue(compose.config as never, 'extra_isos', variant.uid) as ExtraIsoConfig[];
    configs.forEach((config, index) => {
      const includeVariants = toList(config.include_variants);
      for (const name of includeVariants) checkIncluded(compose, variant, name);
      let arches = new Set(variant.arches);
      if (config.arches?.length) arches = new Set([...arches].filter((arch) => config.arches!.includes(arch)));
      if (!config.skip_src) arches.add('src');
      for (const arch of [...arches].sort()) {
        const filename = getExtraIsoName(compose, variant, arch, config.filename);
        const regularVolid = getVolumeId(compose, variant, arch);
        const volid = config.volid === undefined || toList(config.volid).length === 0 ? regularVolid : getVolumeIdFrom(compose, variant, arch, toList(config.volid), regularVolid);
        const bootTree = findBootTree(context, variant, arch);
        jobs.push({
          kind: 'extra_iso', variant, arch, filename,
          path: path.join(getIsoDir(composeDir, toVariantRef(variant), arch)!, filename),
          volid, bootable: Boolean(bootTree), bootTree,
          treeDir: getOsTreeDir(composeDir, toVariantRef(variant), arch),
          discNumber: 1, discCount: 1,
          failable: (config.failable_arches ?? []).includes(arch),
          maxSize: config.max_size, maxSizeStrict: false,
          additionalVariants: includeVariants,
          extra: {
            includeVariants,
            inheritExtraFiles: config.inherit_extra_files === true,
            extraFilesDir: path.join(getWorkDir(composeDir, arch), variant.uid, `extra-iso-extra-files-${index}`),
            extraFiles: config.extra_files,
          },
        });
      }
    });
  }
  return jobs;
}

function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function checkIncluded(compose: ComposeManifest, variant: ComposeManifestVariant, uid: string): void {
  if (!compose.variants.some((v) => v.uid === uid)) {
    throw new InputError('EXTRA_ISO_VARIANT', `extra_isos for ${variant.uid}: include_variants names ${uid}, which is not a variant of this compose`, { hint: `use one of: ${compose.variants.map((v) => v.uid).join(', ')}` });
  }
}

/** Pungi's extra_isos get_filename: the regular image name, available to the template as {filename}. */
function getExtraIsoName(compose: ComposeManifest, variant: ComposeManifestVariant, arch: string, format: string | undefined): string {
  const base = getImageName(compose, variant, arch, 1);
  if (!format) return base;
  const values = getFormatValues(compose, { arch, disc_type: getDiscType(compose), disc_num: 1, suffix: '.iso', filename: base, variant: variant.uid });
  return formatNameTemplate(format, values, 'extra_isos filename');
}

function getVolumeIdFrom(compose: ComposeManifest, variant: ComposeManifestVariant, arch: string, formats: string[], regular: string): string {
  return getVolumeId(compose, variant, arch, { formats: formats.map((format) => format.replace(/\{volid\}/g, regular)) });
}
