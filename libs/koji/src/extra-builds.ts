// Extra builds (Pungi's pkgset_koji_builds): NVRs added to the package set besides the tag's builds.
import { InputError } from '@compose/errors';
import { kojiKwargs, type KojiSession, type MultiCallResult } from './koji-session.js';
import type { KojiBuild, KojiRpm } from './koji-types.js';

export interface ExtraBuilds {
  builds: KojiBuild[];
  rpms: KojiRpm[];
}

function takeValues<T>(results: MultiCallResult[]): T[] {
  return results.map((result) => {
    if (!result.ok) throw result.error;
    return result.value as T;
  });
}

/** Looks up each NVR (one multicall) and lists its RPMs (a second one); an unknown NVR is bad input. */
export async function fetchExtraBuilds(session: KojiSession, nvrs: readonly string[]): Promise<ExtraBuilds> {
  if (nvrs.length === 0) return { builds: [], rpms: [] };
  const found = takeValues<KojiBuild | null>(await session.multiCall(nvrs.map((nvr) => ({ method: 'getBuild', args: [nvr] }))));
  const unknown = nvrs.filter((_, i) => found[i] === null || found[i] === undefined);
  if (unknown.length > 0) {
    throw new InputError('KOJI_UNKNOWN_BUILD', `Koji build(s) not found on ${session.hubUrl}: ${unknown.join(', ')}`, {
      hint: 'pkgset_koji_builds takes NVRs of existing builds, e.g. bash-5.2.26-3.fc40',
    });
  }
  const builds = found as KojiBuild[];
  const rpmLists = takeValues<KojiRpm[]>(
    await session.multiCall(builds.map((build) => ({ method: 'listRPMs', args: [kojiKwargs({ buildID: build.id })] }))),
  );
  return { builds, rpms: rpmLists.flat() };
}

/**
 * As Pungi does, an extra build replaces the tag's build of the same package: the tag's build of
 * that name is dropped unless it is the very same build.
 */
export function findShadowedBuildIds(tagBuilds: readonly KojiBuild[], extra: readonly KojiBuild[]): Set<number> {
  const extraIdByName = new Map(extra.map((b) => [b.name, b.build_id ?? b.id]));
  const shadowed = new Set<number>();
  for (const build of tagBuilds) {
    const extraId = extraIdByName.get(build.name);
    if (extraId !== undefined && extraId !== build.build_id) shadowed.add(build.build_id);
  }
  return shadowed;
}
