import { InputError } from '@compose/errors';
import { compareCodePoints, formatIni, type IniDocument } from './ini-format.js';
import { TREE_PATH_FIELDS, TREE_VARIANT_TYPES, type TreeinfoData, type TreeVariant } from './treeinfo-model.js';

/** The metadata version productmd writes whatever version it read. */
export const TREEINFO_VERSION = '1.2';

const GENERAL_WARNINGS: readonly [string, string][] = [
  ['; WARNING.0', 'This section provides compatibility with pre-productmd treeinfos.'],
  ['; WARNING.1', 'Read productmd documentation for details about new format.'],
];

/**
 * Renders a .treeinfo exactly as productmd's TreeInfo.dump() does (format 1.2), including the
 * [general] section old installers and tools still read. Throws InputError on data productmd
 * would refuse to write, so a bad tree never gets metadata nobody can load.
 */
export function renderTreeinfo(data: TreeinfoData): string {
  validateTreeinfo(data);
  const doc: IniDocument = new Map();
  const set = (section: string, key: string, value: string): void => {
    if (!doc.has(section)) doc.set(section, new Map());
    doc.get(section)!.set(key, value);
  };
  set('header', 'version', TREEINFO_VERSION);
  set('header', 'type', 'productmd.treeinfo');
  set('release', 'name', data.release.name);
  set('release', 'version', data.release.version);
  set('release', 'short', data.release.short);
  if (data.release.isLayered) {
    set('release', 'is_layered', 'true');
    const base = data.baseProduct!;
    set('base_product', 'name', base.name);
    set('base_product', 'version', base.version);
    set('base_product', 'short', base.short);
  }
  const platforms = listPlatforms(data).join(',');
  set('tree', 'arch', data.arch);
  set('tree', 'platforms', platforms);
  set('tree', 'build_timestamp', String(data.buildTimestamp));
  set('tree', 'variants', data.variants.map((v) => v.uid).sort(compareCodePoints).join(','));
  for (const variant of data.variants) writeVariant(variant, undefined, set);
  for (const [file, checksum] of Object.entries(data.checksums ?? {})) set('checksums', file, `${checksum.type}:${checksum.value}`);
  for (const [platform, images] of Object.entries(data.images ?? {})) {
    for (const [image, file] of Object.entries(images)) set(`images-${platform}`, image, file);
  }
  if (data.stage2?.mainimage) set('stage2', 'mainimage', data.stage2.mainimage);
  if (data.stage2?.instimage) set('stage2', 'instimage', data.stage2.instimage);
  if (data.media && (data.media.discnum || data.media.totaldiscs)) {
    set('media', 'discnum', String(Math.trunc(data.media.discnum)));
    set('media', 'totaldiscs', String(Math.trunc(data.media.totaldiscs)));
  }
  writeGeneral(data, platforms, set);
  return formatIni(doc);
}

type Setter = (section: string, key: string, value: string) => void;

function writeVariant(variant: TreeVariant, parentUid: string | undefined, set: Setter): void {
  const section = variantSection(variant);
  set(section, 'id', variant.id);
  set(section, 'uid', variant.uid);
  set(section, 'name', variant.name);
  set(section, 'type', variant.type);
  for (const field of TREE_PATH_FIELDS) {
    const value = variant.paths[field];
    if (value !== undefined) set(section, field, value);
  }
  if (parentUid) set(section, 'parent', parentUid);
  const addons = variant.addons ?? [];
  for (const addon of addons) writeVariant(addon, variant.uid, set);
  if (addons.length) set(section, 'addons', [...new Set(addons.map((a) => a.uid))].sort(compareCodePoints).join(','));
}

/** Addons live in [addon-UID] sections, everything else in [variant-UID]. */
export function variantSection(variant: Pick<TreeVariant, 'type' | 'uid'>): string {
  return `${variant.type === 'addon' ? 'addon' : 'variant'}-${variant.uid}`;
}

// [general] mirrors the pre-productmd layout: keyed by variant *id* (optional, not Server-optional).
function writeGeneral(data: TreeinfoData, platforms: string, set: Setter): void {
  for (const [key, value] of GENERAL_WARNINGS) set('general', key, value);
  set('general', 'name', `${data.release.name} ${data.release.version}`);
  set('general', 'family', data.release.name);
  set('general', 'version', data.release.version);
  set('general', 'arch', data.arch);
  set('general', 'platforms', platforms);
  set('general', 'timestamp', String(Math.trunc(data.buildTimestamp)));
  const ids = data.variants.map((v) => v.id).sort(compareCodePoints);
  set('general', 'variants', ids.join(','));
  const mainId = data.mainVariant ?? ids[0]!;
  set('general', 'variant', mainId);
  const main = data.variants.find((v) => v.id === mainId);
  if (!main) throw invalid(`main variant ${mainId} is not among the tree's variants (${ids.join(', ')})`);
  const packages = main.paths.packages ?? (data.arch === 'src' ? main.paths.source_packages : undefined);
  if (packages !== undefined) set('general', 'packagedir', packages);
  const repository = main.paths.repository ?? (data.arch === 'src' ? main.paths.source_repository : undefined);
  if (repository !== undefined) set('general', 'repository', repository);
}

function listPlatforms(data: TreeinfoData): string[] {
  return [...new Set([...(data.platforms ?? []), data.arch])].sort(compareCodePoints);
}

/** productmd's validate(): the checks that make dump() raise. */
export function validateTreeinfo(data: TreeinfoData): void {
  if (!data.arch) throw invalid('tree arch must not be blank');
  if (!Number.isFinite(data.buildTimestamp) || !data.buildTimestamp) throw invalid('build timestamp must be a non-zero number');
  for (const field of ['name', 'short', 'version'] as const) {
    if (!data.release[field]) throw invalid(`release ${field} must not be blank`);
    if (data.release.isLayered && !data.baseProduct?.[field]) throw invalid(`a layered release needs base product ${field}`);
  }
  if (!data.variants.length) throw invalid('a tree needs at least one variant');
  const check = (variant: TreeVariant, parentUid?: string): void => {
    if (variant.id.includes('-')) throw invalid(`invalid character '-' in variant ID: ${variant.id}`);
    if (!TREE_VARIANT_TYPES.includes(variant.type)) throw invalid(`variant ${variant.uid} has invalid type ${variant.type}`);
    if (parentUid && variant.uid !== `${parentUid}-${variant.id}`) throw invalid(`UID '${variant.uid}' doesn't align with parent UID '${parentUid}-${variant.id}'`);
    for (const addon of variant.addons ?? []) check(addon, variant.uid);
  };
  for (const variant of data.variants) check(variant);
  const platforms = listPlatforms(data);
  for (const platform of Object.keys(data.images ?? {})) {
    if (!platforms.includes(platform)) throw invalid(`platform ${platform} has images but is not in the platform list`);
  }
  const relative = [
    ...Object.keys(data.checksums ?? {}),
    ...Object.values(data.images ?? {}).flatMap((images) => Object.values(images)),
    ...[data.stage2?.mainimage, data.stage2?.instimage].filter((p): p is string => Boolean(p)),
  ];
  for (const file of relative) if (file.startsWith('/')) throw invalid(`only relative paths are allowed: ${file}`);
}

function invalid(message: string): InputError {
  return new InputError('TREEINFO_INVALID', message);
}
