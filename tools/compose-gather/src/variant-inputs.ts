// Pungi's get_variant_packages: what one gather source asks for in a variant.arch. Addons and
// layered products add their parent's inputs, optional its parent's and the parent's addons';
// filters are never inherited.
import type { ComposeManifest, ComposeManifestVariant } from '@compose/contracts';
import { InputError } from '@compose/errors';
import { getCompatibleArches, splitNameArch } from '@compose/rpm';
import type { CompsFiles } from './comps-files.js';
import { readPackageList, type GatherSourceName } from './gather-options.js';
import type { SourceMapping } from './input-files.js';
import { findVariant, listFamily } from './variant-order.js';

export interface SourceInputs {
  /** Package entry ("name" or "name.arch") -> where it was asked for. */
  packages: Map<string, string[]>;
  groups: Set<string>;
  filters: Set<string>;
}

export interface InputContext {
  compose: ComposeManifest;
  comps: CompsFiles;
  mapping: SourceMapping | null;
}

function addOrigin(into: Map<string, string[]>, entry: string, origin: string): void {
  const list = into.get(entry) ?? [];
  if (!list.includes(origin)) list.push(origin);
  into.set(entry, list);
}

// Pungi refuses an additional package for an arch the tree can never hold.
function checkEntryArch(entry: string, arch: string, option: string, variant: string): void {
  const { arch: entryArch } = splitNameArch(entry);
  if (entryArch && !getCompatibleArches(arch, { multilib: true }).includes(entryArch)) {
    throw new InputError('BAD_PACKAGE_ARCH', `${option}: incompatible package arch '${entryArch}' for tree arch '${arch}' in '${entry}' (variant ${variant})`, {
      hint: `use an arch of the ${arch} tree or drop the suffix`,
    });
  }
}

/** Inputs of the comps source: the variant's comps groups plus additional/filter packages. */
export async function collectCompsInputs(ctx: InputContext, variant: ComposeManifestVariant, arch: string): Promise<SourceInputs> {
  const config = ctx.compose.config;
  const comps = await ctx.comps.read(variant, arch);
  const inputs: SourceInputs = { packages: new Map(), groups: new Set(comps?.groups.map((g) => g.id) ?? []), filters: new Set() };
  for (const entry of readPackageList(config, 'additional_packages', variant.uid, arch)) {
    checkEntryArch(entry, arch, 'additional_packages', variant.uid);
    addOrigin(inputs.packages, entry, `additional_packages (${variant.uid})`);
  }
  for (const entry of readPackageList(config, 'filter_packages', variant.uid, arch)) inputs.filters.add(entry);

  const inherited: ComposeManifestVariant[] = [];
  if (variant.type === 'optional' && variant.parent) inherited.push(...listFamily(ctx.compose.variants, findVariant(ctx.compose.variants, variant.parent), arch));
  if ((variant.type === 'addon' || variant.type === 'layered-product') && variant.parent) inherited.push(findVariant(ctx.compose.variants, variant.parent));
  for (const other of inherited) {
    const theirs = await collectCompsInputs(ctx, other, arch);
    for (const [entry, origins] of theirs.packages) for (const origin of origins) addOrigin(inputs.packages, entry, origin);
    for (const group of theirs.groups) inputs.groups.add(group);
  }
  return inputs;
}

/** Inputs of the json source (gather_source_mapping): just the listed packages, nothing inherited. */
export function collectJsonInputs(ctx: InputContext, variant: ComposeManifestVariant, arch: string): SourceInputs {
  const inputs: SourceInputs = { packages: new Map(), groups: new Set(), filters: new Set() };
  const perArch = ctx.mapping?.[variant.uid]?.[arch] ?? {};
  for (const [name, arches] of Object.entries(perArch)) {
    for (const pkgArch of arches) addOrigin(inputs.packages, pkgArch ? `${name}.${pkgArch}` : name, 'gather_source_mapping');
  }
  return inputs;
}

export async function collectSourceInputs(ctx: InputContext, source: GatherSourceName, variant: ComposeManifestVariant, arch: string): Promise<SourceInputs> {
  return source === 'comps' ? collectCompsInputs(ctx, variant, arch) : collectJsonInputs(ctx, variant, arch);
}

/**
 * The comps files whose groups the solve sees (method_deps' comps repos): the variant's own,
 * its parent's for addons and layered products, the whole parent family's for optional.
 */
export function listCompsVariants(compose: ComposeManifest, variant: ComposeManifestVariant, arch: string): ComposeManifestVariant[] {
  const result = [variant];
  if (!variant.parent) return result;
  const parent = findVariant(compose.variants, variant.parent);
  if (variant.type === 'optional') result.push(...listFamily(compose.variants, parent, arch));
  else if (variant.type === 'addon' || variant.type === 'layered-product') result.push(parent);
  return result;
}
