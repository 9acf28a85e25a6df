// Shapes of the Koji hub replies we read. Field names are Koji's; only fields we rely on are typed,
// the hub sends more (extra, metadata_only, volume_name, ...) and they pass through untouched.

/** getLastEvent / getEvent: an event id and its time in seconds since the epoch. */
export interface KojiEvent {
  id: number;
  ts: number;
}

/** getTag. */
export interface KojiTag {
  id: number;
  name: string;
  arches: string | null;
  locked: boolean;
  perm: string | null;
  perm_id: number | null;
  [field: string]: unknown;
}

/** getFullInheritance: one parent link, nearest first. */
export interface KojiInheritanceEntry {
  child_id: number;
  parent_id: number;
  name: string;
  currdepth: number;
  priority: number;
  intransitive: boolean;
  noconfig: boolean;
  pkg_filter: string;
  maxdepth: number | null;
  [field: string]: unknown;
}

/** An RPM as listTaggedRPMS and listRPMs report it (no file name, no sourcerpm). */
export interface KojiRpm {
  id: number;
  build_id: number;
  name: string;
  version: string;
  release: string;
  epoch: number | null;
  arch: string;
  payloadhash: string;
  size: number;
  buildtime: number;
  [field: string]: unknown;
}

/** A build as getBuild and the second list of listTaggedRPMS report it. */
export interface KojiBuild {
  id: number;
  build_id: number;
  name: string;
  package_name: string;
  version: string;
  release: string;
  epoch: number | null;
  nvr: string;
  state: number;
  owner_name: string;
  [field: string]: unknown;
}

/** listTaggedRPMS's builds also say which tag of the inheritance chain they came from. */
export interface KojiTaggedBuild extends KojiBuild {
  tag_id: number;
  tag_name: string;
}

/** queryRPMSigs: one signature Koji holds for an RPM; sigkey is lower-case hex, '' for the unsigned header. */
export interface KojiRpmSignature {
  rpm_id: number;
  sigkey: string;
  sighash: string;
}
