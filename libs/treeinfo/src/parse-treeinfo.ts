import { InputError } from '@compose/errors';
import { parseIni, type IniDocument } from './ini-format.js';
import { TREE_PATH_FIELDS, TREE_VARIANT_TYPES, type TreeinfoData, type TreeVariant, type TreeVariantType } from './treeinfo-model.js';

/**
 * Reads a productmd 1.x .treeinfo (what Pungi, lorax and productmd write) back into data that
 * renderTreeinfo() turns into the same text. Pre-productmd files (no [header]) are refused
 * with a clear message instead of being half-understood.
 */
export function parseTreeinfo(text: string, file = '.treeinfo'): TreeinfoData {
  const ini = parseIni(text, file);
  const get = (section: string, key: string): string => {
    const value = ini.get(section)?.get(key);
    if (value === undefined) throw new InputError('TREEINFO_MISSING', `${file}: [${section}] has no ${key}`, { location: { file } });
    return value;
  };
  const opt = (section: string, key: string): string | undefined => ini.get(section)?.get(key);
  const version = opt('header', 'version');
  if (!version || !/^\d+\.\d+$/.test(version) || Number(version.split('.')[0]) < 1) {
    throw new InputError('TREEINFO_VERSION', `${file}: only productmd treeinfo 1.x is supported (found ${version ?? 'no [header] version'})`, { location: { file } });
  }
  const type = opt('header', 'type');
  if (type !== undefined && type !== 'productmd.treeinfo') {
    throw new InputError('TREEINFO_TYPE', `${file}: invalid metadata type '${type}', expected 'productmd.treeinfo'`, { location: { file } });
  }
  const isLayered = /^(1|yes|true|on)$/i.test(opt('release', 'is_layered') ?? '');
  const release = { name: get('release', 'name'), version: get('release', 'version'), short: opt('release', 'short') ?? get('release', 'name') };
  const treeSection = ini.has('tree') ? 'tree' : 'general';
  const data: TreeinfoData = {
    release: isLayered ? { ...release, isLayered } : release,
    arch: get(treeSection, 'arch'),
    buildTimestamp: treeSection === 'tree' ? Math.trunc(Number(get('tree', 'build_timestamp'))) : -1,
    platforms: (opt(treeSection, 'platforms') ?? '').split(',').filter(Boolean),
    variants: (opt('tree', 'variants') ?? '').split(',').filter(Boolean).map((uid) => readVariant(ini, uid, false, file)),
  };
  if (isLayered) data.baseProduct = { name: get('base_product', 'name'), version: get('base_product', 'version'), short: get('base_product', 'short') };
  const mainVariant = opt('general', 'variant');
  if (mainVariant) data.mainVariant = mainVariant;
  readExtras(ini, data);
  return data;
}

function readVariant(ini: IniDocument, uid: string, addon: boolean, file: string): TreeVariant {
  const sectionName = `${addon ? 'addon' : 'variant'}-${uid}`;
  const section = ini.get(sectionName);
  if (!section) throw new InputError('TREEINFO_MISSING', `${file}: variant ${uid} is listed but has no [${sectionName}] section`, { location: { file } });
  const need = (key: string): string => {
    const value = section.get(key);
    if (value === undefined) throw new InputError('TREEINFO_MISSING', `${file}: [${sectionName}] has no ${key}`, { location: { file } });
    return value;
  };
  const type = need('type') as TreeVariantType;
  if (!TREE_VARIANT_TYPES.includes(type)) throw new InputError('TREEINFO_INVALID', `${file}: [${sectionName}] has invalid type ${type}`, { location: { file } });
  const variant: TreeVariant = { id: need('id'), uid: need('uid'), name: need('name'), type, paths: {} };
  for (const field of TREE_PATH_FIELDS) {
    const value = section.get(field);
    if (value !== undefined) variant.paths[field] = value;
  }
  const addons = (section.get('addons') ?? '').split(',').filter(Boolean);
  if (addons.length) variant.addons = addons.map((addonUid) => readVariant(ini, addonUid, true, file));
  return variant;
}

// checksums, images-*, stage2 and media: the parts buildinstall and createiso contribute.
function readExtras(ini: IniDocument, data: TreeinfoData): void {
  const checksums = ini.get('checksums');
  if (checksums?.size) {
    data.checksums = {};
    for (const [file, value] of checksums) {
      const [type, digest] = value.includes(':') ? value.split(':', 2) : [guessChecksumType(value), value];
      data.checksums[file] = { type: type!, value: digest! };
    }
  }
  for (const [name, section] of ini) {
    if (!name.startsWith('images-')) continue;
    let platform = name.slice('images-'.length);
    if (platform !== data.arch && platform.endsWith(`-${data.arch}`)) platform = platform.slice(0, -data.arch.length - 1);
    data.images ??= {};
    data.images[platform] = Object.fromEntries(section);
  }
  const stage2 = ini.get('stage2');
  if (stage2?.get('mainimage') || stage2?.get('instimage')) {
    data.stage2 = {};
    if (stage2.get('mainimage')) data.stage2.mainimage = stage2.get('mainimage')!;
    if (stage2.get('instimage')) data.stage2.instimage = stage2.get('instimage')!;
  }
  const media = ini.get('media');
  if (media) data.media = { discnum: Number.parseInt(media.get('discnum') ?? '1', 10), totaldiscs: Number.parseInt(media.get('totaldiscs') ?? '1', 10) };
}

/** Old treeinfos wrote bare digests; productmd infers the type from the length. */
function guessChecksumType(digest: string): string {
  return ({ 32: 'md5', 40: 'sha1', 64: 'sha256' } as Record<number, string>)[digest.length] ?? 'unknown';
}
