import { getValidArches } from '@compose/rpm';
import { isSourceArch, sourceNameOf, type Candidate } from './candidate.js';

export interface SubsetOptions {
  /** The tree arch takes multilib packages (some variant has `multilib` methods for it). */
  multilib: boolean;
  /** pkgset_exclusive_arch_considers_noarch */
  exclusiveArchConsidersNoarch: boolean;
}

export interface SubsetResult {
  packages: Candidate[];
  excluded: { candidate: Candidate; reason: string }[];
}

/**
 * The package set of one tree arch, as Pungi's PackageSetBase.merge builds it: packages of every
 * valid arch (multilib ones only for multilib arches), noarch packages whose source's
 * ExclusiveArch/ExcludeArch rule them out dropped, and source packages only when a binary
 * package of this subset was built from them.
 */
export function selectArchSubset(candidates: readonly Candidate[], treeArch: string, options: SubsetOptions): SubsetResult {
  const arches = getValidArches(treeArch, { multilib: options.multilib, addNoarch: true, addSrc: true });
  if (!arches.includes('nosrc')) arches.push('nosrc');
  const ordered = [...arches.filter((a) => !isSourceArch(a)), 'nosrc', 'src'];
  const nativeArches = getValidArches(treeArch, { multilib: false, addNoarch: false, addSrc: false }).filter(
    (arch) => options.exclusiveArchConsidersNoarch || arch !== 'noarch',
  );
  const byArch = groupByArch(candidates);
  const excludeSource = sourceExclusions(candidates);
  const seenSources = new Set<string>();
  const packages: Candidate[] = [];
  const excluded: SubsetResult['excluded'] = [];
  for (const arch of ordered) {
    for (const candidate of byArch.get(arch) ?? []) {
      if (arch === 'noarch') {
        const reason = excludedBySource(excludeSource.get(candidate.sourcerpm), nativeArches);
        if (reason) {
          excluded.push({ candidate, reason: `${reason} (tree arch ${treeArch})` });
          continue;
        }
      }
      if (isSourceArch(arch)) {
        if (!seenSources.has(candidate.name)) continue;
      } else {
        seenSources.add(sourceNameOf(candidate.sourcerpm));
      }
      packages.push(candidate);
    }
  }
  return { packages, excluded };
}

function groupByArch(candidates: readonly Candidate[]): Map<string, Candidate[]> {
  const byArch = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const list = byArch.get(candidate.arch) ?? [];
    list.push(candidate);
    byArch.set(candidate.arch, list);
  }
  return byArch;
}

/** ExclusiveArch/ExcludeArch of each source RPM, keyed by its file name (noarch packages inherit them). */
function sourceExclusions(candidates: readonly Candidate[]): Map<string, Pick<Candidate, 'exclusiveArch' | 'excludeArch'>> {
  const result = new Map<string, Pick<Candidate, 'exclusiveArch' | 'excludeArch'>>();
  for (const candidate of candidates) {
    if (isSourceArch(candidate.arch) && (candidate.exclusiveArch?.length || candidate.excludeArch?.length)) {
      result.set(candidate.file, { exclusiveArch: candidate.exclusiveArch, excludeArch: candidate.excludeArch });
    }
  }
  return result;
}

function excludedBySource(rules: Pick<Candidate, 'exclusiveArch' | 'excludeArch'> | undefined, arches: readonly string[]): string | undefined {
  if (!rules) return undefined;
  const excludeArch = rules.excludeArch ?? [];
  if (excludeArch.some((arch) => arches.includes(arch))) return `ExcludeArch ${excludeArch.join(' ')}`;
  const exclusiveArch = rules.exclusiveArch ?? [];
  if (exclusiveArch.length > 0 && !exclusiveArch.some((arch) => arches.includes(arch))) return `ExclusiveArch ${exclusiveArch.join(' ')}`;
  return undefined;
}
