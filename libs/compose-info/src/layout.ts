// Every path of a compose directory, laid out as Pungi's pungi/paths.py lays it out.
// Variant paths are computed relative to `compose/` (the form composeinfo.json records) and
// joined onto the compose directory for callers that need real paths.
import path from 'node:path';
import type { VariantRef } from './variant-shape.js';

/** Path kinds of productmd's VariantPaths, in its order. */
export const VARIANT_PATH_KINDS = [
  'os_tree', 'packages', 'repository', 'isos', 'jigdos',
  'source_tree', 'source_packages', 'source_repository', 'source_isos', 'source_jigdos',
  'debug_tree', 'debug_packages', 'debug_repository',
] as const;
export type VariantPathKind = (typeof VARIANT_PATH_KINDS)[number];

export interface LayoutOptions {
  /** Pungi's create_optional_isos: optional variants get iso/ and jigdo/ dirs only when set. */
  createOptionalIsos?: boolean;
  /** Pungi's create_jigdo (off by default since jigdo is obsolete): jigdo/ dirs exist only when set. */
  createJigdo?: boolean;
}

function normalizeArch(arch: string): string {
  return arch === 'src' ? 'source' : arch;
}

// Addons have no tree of their own: they live inside their parent's tree.
function treeOwnerUid(variant: VariantRef): string {
  return variant.type === 'addon' && variant.parent ? variant.parent : variant.uid;
}

function relativeArchDir(variant: VariantRef, arch: string): string {
  return path.posix.join(treeOwnerUid(variant), normalizeArch(arch));
}

function relativeTree(variant: VariantRef, arch: string): string {
  const normalized = normalizeArch(arch);
  // Binary trees are called os/ for historical reasons, source trees tree/.
  return path.posix.join(relativeArchDir(variant, normalized), normalized === 'source' ? 'tree' : 'os');
}

function relativeInTree(tree: string, variant: VariantRef): string {
  return variant.type === 'addon' ? path.posix.join(tree, 'addons', variant.id) : path.posix.join(tree, 'Packages');
}

function relativeMediaDir(variant: VariantRef, arch: string, dirName: string, options: LayoutOptions): string | undefined {
  if (variant.type === 'addon') return undefined;
  if (variant.type === 'optional' && !options.createOptionalIsos) return undefined;
  return path.posix.join(relativeArchDir(variant, arch), dirName);
}

function relativeDebugTree(variant: VariantRef, arch: string): string | undefined {
  if (normalizeArch(arch) === 'source') return undefined;
  return path.posix.join(relativeArchDir(variant, arch), 'debug', 'tree');
}

/**
 * The path of one kind for a variant and tree arch, relative to `compose/`, or undefined when
 * the variant has no such path (ISOs of addons, debug trees of sources, ...).
 * Source kinds ignore `arch`: every arch shares the variant's source tree.
 */
export function getRelativeVariantPath(
  kind: VariantPathKind,
  variant: VariantRef,
  arch: string,
  options: LayoutOptions = {},
): string | undefined {
  const source = 'source';
  switch (kind) {
    case 'os_tree': return relativeTree(variant, arch);
    case 'packages': return relativeInTree(relativeTree(variant, arch), variant);
    case 'repository': return variant.type === 'addon' ? relativeInTree(relativeTree(variant, arch), variant) : relativeTree(variant, arch);
    case 'isos': return relativeMediaDir(variant, arch, 'iso', options);
    case 'jigdos': return options.createJigdo ? relativeMediaDir(variant, arch, 'jigdo', options) : undefined;
    case 'source_tree': return getRelativeVariantPath('os_tree', variant, source, options);
    case 'source_packages': return getRelativeVariantPath('packages', variant, source, options);
    case 'source_repository': return getRelativeVariantPath('repository', variant, source, options);
    case 'source_isos': return getRelativeVariantPath('isos', variant, source, options);
    case 'source_jigdos': return getRelativeVariantPath('jigdos', variant, source, options);
    case 'debug_tree': return relativeDebugTree(variant, arch);
    case 'debug_packages': {
      const tree = relativeDebugTree(variant, arch);
      return tree === undefined ? undefined : relativeInTree(tree, variant);
    }
    case 'debug_repository': {
      const tree = relativeDebugTree(variant, arch);
      if (tree === undefined) return undefined;
      return variant.type === 'addon' ? relativeInTree(tree, variant) : tree;
    }
  }
}

