// The "nodeps" gather method: exactly the listed packages (and whole comps groups), their
// source packages and matching debuginfo, with no dependency resolution and no filtering.
import type { PkgsetPackage } from '@compose/contracts';
import { getCompatibleArches, splitNameArch } from '@compose/rpm';
import type { MethodRequest, MethodResult } from './method-deps.js';
import { addGathered, createPkgMap } from './pkg-map.js';

function isDebug(pkg: PkgsetPackage): boolean {
  return pkg.arch !== 'src' && (pkg.name.includes('-debuginfo') || pkg.name.endsWith('-debugsource'));
}

export function runNodepsMethod(request: MethodRequest): MethodResult {
  const wanted: { name: string; arch: string | undefined; from: string[] }[] = [];
  for (const [entry, from] of request.inputs.packages) wanted.push({ ...splitNameArch(entry), from });
  for (const [name, groups] of request.groups.allMembers) wanted.push({ name, arch: undefined, from: groups.map((g) => `comps group ${g}`) });

  const map = createPkgMap();
  const seenSources = new Map<string, Set<string>>();
  const all = [...request.packages.values()];
  for (const pkg of all) {
    if (pkg.arch === 'src' || isDebug(pkg)) continue;
    for (const want of wanted) {
      if (pkg.name !== want.name) continue;
      // As Pungi's nodeps: an arch-qualified entry still takes the noarch package of that name.
      if (want.arch !== undefined && pkg.arch !== want.arch && pkg.arch !== 'noarch') continue;
      addGathered(map, 'rpm', { file: pkg.file, reasons: [{ kind: 'input', from: want.from.join(', ') }], fulltreeExclude: false });
      const arches = seenSources.get(pkg.sourcerpm) ?? new Set();
      arches.add(pkg.arch);
      seenSources.set(pkg.sourcerpm, arches);
    }
  }
  for (const pkg of all) {
    if (pkg.arch === 'src' && seenSources.has(pkg.file)) addGathered(map, 'srpm', { file: pkg.file, reasons: [{ kind: 'source', from: 'nodeps' }], fulltreeExclude: false });
  }
  for (const pkg of all) {
    if (!isDebug(pkg)) continue;
    const seen = seenSources.get(pkg.sourcerpm);
    if (!seen) continue;
    // Debuginfo only for an arch a binary of the build was taken for; noarch pulls none.
    const compatible = new Set(getCompatibleArches(pkg.arch).filter((a) => a !== 'noarch'));
    if (![...seen].some((a) => a !== 'noarch' && compatible.has(a))) continue;
    addGathered(map, 'debuginfo', { file: pkg.file, reasons: [{ kind: 'debuginfo', from: 'nodeps' }], fulltreeExclude: false });
  }
  return { map, brokenDeps: {}, solveInput: null };
}
