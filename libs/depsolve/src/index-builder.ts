// Collects packages into a RepoIndex: package columns, dependency entries and file owners,
// then the provider, name and file lookups as CSR arrays keyed by string id.
import type { Dep, PrimaryPackage } from '@compose/repodata';
import { flagBits } from './dep-match.js';
import { isRuntimeFile } from './multilib.js';
import { collectRequiredPaths } from './required-files.js';
import { HAS_RUNTIME_FILES, NOSRC_LOCATION, RepoIndex, type RepoIndexColumns } from './repo-index.js';
import { GrowableArray } from './growable-array.js';
import { StringTableBuilder } from './string-table.js';

const int32 = (): GrowableArray<Int32Array> => new GrowableArray(Int32Array, 1 << 12);
const uint8 = (): GrowableArray<Uint8Array> => new GrowableArray(Uint8Array, 1 << 12);

/** Paths longer than this share the last slot of WantedFiles.lengths. */
export const MAX_FILTERED_LENGTH = 1023;

/**
 * The file paths kept from filelists.xml: by string id, plus which byte lengths occur, so the
 * ~300k paths of a distribution are mostly turned down by length before any hash lookup.
 */
export interface WantedFiles {
  ids: Uint8Array;
  lengths: Uint8Array;
}

/** The fields of the package being read; string fields are string ids. */
export interface PackageFields {
  name: number;
  arch: number;
  epoch: number;
  version: number;
  release: number;
  sourcerpm: number;
  location: number;
  locationBase: number;
  flags: number;
}

export class RepoIndexBuilder {
  readonly strings = new StringTableBuilder();
  readonly current: PackageFields = emptyFields();
  private readonly pkgCols = {
    name: int32(), arch: int32(), epoch: int32(), version: int32(), release: int32(),
    sourcerpm: int32(), location: int32(), locationBase: int32(), flags: uint8(),
  };
  private readonly depStart = int32();
  private readonly provFrom = int32();
  private readonly depName = int32();
  private readonly depFlags = uint8();
  private readonly depEvr = int32();
  private readonly pendingProvides: number[] = [];
  private readonly fileKey = int32();
  private readonly fileOwner = int32();
  private readonly empty = this.strings.intern('');

  get count(): number {
    return this.pkgCols.name.length;
  }

  /** Sizes the package columns for `packages` more packages (primary.xml's `packages=` count). */
  reservePackages(packages: number): void {
    const size = this.count + packages;
    for (const column of Object.values(this.pkgCols)) column.reserve(size);
    this.depStart.reserve(size + 1);
    this.provFrom.reserve(size);
  }

  addRequire(name: number, flags: number, evr: number): void {
    this.depName.push(name);
    this.depFlags.push(flags);
    this.depEvr.push(evr);
  }

  /** Provides come before requires in primary.xml; they are stored after them. */
  addProvide(name: number, flags: number, evr: number): void {
    this.pendingProvides.push(name, flags, evr);
  }

  /** Records the package in `current` (and the deps added since the last one); returns its id. */
  endPackage(): number {
    const id = this.count;
    const c = this.current;
    const cols = this.pkgCols;
    cols.name.push(c.name);
    cols.arch.push(c.arch);
    cols.epoch.push(c.epoch);
    cols.version.push(c.version);
    cols.release.push(c.release);
    cols.sourcerpm.push(c.sourcerpm < 0 ? this.empty : c.sourcerpm);
    cols.location.push(c.location);
    cols.locationBase.push(c.locationBase);
    cols.flags.push(c.flags);
    if (id === 0) this.depStart.push(0);
    this.provFrom.push(this.depName.length);
    const pending = this.pendingProvides;
    for (let i = 0; i < pending.length; i += 3) this.addRequire(pending[i]!, pending[i + 1]!, pending[i + 2]!);
    pending.length = 0;
    this.depStart.push(this.depName.length);
    resetFields(c);
    return id;
  }

  addFile(owner: number, path: number): void {
    this.fileKey.push(path);
    this.fileOwner.push(owner);
  }

  markFlag(id: number, flag: number): void {
    this.pkgCols.flags.data[id]! |= flag;
  }

  /** An already parsed package (tests, in-memory repos). */
  addPrimaryPackage(meta: PrimaryPackage): number {
    const s = (text: string): number => this.strings.intern(text);
    Object.assign(this.current, {
      name: s(meta.name), arch: s(meta.arch), epoch: meta.epoch, version: s(meta.version), release: s(meta.release),
      sourcerpm: s(meta.sourcerpm), location: s(meta.location), locationBase: meta.locationBase === undefined ? -1 : s(meta.locationBase),
      flags: meta.arch === 'src' && meta.location.endsWith('.nosrc.rpm') ? NOSRC_LOCATION : 0,
    });
    for (const dep of meta.provides) this.addProvide(s(dep.name), flagBits(dep.flags), this.internEvr(dep));
    for (const dep of meta.requires) this.addRequire(s(dep.name), flagBits(dep.flags), this.internEvr(dep));
    const id = this.endPackage();
    for (const file of meta.files) {
      this.addFile(id, s(file));
      if (isRuntimeFile(file)) this.markFlag(id, HAS_RUNTIME_FILES);
    }
    return id;
  }

