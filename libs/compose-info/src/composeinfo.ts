// composeinfo.json (productmd.composeinfo 1.2) as Pungi's write_compose_info produces it.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@compose/manifest';
import type { ComposeType } from './compose-id.js';
import { isReleaseCandidateLabel, validateLabel } from './label.js';
import { getRelativeVariantPath, VARIANT_PATH_KINDS, type LayoutOptions, type VariantPathKind } from './layout.js';
import { formatProductmdJson } from './productmd-json.js';
import type { ComposeVariant } from './variant-shape.js';

export interface ReleaseInfo {
  name: string;
  short: string;
  version: string;
  /** Release type, `ga` when absent. */
  type?: string;
  internal?: boolean;
}

export interface BaseProductInfo {
  name: string;
  short: string;
  version: string;
  type?: string;
}

export interface ComposeInfoInput extends LayoutOptions {
  composeId: string;
  date: string;
  respin: number;
  type: ComposeType;
  label?: string;
  /** Whether the compose is supported (`final`); defaults to true for RC labels as in Pungi. */
  final?: boolean;
  release: ReleaseInfo;
  /** Present only when the release is layered on a base product. */
  baseProduct?: BaseProductInfo;
  /** Top-level variants; children are reached through `children`. */
  variants: readonly ComposeVariant[];
}

export type VariantPaths = Partial<Record<VariantPathKind, Record<string, string>>>;

export interface ComposeInfoVariant {
  id: string;
  uid: string;
  name: string;
  type: string;
  arches: string[];
  paths: VariantPaths;
  release?: { name: string; short: string; version: string; type: string; is_layered: true; internal: boolean };
  variants?: string[];
}

export interface ComposeInfo {
  header: { type: 'productmd.composeinfo'; version: '1.2' };
  payload: {
    compose: { id: string; type: ComposeType; date: string; respin: number; label?: string; final?: boolean };
    release: { name: string; short: string; version: string; type: string; internal: boolean; is_layered?: true };
    base_product?: { name: string; short: string; version: string; type: string };
    variants: Record<string, ComposeInfoVariant>;
  };
}

function buildVariantPaths(variant: ComposeVariant, options: LayoutOptions): VariantPaths {
  const paths: VariantPaths = {};
  // Empty variants get no trees, so Pungi records no paths for them.
  if (variant.isEmpty) return paths;
  for (const kind of VARIANT_PATH_KINDS) {
    for (const arch of [...variant.arches].sort()) {
      const relative = getRelativeVariantPath(kind, variant, arch, options);
      if (relative !== undefined) (paths[kind] ??= {})[arch] = relative;
    }
  }
  return paths;
}

// productmd variant IDs are alphanumeric: Pungi drops the dashes of IDs like Foo-Tools.
function toProductmdId(id: string): string {
  return id.replace(/-/g, '');
}

function addVariant(target: Record<string, ComposeInfoVariant>, variant: ComposeVariant, input: ComposeInfoInput): void {
  const entry: ComposeInfoVariant = {
    id: toProductmdId(variant.id),
    uid: variant.uid,
    name: variant.name,
    type: variant.type,
    arches: [...variant.arches].sort(),
    paths: buildVariantPaths(variant, input),
  };
  if (variant.type === 'layered-product' && variant.release) {
    entry.release = {
      name: variant.release.name,
      short: variant.release.short,
      version: variant.release.version,
      // A layered product inherits the compose's release type (pungi/metadata.py).
      type: (input.release.type ?? 'ga').toLowerCase(),
      is_layered: true,
      internal: false,
    };
  }
  if (variant.children.length > 0) {
    entry.variants = [...new Set(variant.children.map((child) => toProductmdId(child.id)))].sort();
    for (const child of variant.children) addVariant(target, child, input);
  }
  target[variant.uid] = entry;
}

/** Build the composeinfo.json document; variants are flattened and keyed by UID as productmd does. */
export function buildComposeInfo(input: ComposeInfoInput): ComposeInfo {
  const compose: ComposeInfo['payload']['compose'] = {
    id: input.composeId, type: input.type, date: input.date, respin: input.respin,
  };
  if (input.label) {
    compose.label = validateLabel(input.label);
    compose.final = input.final ?? isReleaseCandidateLabel(input.label);
  }
  const release: ComposeInfo['payload']['release'] = {
    name: input.release.name,
    short: input.release.short,
    version: input.release.version,
    type: (input.release.type ?? 'ga').toLowerCase(),
    internal: input.release.internal ?? false,
  };
  const payload: ComposeInfo['payload'] = { compose, release, variants: {} };
  if (input.baseProduct) {
    release.is_layered = true;
    payload.base_product = {
      name: input.baseProduct.name,
      short: input.baseProduct.short,
      version: input.baseProduct.version,
      type: (input.baseProduct.type ?? 'ga').toLowerCase(),
    };
  }
  for (const variant of input.variants) addVariant(payload.variants, variant, input);
  return { header: { type: 'productmd.composeinfo', version: '1.2' }, payload };
}

async function isDirectory(dirPath: string): Promise<boolean> {
  try {
    return (await stat(dirPath)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Drop the paths whose directory does not exist under `<composeDir>/compose`, as Pungi does
 * before writing (e.g. no isos when the ISO phase was skipped).
 */
export async function dropMissingPaths(info: ComposeInfo, composeDir: string): Promise<ComposeInfo> {
  const copy = structuredClone(info);
  for (const variant of Object.values(copy.payload.variants)) {
    for (const kind of Object.keys(variant.paths) as VariantPathKind[]) {
      const byArch = variant.paths[kind]!;
      for (const [arch, relative] of Object.entries(byArch)) {
        if (!(await isDirectory(path.join(composeDir, 'compose', relative)))) delete byArch[arch];
      }
      if (Object.keys(byArch).length === 0) delete variant.paths[kind];
    }
  }
  return copy;
}

export function serializeComposeInfo(info: ComposeInfo): string {
  return formatProductmdJson(info);
}

/** Write composeinfo.json atomically in productmd's exact text form. */
export async function writeComposeInfo(filePath: string, info: ComposeInfo): Promise<void> {
  await writeFileAtomic(filePath, serializeComposeInfo(info));
}
