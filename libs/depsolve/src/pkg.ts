// One package as a record, read from its repo's compact index on first use, and the
// identity strings (name.arch, NVRA) hawkey prints and compares packages by.
import type { Dep } from '@compose/repodata';
import type { EvrParts } from './dep-match.js';
import { HAS_RUNTIME_FILES, NOSRC_LOCATION, type RepoIndex } from './repo-index.js';
import type { TripleMap } from './triple-map.js';
import type { LoadedRepo } from './types.js';

const FLAG_TEXT: Record<number, Dep['flags']> = { 1: 'GT', 2: 'EQ', 3: 'GE', 4: 'LT', 6: 'LE' };

/** One repo's index and where its packages start among the global ids. */
export interface IndexPart {
  repo: LoadedRepo;
  index: RepoIndex;
  base: number;
  /** Offset of this repo's string ids in the global name-key space. */
  keyBase: number;
  evrs: Map<number, EvrParts>;
  /** Requirement text per distinct (name id, flags, evr id + 1) of this repo. */
  texts: TripleMap<string>;
}

/** One package; `id` is its position in load order, as libsolv numbers solvables. */
export class Pkg {
  private deps?: { requires: Dep[]; provides: Dep[] };

  /** Fields are read from the index on access: most records only ever need a name or an EVR. */
  constructor(
    readonly id: number,
    private readonly part: IndexPart,
    private readonly local: number,
  ) {}

  get repoId(): string {
    return this.part.repo.id;
  }
  get repoPath(): string {
    return this.part.repo.path;
  }
  get lookaside(): boolean {
    return this.part.repo.lookaside;
  }
  get name(): string {
    return this.column('name');
  }
  get arch(): string {
    return this.column('arch');
  }
  get epoch(): number {
    return this.part.index.cols.epoch[this.local]!;
  }
  get version(): string {
    return this.column('version');
  }
  get release(): string {
    return this.column('release');
  }
  /** e.g. "bash-5.2-1.src.rpm"; empty for source packages. */
  get sourcerpm(): string {
    return this.column('sourcerpm');
  }
  /** location href inside the repo, for linking the file. */
  get location(): string {
    return this.column('location');
  }
  get locationBase(): string | undefined {
    const id = this.part.index.cols.locationBase[this.local]!;
    return id >= 0 ? this.part.index.str(id) : undefined;
  }
  /** What results list: the canonical file name `name-version-release.arch.rpm`. */
  get fileName(): string {
    return fileNameAt(this.part.index, this.local);
  }

  private column(key: 'name' | 'arch' | 'version' | 'release' | 'sourcerpm' | 'location'): string {
    const { index } = this.part;
    return index.str(index.cols[key][this.local]!);
  }

  get requires(): Dep[] {
    return (this.deps ??= this.readDeps()).requires;
  }

  get provides(): Dep[] {
    return (this.deps ??= this.readDeps()).provides;
  }

  /** Whether any file is one python-multilib's runtime method looks for (decided while indexing). */
  get hasRuntimeFiles(): boolean {
    return (this.part.index.cols.flags[this.local]! & HAS_RUNTIME_FILES) !== 0;
  }

  private readDeps(): { requires: Dep[]; provides: Dep[] } {
    const { index } = this.part;
    const c = index.cols;
    const requires: Dep[] = [];
    const provides: Dep[] = [];
    for (let d = c.depStart[this.local]!; d < c.provFrom[this.local]!; d++) requires.push(depAt(index, d));
    for (let d = c.provFrom[this.local]!; d < c.depStart[this.local + 1]!; d++) provides.push(depAt(index, d));
    return { requires, provides };
  }
}

/** Dependency entry `d` of an index as a Dep record. */
export function depAt(index: RepoIndex, d: number): Dep {
  const c = index.cols;
  const name = index.str(c.depName[d]!);
  const flags = FLAG_TEXT[c.depFlags[d]!];
  if (!flags) return { name };
  const [epoch, version, release] = index.str(c.depEvr[d]!).split('\n') as [string, string, string];
  const dep: Dep = { name, flags };
  if (epoch) dep.epoch = epoch;
  if (version) dep.version = version;
  if (release) dep.release = release;
  return dep;
}

/** hawkey's evr text: the epoch only when it is not 0. */
export function evrText(pkg: Pkg): string {
  return `${pkg.epoch ? `${pkg.epoch}:` : ''}${pkg.version}-${pkg.release}`;
}

export function nameArch(pkg: Pkg): string {
  return `${pkg.name}.${pkg.arch}`;
}

/** NVRA identity: hawkey compares packages by it, so copies in two repos are "equal". */
export function nevraKey(pkg: Pkg): string {
  return `${pkg.name}-${evrText(pkg)}.${pkg.arch}`;
}

/** What results list: `name-version-release.arch.rpm`, from the index columns alone. */
export function fileNameAt(index: RepoIndex, local: number): string {
  const c = index.cols;
  const arch = index.str(c.arch[local]!);
  // A source rpm built without sources is `.nosrc.rpm` on disk while its header says `src`.
  const nosrc = arch === 'src' && (c.flags[local]! & NOSRC_LOCATION) !== 0;
  return `${index.str(c.name[local]!)}-${index.str(c.version[local]!)}-${index.str(c.release[local]!)}.${nosrc ? 'nosrc' : arch}.rpm`;
}
