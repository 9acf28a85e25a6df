// Pungi's trim_packages / _trim_variants: addons, layered products and optional variants keep
// only what their parent does not already ship.
import type { ComposeManifest, GatherCategory } from '@compose/contracts';
import type { Logger } from '@compose/log';
import { addGathered, isInput, nameArchOf, nameOf, PKG_TYPES, type PkgMap, type PkgType } from './pkg-map.js';

export type NamesByType = Record<PkgType, Set<string>>;
export type Removals = Map<string, { file: string; category: GatherCategory; reason: string }[]>;

export const CATEGORY_OF: Record<PkgType, GatherCategory> = { rpm: 'binary', srpm: 'source', debuginfo: 'debug' };

function emptyNames(): NamesByType {
  return { rpm: new Set(), srpm: new Set(), debuginfo: new Set() };
}

export interface TrimOptions {
  /** Package names to drop (those of addons), by type. */
  removeNames?: NamesByType;
  /** Move fulltree-only packages to the parent (addons and layered products, not optional). */
  moveToParent: boolean;
}

/** Trims every variant of `type`; returns the names the trimmed variants keep, by type. */
export function trimVariants(
  compose: ComposeManifest,
  results: Map<string, Map<string, PkgMap>>,
  type: 'addon' | 'layered-product' | 'optional',
  options: TrimOptions,
  removals: Removals,
  log: Logger,
): NamesByType {
  const kept = emptyNames();
  for (const arch of compose.arches) {
    for (const variant of compose.variants) {
      if (variant.type !== type || variant.is_empty || !variant.parent || !variant.arches.includes(arch)) continue;
      const map = results.get(arch)?.get(variant.uid);
      const parentMap = results.get(arch)?.get(variant.parent);
      if (!map || !parentMap) continue;
      const removed = removals.get(`${variant.uid}.${arch}`) ?? [];
      removals.set(`${variant.uid}.${arch}`, removed);
      for (const pkgType of PKG_TYPES) {
        const parentKeys = new Set([...parentMap[pkgType].keys()].map(nameArchOf));
        for (const [file, item] of [...map[pkgType]]) {
          const name = nameOf(file);
          if (options.removeNames?.[pkgType].has(name)) {
            // Layered products keep addon sources and debuginfo: a user may not have the addon (GPL).
            if (type === 'layered-product' && pkgType !== 'rpm') continue;
            log.warn(`Removed addon package (arch: ${arch}, variant: ${variant.uid}): ${pkgType}: ${file}`);
            map[pkgType].delete(file);
            removed.push({ file, category: CATEGORY_OF[pkgType], reason: 'an addon ships it' });
          } else if (!parentKeys.has(nameArchOf(file))) {
            if (options.moveToParent && item.fulltreeExclude && !isInput(item)) {
              // Pulled in only by fulltree from a build the parent has: it belongs to the parent.
              map[pkgType].delete(file);
              addGathered(parentMap, pkgType, item);
              removed.push({ file, category: CATEGORY_OF[pkgType], reason: `moved to parent ${variant.parent}` });
            } else kept[pkgType].add(name);
          } else {
            map[pkgType].delete(file);
            removed.push({ file, category: CATEGORY_OF[pkgType], reason: `parent ${variant.parent} has it` });
          }
        }
      }
    }
  }
  return kept;
}

/** gather_wrapper's trimming sequence: addons, then layered products, then optional. */
export function trimAll(compose: ComposeManifest, results: Map<string, Map<string, PkgMap>>, log: Logger): Removals {
  const removals: Removals = new Map();
  const addonNames = trimVariants(compose, results, 'addon', { moveToParent: true }, removals, log);
  const lpNames = trimVariants(compose, results, 'layered-product', { removeNames: addonNames, moveToParent: true }, removals, log);
  const all = emptyNames();
  for (const type of PKG_TYPES) for (const set of [addonNames[type], lpNames[type]]) for (const n of set) all[type].add(n);
  trimVariants(compose, results, 'optional', { removeNames: all, moveToParent: false }, removals, log);
  return removals;
}