  /**
   * Marks the file paths filelists.xml entries are kept for: those this repo's requirements
   * name (read so far, so call it after primary.xml) plus `extra` (other repos' requirements).
   */
  wantedFiles(extra: readonly string[]): WantedFiles {
    const strings = this.strings;
    const deps = { count: this.count, strings: strings.size, depStart: this.depStart.data, provFrom: this.provFrom.data, depName: this.depName.data };
    const paths = collectRequiredPaths(deps, (id) => strings.firstByte(id), (id) => strings.text(id));
    const all = [...paths, ...extra];
    const ids = all.map((path) => strings.intern(path));
    const wanted = new Uint8Array(strings.size);
    for (const id of ids) wanted[id] = 1;
    const lengths = new Uint8Array(MAX_FILTERED_LENGTH + 1);
    for (const path of all) lengths[Math.min(Buffer.byteLength(path), MAX_FILTERED_LENGTH)] = 1;
    return { ids: wanted, lengths };
  }

  internEvr(dep: Dep): number {
    if (!dep.flags) return -1;
    return this.strings.intern(`${dep.epoch ?? ''}\n${dep.version ?? ''}\n${dep.release ?? ''}`);
  }

  /** The index; the builder's storage is released (it cannot be used afterwards). */
  finish(): RepoIndex {
    const strings = this.strings.finish();
    const keys = strings.size;
    const n = this.count;
    const c = this.pkgCols;
    const depStart = n === 0 ? new Int32Array(1) : this.depStart.take();
    const provFrom = this.provFrom.take();
    const depName = this.depName.take();
    const names = c.name.take();
    // The three lookups share their scratch arrays: fewer dead buffers at the build's peak.
    const scratch = { last: new GrowableArray(Int32Array, keys), fill: new GrowableArray(Int32Array, keys) };
    // libsolv gives every package an implicit "name = evr" provide.
    const provides = buildCsr(keys, scratch, (visit) => {
      for (let id = 0; id < n; id++) {
        visit(names[id]!, id);
        for (let d = provFrom[id]!; d < depStart[id + 1]!; d++) visit(depName[d]!, id);
      }
    });
    const byName = buildCsr(keys, scratch, (visit) => {
      for (let id = 0; id < n; id++) visit(names[id]!, id);
    });
    const fileKey = this.fileKey.data;
    const fileOwner = this.fileOwner.data;
    const files = buildCsr(keys, scratch, (visit) => {
      for (let i = 0; i < this.fileKey.length; i++) visit(fileKey[i]!, fileOwner[i]!);
    });
    scratch.last.release();
    scratch.fill.release();
    this.fileKey.release();
    this.fileOwner.release();
    const cols: RepoIndexColumns = {
      name: names, arch: c.arch.take(), epoch: c.epoch.take(), version: c.version.take(), release: c.release.take(),
      sourcerpm: c.sourcerpm.take(), location: c.location.take(), locationBase: c.locationBase.take(), flags: c.flags.take(),
      depStart, provFrom, depName, depFlags: this.depFlags.take(), depEvr: this.depEvr.take(),
      provOff: provides.offsets, provIds: provides.ids, nameOff: byName.offsets, nameIds: byName.ids, fileOff: files.offsets, fileIds: files.ids,
    };
    return new RepoIndex(strings, cols);
  }
}

function emptyFields(): PackageFields {
  return { name: -1, arch: -1, epoch: 0, version: -1, release: -1, sourcerpm: -1, location: -1, locationBase: -1, flags: 0 };
}

/** emptyFields in place: no object per package. */
function resetFields(c: PackageFields): void {
  c.name = c.arch = c.version = c.release = c.sourcerpm = c.location = c.locationBase = -1;
  c.epoch = c.flags = 0;
}

/**
 * Groups (key, id) pairs by key with a counting sort. Pairs arrive in ascending id order, so
 * each group comes out ascending; a repeated id for the same key is kept once.
 */
function buildCsr(
  keys: number,
  scratch: { last: GrowableArray<Int32Array>; fill: GrowableArray<Int32Array> },
  walk: (visit: (key: number, id: number) => void) => void,
): { offsets: Int32Array; ids: Int32Array } {
  const offsets = new Int32Array(keys + 1);
  scratch.last.reserve(keys);
  scratch.fill.reserve(keys);
  const last = scratch.last.data.subarray(0, keys).fill(-1);
  let total = 0;
  walk((key, id) => {
    if (last[key] === id) return;
    last[key] = id;
    offsets[key + 1]!++;
    total++;
  });
  for (let k = 0; k < keys; k++) offsets[k + 1]! += offsets[k]!;
  const fill = scratch.fill.data.subarray(0, keys);
  fill.set(offsets.subarray(0, keys));
  const ids = new Int32Array(total);
  last.fill(-1);
  walk((key, id) => {
    if (last[key] === id) return;
    last[key] = id;
    ids[fill[key]!++] = id;
  });
  // File lists may come in another order than primary.xml: keep every group ascending.
  for (let k = 0; k < keys; k++) {
    for (let i = offsets[k]! + 1; i < offsets[k + 1]!; i++) {
      if (ids[i - 1]! > ids[i]!) {
        ids.subarray(offsets[k]!, offsets[k + 1]!).sort();
        break;
      }
    }
  }
  return { offsets, ids };
}