/** `<compose dir>/compose`: the published part of a compose. */
export function getComposeTreeDir(composeDir: string): string {
  return path.join(composeDir, 'compose');
}

/** Absolute variant of getRelativeVariantPath. */
export function getVariantPath(
  composeDir: string,
  kind: VariantPathKind,
  variant: VariantRef,
  arch: string,
  options: LayoutOptions = {},
): string | undefined {
  const relative = getRelativeVariantPath(kind, variant, arch, options);
  return relative === undefined ? undefined : path.join(getComposeTreeDir(composeDir), relative);
}

/** compose/<Variant>/<arch>/os, or compose/<Variant>/source/tree for arch src/source. */
export function getOsTreeDir(composeDir: string, variant: VariantRef, arch: string): string {
  return getVariantPath(composeDir, 'os_tree', variant, arch)!;
}

/** Where the RPMs go: os/Packages, or os/addons/<id> for addons. */
export function getPackagesDir(composeDir: string, variant: VariantRef, arch: string): string {
  return getVariantPath(composeDir, 'packages', variant, arch)!;
}

/** Where repodata/ goes: the tree itself, or the addon's directory inside its parent's tree. */
export function getRepositoryDir(composeDir: string, variant: VariantRef, arch: string): string {
  return getVariantPath(composeDir, 'repository', variant, arch)!;
}

/** compose/<Variant>/<arch>/debug/tree; undefined for sources. */
export function getDebugTreeDir(composeDir: string, variant: VariantRef, arch: string): string | undefined {
  return getVariantPath(composeDir, 'debug_tree', variant, arch);
}

export function getDebugPackagesDir(composeDir: string, variant: VariantRef, arch: string): string | undefined {
  return getVariantPath(composeDir, 'debug_packages', variant, arch);
}

export function getDebugRepositoryDir(composeDir: string, variant: VariantRef, arch: string): string | undefined {
  return getVariantPath(composeDir, 'debug_repository', variant, arch);
}

/** compose/<Variant>/<arch|source>/iso; undefined for addons and (by default) optional variants. */
export function getIsoDir(composeDir: string, variant: VariantRef, arch: string, options: LayoutOptions = {}): string | undefined {
  return getVariantPath(composeDir, 'isos', variant, arch, options);
}

/** compose/metadata, or a file in it. */
export function getMetadataPath(composeDir: string, fileName?: string): string {
  const dir = path.join(getComposeTreeDir(composeDir), 'metadata');
  return fileName ? path.join(dir, fileName) : dir;
}

/** logs/global or logs/<arch>. */
export function getLogDir(composeDir: string, arch = 'global'): string {
  return path.join(composeDir, 'logs', arch);
}

/** logs/<arch>/<name>.<arch>.log, Pungi's naming for one log of one step. */
export function getLogFilePath(composeDir: string, arch: string | undefined, logName: string): string {
  const scope = arch ?? 'global';
  const base = logName.endsWith('.log') ? logName.slice(0, -'.log'.length) : logName;
  return path.join(getLogDir(composeDir, scope), `${base}.${scope}.log`);
}

/** work/global or work/<arch>: internal manifests and intermediate repos. */
export function getWorkDir(composeDir: string, arch = 'global'): string {
  return path.join(composeDir, 'work', arch);
}

export function getStatusFilePath(composeDir: string): string {
  return path.join(composeDir, 'STATUS');
}

export function getComposeIdFilePath(composeDir: string): string {
  return path.join(composeDir, 'COMPOSE_ID');
}
