// A small Koji instance: a base tag and an updates tag inheriting it, builds with src, noarch and
// two binary arches, signatures by two keys, tagged at different events.

export interface FakeRpm {
  id: number;
  name: string;
  arch: string;
  /** Keys that signed this RPM (lower-case hex); Koji also keeps a '' entry for the unsigned header. */
  sigs: string[];
}

export interface FakeBuild {
  id: number;
  package_id: number;
  name: string;
  version: string;
  release: string;
  epoch: number | null;
  rpms: FakeRpm[];
}

export interface FakeTag {
  id: number;
  name: string;
  arches: string | null;
  parents: { parent_id: number; priority: number }[];
}

export interface FakeListing {
  tag_id: number;
  build_id: number;
  create_event: number;
  revoke_event: number | null;
}

export interface FakeKoji {
  events: { id: number; ts: number }[];
  tags: FakeTag[];
  builds: FakeBuild[];
  listings: FakeListing[];
}

export const PRIMARY_KEY = 'a15b79cc';
export const SECONDARY_KEY = 'deadbeef';

export function makeFakeKoji(): FakeKoji {
  const both = [PRIMARY_KEY, SECONDARY_KEY];
  return {
    events: [
      { id: 100, ts: 1700000000 },
      { id: 200, ts: 1700100000 },
      { id: 300, ts: 1700200000 },
    ],
    tags: [
      { id: 10, name: 'dist-f40', arches: 'x86_64 aarch64', parents: [] },
      { id: 11, name: 'dist-f40-updates', arches: 'x86_64 aarch64', parents: [{ parent_id: 10, priority: 0 }] },
    ],
    builds: [
      {
        id: 1, package_id: 501, name: 'bash', version: '5.2.26', release: '1.fc40', epoch: null,
        rpms: [
          { id: 1001, name: 'bash', arch: 'src', sigs: [SECONDARY_KEY] },
          { id: 1002, name: 'bash', arch: 'x86_64', sigs: [SECONDARY_KEY] },
          { id: 1003, name: 'bash', arch: 'aarch64', sigs: [SECONDARY_KEY] },
          { id: 1004, name: 'bash-doc', arch: 'noarch', sigs: [SECONDARY_KEY] },
        ],
      },
      {
        id: 2, package_id: 501, name: 'bash', version: '5.2.26', release: '3.fc40', epoch: null,
        rpms: [
          { id: 2001, name: 'bash', arch: 'src', sigs: [PRIMARY_KEY] },
          { id: 2002, name: 'bash', arch: 'x86_64', sigs: [PRIMARY_KEY] },
          { id: 2003, name: 'bash', arch: 'aarch64', sigs: [PRIMARY_KEY] },
          { id: 2004, name: 'bash-doc', arch: 'noarch', sigs: [PRIMARY_KEY] },
        ],
      },
      {
        id: 3, package_id: 502, name: 'python-six', version: '1.16.0', release: '1.fc40', epoch: 1,
        rpms: [
          { id: 3001, name: 'python-six', arch: 'src', sigs: both },
          { id: 3002, name: 'python3-six', arch: 'noarch', sigs: both },
        ],
      },
      {
        id: 4, package_id: 503, name: 'zsh', version: '5.9', release: '4.fc40', epoch: null,
        rpms: [
          { id: 4001, name: 'zsh', arch: 'src', sigs: [] },
          { id: 4002, name: 'zsh', arch: 'x86_64', sigs: [] },
        ],
      },
      {
        id: 5, package_id: 501, name: 'bash', version: '5.2.26', release: '2.fc40', epoch: null,
        rpms: [
          { id: 5001, name: 'bash', arch: 'src', sigs: [PRIMARY_KEY] },
          { id: 5002, name: 'bash', arch: 'x86_64', sigs: [PRIMARY_KEY] },
        ],
      },
    ],
    listings: [
      { tag_id: 10, build_id: 1, create_event: 100, revoke_event: null },
      { tag_id: 10, build_id: 3, create_event: 100, revoke_event: null },
      { tag_id: 11, build_id: 2, create_event: 250, revoke_event: null },
    ],
  };
}
