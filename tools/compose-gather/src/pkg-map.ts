// What gather found for one variant.arch, by package type as Pungi's pkg_map keeps it.
import type { GatherReason } from '@compose/contracts';
import { parseRpmFilename } from '@compose/rpm';

export const PKG_TYPES = ['rpm', 'srpm', 'debuginfo'] as const;
export type PkgType = (typeof PKG_TYPES)[number];

export interface Gathered {
  file: string;
  reasons: GatherReason[];
  /** pungi-gather's "fulltree-exclude" flag: built from a source package the parent has. */
  fulltreeExclude: boolean;
}

export type PkgMap = Record<PkgType, Map<string, Gathered>>;

export function createPkgMap(): PkgMap {
  return { rpm: new Map(), srpm: new Map(), debuginfo: new Map() };
}

/** Adds a package (merging reasons when a second source found it too). */
export function addGathered(map: PkgMap, type: PkgType, item: Gathered): void {
  const known = map[type].get(item.file);
  if (!known) map[type].set(item.file, item);
  else for (const reason of item.reasons) if (!known.reasons.some((r) => JSON.stringify(r) === JSON.stringify(reason))) known.reasons.push(reason);
}

export function isInput(item: Gathered): boolean {
  return item.reasons.some((r) => r.kind === 'input');
}

/** (name, arch) of an RPM file name, the key Pungi's trimming compares by. */
export function nameArchOf(file: string): string {
  const nevra = parseRpmFilename(file);
  return `${nevra.name}.${nevra.arch}`;
}

export function nameOf(file: string): string {
  return parseRpmFilename(file).name;
}

/** Every file of the map, for lookaside repos built from a variant. */
export function listFiles(map: PkgMap): Set<string> {
  const files = new Set<string>();
  for (const type of PKG_TYPES) for (const file of map[type].keys()) files.add(file);
  return files;
}
