// Typed wrappers over the hub methods the package set needs; faults that mean bad input become InputError.
import { InputError } from '@compose/errors';
import { isKojiFault } from './koji-fault.js';
import { kojiKwargs, type KojiSession } from './koji-session.js';
import type {
  KojiBuild,
  KojiEvent,
  KojiInheritanceEntry,
  KojiRpm,
  KojiRpmSignature,
  KojiTag,
  KojiTaggedBuild,
} from './koji-types.js';

/** Koji says "No such tagInfo: 'x'" (or "No such tag: x" in older hubs) for a tag it does not know. */
async function namingUnknownTag<T>(session: KojiSession, tag: string | number, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isKojiFault(error) && /no such tag/i.test(error.faultString)) throw unknownTagError(session, tag, error);
    throw error;
  }
}

export function unknownTagError(session: KojiSession, tag: string | number, cause?: unknown, event?: number): InputError {
  const when = event === undefined ? '' : ` at event ${event}`;
  return new InputError('KOJI_UNKNOWN_TAG', `Koji tag '${tag}' does not exist on ${session.hubUrl}${when}`, {
    hint: 'check pkgset_koji_tag (and koji_profile / the hub URL)',
    cause,
  });
}

export function getLastEvent(session: KojiSession): Promise<KojiEvent> {
  return session.call<KojiEvent>('getLastEvent');
}

export async function getEvent(session: KojiSession, eventId: number): Promise<KojiEvent> {
  try {
    return await session.call<KojiEvent>('getEvent', eventId);
  } catch (error) {
    if (!isKojiFault(error)) throw error;
    throw new InputError('KOJI_UNKNOWN_EVENT', `Koji event ${eventId} does not exist on ${session.hubUrl}: ${error.faultString}`, {
      hint: 'check koji_event / --koji-event',
      cause: error,
    });
  }
}

/** The tag, or null when the hub does not know it (getTag is not strict by default). */
export function getTag(session: KojiSession, tag: string | number, options: { event?: number } = {}): Promise<KojiTag | null> {
  return session.call<KojiTag | null>('getTag', tag, kojiKwargs({ event: options.event }));
}

export function getFullInheritance(
  session: KojiSession,
  tag: string | number,
  options: { event?: number } = {},
): Promise<KojiInheritanceEntry[]> {
  return namingUnknownTag(session, tag, session.call('getFullInheritance', tag, kojiKwargs({ event: options.event })));
}

export interface ListTaggedOptions {
  event?: number;
  inherit?: boolean;
  latest?: boolean;
  arch?: string | string[];
}

/** [rpms, builds] of a tag; with latest, only the newest build of each package. */
export function listTaggedRPMS(
  session: KojiSession,
  tag: string | number,
  options: ListTaggedOptions = {},
): Promise<[KojiRpm[], KojiTaggedBuild[]]> {
  const kwargs = kojiKwargs({ event: options.event, inherit: options.inherit, latest: options.latest, arch: options.arch });
  return namingUnknownTag(session, tag, session.call('listTaggedRPMS', tag, kwargs));
}

/** The build by NVR or id, or null when the hub has none. */
export function getBuild(session: KojiSession, build: string | number): Promise<KojiBuild | null> {
  return session.call<KojiBuild | null>('getBuild', build);
}

export function listRPMs(session: KojiSession, buildID: number): Promise<KojiRpm[]> {
  return session.call<KojiRpm[]>('listRPMs', kojiKwargs({ buildID }));
}

export function queryRPMSigs(session: KojiSession, query: { rpm_id?: number; sigkey?: string }): Promise<KojiRpmSignature[]> {
  return session.call<KojiRpmSignature[]>('queryRPMSigs', kojiKwargs({ rpm_id: query.rpm_id, sigkey: query.sigkey }));
}
