// The gather options of one variant.arch, read from the effective config the way Pungi reads them.
import { getArchValue, getVariantArchValue, getVariantValue } from '@compose/config';
import type { ComposeManifestVariant } from '@compose/contracts';
import type { GreedyMethod } from '@compose/depsolve';
import { InputError, NotImplementedError } from '@compose/errors';

export type GatherSourceName = 'comps' | 'json';
export type MethodName = 'deps' | 'nodeps';

export interface VariantArchOptions {
  methods: Partial<Record<GatherSourceName, MethodName>>;
  greedyMethod: GreedyMethod;
  fulltree: boolean;
  selfhosting: boolean;
  multilibMethods: string[];
  multilibBlacklist: string[];
  multilibWhitelist: string[];
  checkDeps: boolean;
  requireAllCompsPackages: boolean;
}

type Config = Record<string, unknown>;

function asStrings(values: unknown[]): string[] {
  return values.filter((v): v is string => typeof v === 'string');
}

/**
 * gather_method: one method for every source, or per variant regex either "hybrid" or
 * {source: method}; the last matching regex wins, as in Pungi's get_gather_methods.
 */
export function resolveGatherMethods(config: Config, variant: ComposeManifestVariant): Partial<Record<GatherSourceName, MethodName>> {
  const setting = config['gather_method'] ?? 'deps';
  let chosen: unknown = setting;
  if (typeof setting === 'object' && setting !== null) {
    const matches = getVariantValue(config, 'gather_method', variant.uid);
    if (matches.length === 0) throw new InputError('NO_GATHER_METHOD', `variant ${variant.uid} has no configured gather_method`, { hint: 'add a regex matching it to gather_method' });
    chosen = matches.at(-1);
  }
  if (chosen === 'hybrid') {
    throw new NotImplementedError(`gather_method "hybrid" (variant ${variant.uid})`, 'hybrid needs modules and the fus solver, which this compose tool does not have; use "deps" or "nodeps"');
  }
  if (chosen === 'deps' || chosen === 'nodeps') return { comps: chosen, json: chosen };
  if (typeof chosen === 'object' && chosen !== null) {
    const perSource = chosen as Record<string, MethodName>;
    const methods: Partial<Record<GatherSourceName, MethodName>> = {};
    if (perSource['comps']) methods.comps = perSource['comps'];
    if (perSource['json']) methods.json = perSource['json'];
    return methods;
  }
  throw new InputError('BAD_GATHER_METHOD', `gather_method for ${variant.uid} is ${JSON.stringify(chosen)}`, { hint: 'use "deps", "nodeps" or {"comps": ..., "json": ...}' });
}

/** Pungi's resolve_deps: optional variants are always fulltree + selfhosting, addons fulltree only. */
export function readVariantArchOptions(config: Config, variant: ComposeManifestVariant, arch: string): VariantArchOptions {
  let fulltree = config['gather_fulltree'] === true;
  let selfhosting = config['gather_selfhosting'] === true;
  if (variant.type === 'optional') {
    fulltree = true;
    selfhosting = true;
  } else if (variant.type === 'addon' || variant.type === 'layered-product') {
    fulltree = true;
    selfhosting = false;
  }
  return {
    methods: resolveGatherMethods(config, variant),
    greedyMethod: (config['greedy_method'] as GreedyMethod | undefined) ?? 'none',
    fulltree,
    selfhosting,
    multilibMethods: asStrings(getVariantArchValue(config, 'multilib', variant.uid, arch)),
    // Per arch only: Pungi shares the multilib lists between all variants of an arch.
    multilibBlacklist: asStrings(getArchValue(config, 'multilib_blacklist', arch)),
    multilibWhitelist: asStrings(getArchValue(config, 'multilib_whitelist', arch)),
    checkDeps: config['check_deps'] !== false,
    requireAllCompsPackages: config['require_all_comps_packages'] === true,
  };
}

/** additional_packages / filter_packages entries ("name" or "name.arch") for a variant.arch. */
export function readPackageList(config: Config, key: 'additional_packages' | 'filter_packages', variantUid: string, arch: string): string[] {
  return asStrings(getVariantArchValue(config, key, variantUid, arch));
}
