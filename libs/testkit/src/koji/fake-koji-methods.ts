// Koji hub methods over FakeKoji, answering with the field names and types kojihub uses.
import type { PyValue } from './python-marshal.js';
import type { FakeBuild, FakeKoji, FakeRpm, FakeTag } from './fake-koji-data.js';

/** A Koji fault raised by a method: GenericError is 1000, ParameterError 1019. */
export class HubFault extends Error {
  constructor(readonly faultCode: number, readonly faultString: string) {
    super(faultString);
  }
}

type Opts = Record<string, unknown>;
type Method = (args: unknown[], opts: Opts) => PyValue;

/** The keyword arguments each method accepts in kojihub; anything else is a ParameterError there too. */
const KWARGS: Record<string, string[]> = {
  getLastEvent: ['before', 'strict'],
  getEvent: ['strict'],
  getTag: ['strict', 'event', 'blocked'],
  getFullInheritance: ['event', 'reverse'],
  listTaggedRPMS: ['event', 'inherit', 'latest', 'package', 'arch', 'rpmsigs', 'owner', 'type', 'strict', 'extra', 'draft'],
  getBuild: ['strict'],
  listRPMs: ['buildID', 'buildrootID', 'imageID', 'componentBuildrootID', 'hostID', 'arches', 'queryOpts', 'draft'],
  queryRPMSigs: ['rpm_id', 'sigkey', 'queryOpts'],
};

export function checkKwargs(method: string, opts: Opts): void {
  const allowed = KWARGS[method] ?? [];
  for (const name of Object.keys(opts)) {
    if (!allowed.includes(name)) throw new HubFault(1019, `${method}() got an unexpected keyword argument '${name}'`);
  }
}

function lastEvent(koji: FakeKoji): number {
  return Math.max(...koji.events.map((e) => e.id));
}

function findTag(koji: FakeKoji, info: unknown): FakeTag | undefined {
  return koji.tags.find((t) => t.id === info || t.name === info);
}

function strictTag(koji: FakeKoji, info: unknown): FakeTag {
  const tag = findTag(koji, info);
  if (!tag) throw new HubFault(1000, `No such tagInfo: '${String(info)}'`);
  return tag;
}

function inheritance(koji: FakeKoji, tag: FakeTag, depth = 1): PyValue[] {
  return tag.parents.flatMap((link) => {
    const parent = koji.tags.find((t) => t.id === link.parent_id)!;
    const entry = {
      child_id: tag.id, currdepth: depth, filter: [], intransitive: false, maxdepth: null, name: parent.name,
      nextdepth: null, noconfig: false, parent_id: parent.id, pkg_filter: '', priority: link.priority,
    };
    return [entry, ...inheritance(koji, parent, depth + 1)];
  });
}

function buildInfo(build: FakeBuild): Record<string, PyValue> {
  return {
    build_id: build.id, id: build.id, name: build.name, package_id: build.package_id, package_name: build.name,
    version: build.version, release: build.release, epoch: build.epoch, nvr: `${build.name}-${build.version}-${build.release}`,
    state: 1, draft: false, owner_id: 7, owner_name: 'releng', task_id: 90000 + build.id, volume_id: 0, volume_name: 'DEFAULT',
    creation_event_id: 90, creation_time: '2023-11-14 22:13:20.000000+00:00', completion_time: '2023-11-14 22:40:00.000000+00:00',
    start_time: '2023-11-14 22:13:20.000000+00:00', source: null, extra: null, cg_id: null, cg_name: null,
  };
}

function rpmInfo(build: FakeBuild, rpm: FakeRpm): Record<string, PyValue> {
  return {
    id: rpm.id, build_id: build.id, name: rpm.name, version: build.version, release: build.release, epoch: build.epoch,
    arch: rpm.arch, draft: false, payloadhash: `0f${String(rpm.id).padStart(30, '0')}`, size: 100000 + rpm.id,
    buildtime: 1699990000 + build.id, buildroot_id: 700 + build.id, metadata_only: false, extra: null,
  };
}

function listTagged(koji: FakeKoji, args: unknown[], opts: Opts): PyValue {
  const tag = strictTag(koji, args[0]);
  const event = typeof opts.event === 'number' ? opts.event : lastEvent(koji);
  const parents = opts.inherit ? inheritance(koji, tag).map((e) => (e as { parent_id: number }).parent_id) : [];
  const arches = opts.arch === undefined || opts.arch === null ? undefined : ([] as string[]).concat(opts.arch as string);
  const seen = new Set<number>();
  const builds: Record<string, PyValue>[] = [];
  for (const tagId of [tag.id, ...parents]) {
    const active = koji.listings
      .filter((l) => l.tag_id === tagId && l.create_event <= event && (l.revoke_event === null || l.revoke_event > event))
      .sort((a, b) => b.create_event - a.create_event);
    for (const listing of active) {
      const build = koji.builds.find((b) => b.id === listing.build_id)!;
      if (opts.latest && seen.has(build.package_id)) continue;
      seen.add(build.package_id);
      const listed = koji.tags.find((t) => t.id === tagId)!;
      builds.push({ ...buildInfo(build), tag_id: listed.id, tag_name: listed.name, create_event: listing.create_event });
    }
  }
  const rpms = builds.flatMap((b) => {
    const build = koji.builds.find((x) => x.id === b.build_id)!;
    return build.rpms.filter((r) => !arches || arches.includes(r.arch)).map((r) => rpmInfo(build, r));
  });
  return [rpms, builds];
}

export function makeMethods(koji: FakeKoji): Record<string, Method> {
  return {
    getLastEvent: () => ({ ...koji.events.find((e) => e.id === lastEvent(koji))! }),
    getEvent: ([id]) => {
      const event = koji.events.find((e) => e.id === id);
      if (!event) throw new HubFault(1000, 'query returned no rows');
      return { ...event };
    },
    getTag: ([info]) => {
      const tag = findTag(koji, info);
      return tag ? { id: tag.id, name: tag.name, arches: tag.arches, locked: false, perm: null, perm_id: null, maven_support: false, maven_include_all: false, extra: {} } : null;
    },
    getFullInheritance: ([info]) => inheritance(koji, strictTag(koji, info)),
    listTaggedRPMS: (args, opts) => listTagged(koji, args, opts),
    getBuild: ([info]) => {
      const build = koji.builds.find((b) => b.id === info || `${b.name}-${b.version}-${b.release}` === info);
      return build ? buildInfo(build) : null;
    },
    listRPMs: (_args, opts) => {
      const build = koji.builds.find((b) => b.id === opts.buildID);
      return build ? build.rpms.map((r) => ({ ...rpmInfo(build, r), external_repo_id: 0, external_repo_name: 'INTERNAL', nvr: `${r.name}-${build.version}-${build.release}` })) : [];
    },
    queryRPMSigs: (_args, opts) => {
      const rpm = koji.builds.flatMap((b) => b.rpms).find((r) => r.id === opts.rpm_id);
      if (!rpm) return [];
      return ['', ...rpm.sigs]
        .filter((key) => opts.sigkey === undefined || key === opts.sigkey)
        .map((sigkey) => ({ rpm_id: rpm.id, sigkey, sighash: `5e${rpm.id}${sigkey}` }));
    },
  };
}
