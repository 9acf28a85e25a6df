// Builds in-memory repos for unit tests: packages from short NEVRA strings and dependency texts.
import type { Dep, PrimaryPackage } from '@compose/repodata';
import type { LoadedRepos } from '@compose/depsolve';
import { DEFAULT_SOLVE_OPTIONS, type SolveInput, type SolveOptions } from '@compose/depsolve';

const OPS: Record<string, Dep['flags']> = { '=': 'EQ', '<': 'LT', '<=': 'LE', '>': 'GT', '>=': 'GE' };

/** `foo`, `foo >= 1.0-2`, `foo = 1:2.0`, or a rich `(a or b)` as primary.xml stores it. */
export function dep(text: string): Dep {
  if (text.startsWith('(')) return { name: text };
  const [name, op, evr] = text.split(/\s+/);
  if (!op || !evr) return { name: name! };
  const colon = evr.indexOf(':');
  const epoch = colon >= 0 ? evr.slice(0, colon) : undefined;
  const rest = colon >= 0 ? evr.slice(colon + 1) : evr;
  const dash = rest.lastIndexOf('-');
  const result: Dep = { name: name!, flags: OPS[op]!, version: dash >= 0 ? rest.slice(0, dash) : rest };
  if (epoch !== undefined) result.epoch = epoch;
  if (dash >= 0) result.release = rest.slice(dash + 1);
  return result;
}

export interface FakePackage {
  /** name-version-release.arch */
  nvra: string;
  epoch?: number;
  source?: string;
  requires?: string[];
  provides?: string[];
  files?: string[];
}

export function fakePackage(spec: FakePackage): PrimaryPackage {
  const match = /^(.+)-([^-]+)-([^-]+)\.([^.]+)$/.exec(spec.nvra);
  if (!match) throw new Error(`bad nvra ${spec.nvra}`);
  const [, name, version, release, arch] = match as unknown as [string, string, string, string, string];
  const epoch = spec.epoch ?? 0;
  return {
    pkgid: spec.nvra,
    name,
    arch,
    epoch,
    version,
    release,
    checksum: { type: 'sha256', value: spec.nvra },
    location: `Packages/${spec.nvra}.rpm`,
    sourcerpm: arch === 'src' ? '' : (spec.source ?? `${name}-${version}-${release}.src.rpm`),
    summary: '',
    packageSize: 0,
    installedSize: 0,
    archiveSize: 0,
    buildTime: 0,
    fileTime: 0,
    license: '',
    vendor: '',
    group: '',
    buildhost: '',
    headerStart: 0,
    headerEnd: 0,
    requires: (spec.requires ?? []).map(dep),
    provides: [{ name, flags: 'EQ', epoch: String(epoch), version, release }, ...(spec.provides ?? []).map(dep)],
    conflicts: [],
    obsoletes: [],
    recommends: [],
    suggests: [],
    supplements: [],
    enhances: [],
    files: spec.files ?? [],
  };
}

export function fakeRepos(main: FakePackage[], lookaside: FakePackage[] = []): LoadedRepos {
  const repos: LoadedRepos = { repos: [] };
  if (lookaside.length > 0) repos.repos.push({ id: 'lookaside', path: '/lookaside', lookaside: true, packages: lookaside.map(fakePackage) });
  repos.repos.push({ id: 'main', path: '/main', lookaside: false, packages: main.map(fakePackage) });
  return repos;
}

export function fakeInput(packages: string[], options: Partial<SolveOptions> = {}, arch = 'x86_64'): SolveInput {
  return {
    arch,
    repos: [{ id: 'main', path: '/main' }],
    lookaside_repos: [],
    packages,
    groups: [],
    conditional_packages: [],
    langpacks: [],
    options: { ...DEFAULT_SOLVE_OPTIONS, ...options },
  };
}
