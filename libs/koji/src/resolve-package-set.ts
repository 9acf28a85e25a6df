// Pungi's Koji package set: the latest builds of a tag at one event, plus extra builds, each RPM
// resolved to the signed copy of the first acceptable sigkey.
import { FailedError, InputError } from '@compose/errors';
import { formatNevra, type Nevra } from '@compose/rpm';
import { getEvent, getFullInheritance, getLastEvent, getTag, listTaggedRPMS, unknownTagError } from './koji-api.js';
import { formatKojiSignedRpmPath, formatKojiUnsignedRpmPath } from './koji-paths.js';
import type { KojiSession } from './koji-session.js';
import type { KojiBuild, KojiEvent, KojiRpm } from './koji-types.js';
import { fetchExtraBuilds, findShadowedBuildIds } from './extra-builds.js';
import { fetchSignatureKeys, pickSigkey, readSigkeyOrder } from './pick-signatures.js';

export interface KojiPackageSetOptions {
  tag: string;
  /** Koji event to read the tag at; default the hub's last event (returned, so a rerun can pin it). */
  event?: number;
  /** Follow tag inheritance (pkgset_koji_inherit). */
  inherit: boolean;
  /** NVRs added besides the tag's builds (pkgset_koji_builds). */
  extraBuilds: string[];
  /** Signing keys in priority order; null (or '') accepts unsigned copies (Pungi's `sigkeys`). */
  sigkeys: (string | null)[];
  /** RPM arches to keep, including 'noarch' and 'src' when wanted; empty keeps every arch. */
  arches: string[];
  /** Koji's topdir or topurl; package paths are built under it. */
  topdir: string;
  /** Use the unsigned copy of RPMs no listed key signed, still reporting them in `missing`. */
  allowInvalidSigkeys?: boolean;
}

export interface KojiPackage extends Nevra {
  /** `name-epoch:version-release.arch`, epoch always written, as in rpms.json. */
  nevra: string;
  buildId: number;
  rpmId: number;
  /** NVR of the build the RPM belongs to. */
  buildNvr: string;
  /** Tag of the inheritance chain the build came from; null for an extra build. */
  tagName: string | null;
  sigkey: string | null;
  path: string;
  /** The build's source RPM file name; null for the source RPM itself. */
  sourcerpm: string | null;
  size: number;
  payloadhash: string;
  /** True when allowInvalidSigkeys let an RPM in without an acceptable signature. */
  invalidSigkey: boolean;
}

export interface MissingSignedCopy {
  nvra: string;
  reason: string;
  sigkeysTried: string[];
}

export interface KojiPackageSet {
  hubUrl: string;
  tag: { id: number; name: string };
  event: KojiEvent;
  /** Tags read, the requested one first, then its parents nearest first (when inherit). */
  tags: string[];
  packages: KojiPackage[];
  missing: MissingSignedCopy[];
}

const SOURCE_ARCHES = new Set(['src', 'nosrc']);

function checkOptions(options: KojiPackageSetOptions): void {
  if (!options.tag) throw new InputError('KOJI_NO_TAG', 'no Koji tag given', { hint: 'set pkgset_koji_tag' });
  if (options.event !== undefined && (!Number.isSafeInteger(options.event) || options.event < 0)) {
    throw new InputError('KOJI_BAD_EVENT', `Koji event '${options.event}' is not an event id`, { hint: 'koji_event takes an integer' });
  }
}

function describePackage(rpm: KojiRpm, build: KojiBuild, sigkey: string | null, topdir: string, invalid: boolean, tagName: string | null): KojiPackage {
  const nevra: Nevra = { name: rpm.name, epoch: rpm.epoch ?? 0, version: rpm.version, release: rpm.release, arch: rpm.arch };
  const buildPath = { name: build.name ?? build.package_name, version: build.version, release: build.release };
  return {
    ...nevra,
    nevra: formatNevra(nevra),
    buildId: rpm.build_id,
    rpmId: rpm.id,
    buildNvr: build.nvr,
    tagName,
    sigkey,
    path: sigkey === null ? formatKojiUnsignedRpmPath(topdir, buildPath, rpm) : formatKojiSignedRpmPath(topdir, buildPath, rpm, sigkey),
    // Koji's RPM records carry no sourcerpm; every RPM of a build comes from the build's one SRPM.
    sourcerpm: SOURCE_ARCHES.has(rpm.arch) ? null : `${buildPath.name}-${build.version}-${build.release}.src.rpm`,
    size: rpm.size,
    payloadhash: rpm.payloadhash,
    invalidSigkey: invalid,
  };
}

