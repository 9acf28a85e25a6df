// Which package arches are native, multilib or foreign for a tree arch (Pungi's ArchWrapper).
import { getValidArches, getValidMultilibArches } from '@compose/rpm';

export interface ArchSets {
  /** Best first; the index is the "best arch" rank of _get_best_package. */
  all: string[];
  native: Set<string>;
  multilib: Set<string>;
  rank: Map<string, number>;
}

export const SOURCE_ARCHES = new Set(['src', 'nosrc']);

export function buildArchSets(treeArch: string): ArchSets {
  const all = getValidArches(treeArch, { multilib: true, addNoarch: true });
  return {
    all,
    native: new Set(getValidArches(treeArch, { multilib: false, addNoarch: true })),
    multilib: new Set(getValidMultilibArches(treeArch)),
    rank: new Map(all.map((arch, index) => [arch, index])),
  };
}
