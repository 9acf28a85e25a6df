import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ComposeManifest, ComposeManifestVariant } from '@compose/contracts';
import { getIsoDir, getOsTreeDir, getPackagesDir, getWorkDir, type VariantRef } from '@compose/compose-info';
import { getVariantArchValue } from '@compose/config';
import { convertMediaSize, splitMedia, type SplitFile } from '@compose/iso';
import type { Logger } from '@compose/log';
import { getDiscType, getImageName, getVolumeId } from './media-names.js';

/** One ISO to make. Source media use arch 'src'. */
export interface IsoJob {
  kind: 'iso' | 'extra_iso';
  variant: ComposeManifestVariant;
  arch: string;
  filename: string;
  /** Absolute path of the image. */
  path: string;
  volid: string;
  bootable: boolean;
  bootTree?: string;
  treeDir: string;
  discNumber: number;
  discCount: number;
  /** Files of this disc when split. */
  files?: string[];
  /** Bytes of the files on the disc, when known at planning (not for extra ISOs). */
  contentBytes?: number;
  failable: boolean;
  maxSize?: number;
  maxSizeStrict: boolean;
  additionalVariants?: string[];
  /** extra_isos: what goes on the image, see extra-iso-contents. */
  extra?: { includeVariants: string[]; inheritExtraFiles: boolean; extraFilesDir: string; extraFiles?: unknown };
}

export interface PlanContext {
  compose: ComposeManifest;
  composeDir: string;
  /** Boot trees by "Variant.arch" or by arch. */
  bootTrees: Map<string, string>;
  log: Logger;
}

export function toVariantRef(variant: ComposeManifestVariant): VariantRef {
  return { uid: variant.uid, id: variant.id, type: variant.type, parent: variant.parent ?? undefined } as VariantRef;
}

export function canFail(compose: ComposeManifest, variant: string, arch: string, deliverable: string): boolean {
  return getVariantArchValue(compose.config as never, 'failable_deliverables', variant, arch).includes(deliverable);
}

/** A boot tree given for this variant.arch (or the arch); only real variants of binary arches boot. */
export function findBootTree(context: PlanContext, variant: ComposeManifestVariant, arch: string): string | undefined {
  if (arch === 'src' || variant.type !== 'variant') return undefined;
  return context.bootTrees.get(`${variant.uid}.${arch}`) ?? context.bootTrees.get(arch);
}

/**
 * The createiso phase's images (Pungi's CreateisoPhase.run): one set of discs per variant
 * (layered products and, with create_optional_isos, optional variants too) and arch plus
 * source, unless createiso_skip says so or the tree holds no RPMs.
 */
export async function planIsos(context: PlanContext): Promise<IsoJob[]> {
  const { compose, composeDir, log } = context;
  const jobs: IsoJob[] = [];
  const optional = compose.config['create_optional_isos'] === true;
  for (const variant of compose.variants) {
    if (variant.is_empty || variant.type === 'addon') continue;
    if (variant.type === 'optional' && !optional) continue;
    for (const arch of [...variant.arches, 'src']) {
      if (getVariantArchValue(compose.config as never, 'createiso_skip', variant.uid, arch).includes(true)) {
        log.info(`createiso: skipping ${variant.uid}.${arch} (createiso_skip)`);
        continue;
      }
      const ref = toVariantRef(variant);
      const treeDir = getOsTreeDir(composeDir, ref, arch);
      const packagesDir = getPackagesDir(composeDir, ref, arch);
      if (!(await containsRpms(treeDir))) {
        log.info(`createiso: no RPMs in ${variant.uid}.${arch}, no ISO`);
        continue;
      }
      const bootTree = findBootTree(context, variant, arch);
      if (!bootTree && arch !== 'src' && variant.type === 'variant' && compose.config['buildinstall_method']) {
        log.warn(`createiso: ${variant.uid}.${arch} should be bootable (buildinstall_method is set) but no boot tree was given; skipping it as Pungi does when buildinstall failed. Give one with --boot-tree ${variant.uid}.${arch}=DIR`);
        continue;
      }
      const bootable = Boolean(bootTree);
      const discs = await splitTree(context, variant, arch, treeDir, packagesDir, bootable);
      const volid = getVolumeId(compose, variant, arch);
      const isoDir = getIsoDir(composeDir, ref, arch, { createOptionalIsos: optional })!;
      const maxSize = getVariantArchValue(compose.config as never, 'createiso_max_size', variant.uid, arch).at(-1) as number | undefined;
      discs.forEach(({ files, bytes }, index) => {
        const filename = getImageName(compose, variant, arch, index + 1, { discType: getDiscType(compose) });
        jobs.push({
          kind: 'iso', variant, arch, filename, path: path.join(isoDir, filename), volid, bootable, bootTree, treeDir,
          discNumber: index + 1, discCount: discs.length, files: discs.length > 1 ? files : undefined, contentBytes: bytes,
          failable: canFail(compose, variant.uid, arch, 'iso'),
          maxSize,
          maxSizeStrict: getVariantArchValue(compose.config as never, 'createiso_max_size_is_strict', variant.uid, arch).includes(true),
        });
      });
    }
  }
  return jobs;
}

async function containsRpms(dir: string): Promise<boolean> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return false;
  }
  return entries.some((entry) => entry.isFile() && entry.name.endsWith('.rpm'));
}

/**
 * Pungi's split_iso: every file of the tree but its repodata, packages last; media.repo, the
 * tree metadata and extra files are sticky (on every disc). Bootable media are never split.
 */
async function splitTree(context: PlanContext, variant: ComposeManifestVariant, arch: string, treeDir: string, packagesDir: string, bootable: boolean): Promise<{ files: string[]; bytes: number }[]> {
  const { compose } = context;
  const mediaSize = convertMediaSize(compose.config['iso_size'] ?? 4700000000, 'iso_size');
  const reserve = convertMediaSize(compose.config['split_iso_reserve'] ?? 10 * 1024 * 1024, 'split_iso_reserve');
  const splitSize = mediaSize - reserve;
  const extraDir = path.join(getWorkDir(context.composeDir, arch), variant.uid, 'extra-files');
  const sticky = new Set(['media.repo', '.treeinfo', '.discinfo', ...(await listRelative(extraDir))]);
  const others: SplitFile[] = [];
  const packages: SplitFile[] = [];
  for (const relative of await listRelative(treeDir)) {
    if (relative.startsWith('repodata/')) continue;
    const file = path.join(treeDir, relative);
    const entry: SplitFile = { path: file, size: (await stat(file)).size, sticky: sticky.has(relative) };
    (file.startsWith(`${packagesDir}${path.sep}`) ? packages : others).push(entry);
  }
  const discs = splitMedia([...others, ...packages], bootable ? undefined : splitSize);
  const total = [...others, ...packages].reduce((sum, file) => sum + file.size, 0);
  if (bootable && total > splitSize) context.log.warn(`createiso: ${variant.uid}.${arch} does not fit on one disc (${total - splitSize} bytes too big) but bootable media are not split`);
  return discs.map((disc) => ({ files: disc.files, bytes: disc.size }));
}

async function listRelative(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
  } catch {
    return [];
  }
}