export async function resolveKojiPackageSet(session: KojiSession, options: KojiPackageSetOptions): Promise<KojiPackageSet> {
  checkOptions(options);
  const event = options.event === undefined ? await getLastEvent(session) : await getEvent(session, options.event);
  const tagInfo = await getTag(session, options.tag, { event: event.id });
  if (!tagInfo) throw unknownTagError(session, options.tag, undefined, event.id);
  const parents = options.inherit ? await getFullInheritance(session, options.tag, { event: event.id }) : [];

  const archFilter = options.arches.length > 0 ? [...new Set(options.arches)] : undefined;
  const [tagRpms, tagBuilds] = await listTaggedRPMS(session, options.tag, { event: event.id, inherit: options.inherit, latest: true, arch: archFilter });
  const extra = await fetchExtraBuilds(session, options.extraBuilds);

  const shadowed = findShadowedBuildIds(tagBuilds, extra.builds);
  const builds = new Map<number, { build: KojiBuild; tagName: string | null }>();
  for (const build of tagBuilds) if (!shadowed.has(build.build_id)) builds.set(build.build_id, { build, tagName: build.tag_name });
  for (const build of extra.builds) if (!builds.has(build.id)) builds.set(build.id, { build, tagName: null });

  const keep = archFilter ? new Set(archFilter) : undefined;
  const rpms = new Map<number, KojiRpm>();
  for (const rpm of [...tagRpms, ...extra.rpms]) {
    if (!builds.has(rpm.build_id) || (keep && !keep.has(rpm.arch))) continue;
    rpms.set(rpm.id, rpm);
  }

  const order = readSigkeyOrder(options.sigkeys);
  const available = order.signed.length > 0 ? await fetchSignatureKeys(session, [...rpms.keys()]) : new Map<number, Set<string>>();
  const packages: KojiPackage[] = [];
  const missing: MissingSignedCopy[] = [];
  for (const rpm of rpms.values()) {
    const { build, tagName } = builds.get(rpm.build_id)!;
    const sigkey = pickSigkey(order, available.get(rpm.id) ?? new Set());
    if (sigkey !== undefined) {
      packages.push(describePackage(rpm, build, sigkey, options.topdir, false, tagName));
      continue;
    }
    const nvra = `${rpm.name}-${rpm.version}-${rpm.release}.${rpm.arch}`;
    missing.push({ nvra, sigkeysTried: order.signed, reason: `no copy signed with any of: ${order.signed.join(', ')}` });
    if (options.allowInvalidSigkeys) packages.push(describePackage(rpm, build, null, options.topdir, true, tagName));
  }
  packages.sort((a, b) => (a.nevra < b.nevra ? -1 : a.nevra > b.nevra ? 1 : 0));
  missing.sort((a, b) => (a.nvra < b.nvra ? -1 : a.nvra > b.nvra ? 1 : 0));
  return {
    hubUrl: session.hubUrl,
    tag: { id: tagInfo.id, name: tagInfo.name },
    event: { id: event.id, ts: event.ts },
    tags: [tagInfo.name, ...parents.map((p) => p.name)],
    packages,
    missing,
  };
}

/**
 * Pungi fails the compose when RPMs lack an acceptable signed copy (unless allow_invalid_sigkeys);
 * this raises that failure with every offending NVR.
 */
export function checkSignedCopies(set: KojiPackageSet, sigkeys: readonly (string | null)[]): void {
  if (set.missing.length === 0) return;
  const lines = set.missing.map((m) => `  ${m.nvra}`).join('\n');
  throw new FailedError('KOJI_MISSING_SIGNED_COPIES', `RPM(s) not found for sigkeys ${JSON.stringify(sigkeys)} in tag ${set.tag.name} at event ${set.event.id}:\n${lines}`, {
    hint: 'sign and write the RPMs in Koji (koji write-signed-rpm), add their key to sigkeys, or set allow_invalid_sigkeys',
  });
}
