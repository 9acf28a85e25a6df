// Gather passes that add the source and debuginfo packages belonging to included binaries.
import { FreshIds, type GatherContext } from './gather-context.js';
import { nevraKey, type Pkg } from './package-index.js';

/** kobo's parse_nvra on a sourcerpm file name: `name-version-release.arch.rpm`. */
export function parseSourceRpm(fileName: string): { name: string; version: string; release: string } | undefined {
  const stem = fileName.endsWith('.rpm') ? fileName.slice(0, -4) : fileName;
  const archDot = stem.lastIndexOf('.');
  const nvr = archDot >= 0 ? stem.slice(0, archDot) : stem;
  const releaseDash = nvr.lastIndexOf('-');
  const versionDash = releaseDash > 0 ? nvr.lastIndexOf('-', releaseDash - 1) : -1;
  if (versionDash <= 0) return undefined;
  return { name: nvr.slice(0, versionDash), version: nvr.slice(versionDash + 1, releaseDash), release: nvr.slice(releaseDash + 1) };
}

/** Pungi's add_source_packages. */
export class SourcePackagesStep {
  private readonly bySourceRpm = new Map<string, number>();
  private readonly fresh = new FreshIds();

  constructor(private readonly ctx: GatherContext) {}

  run(): boolean {
    const { ctx } = this;
    if (ctx.opts.exclude_source) return false;
    let added = false;
    // A binary handled before only re-finds the source it added then.
    for (const id of this.fresh.takeOrdered(ctx.binaryOrder)) {
      const sourceId = this.findSource(id);
      if (sourceId === undefined) continue;
      if (ctx.pkg(sourceId).lookaside || ctx.pkg(id).lookaside) ctx.lookasideFlag.add(sourceId);
      if (!ctx.source.has(sourceId)) {
        ctx.source.add(sourceId);
        ctx.addReason(sourceId, 'source', id);
        added = true;
      }
    }
    return added;
  }

  private findSource(id: number): number | undefined {
    const { ctx } = this;
    const pkg = ctx.pkg(id);
    if (!pkg.sourcerpm) return undefined;
    const known = this.bySourceRpm.get(pkg.sourcerpm);
    if (known !== undefined) return known;
    const nvr = parseSourceRpm(pkg.sourcerpm);
    if (!nvr) return undefined;
    const sources = sourcesWithNvr(ctx, nvr.name, nvr.version, nvr.release);
    if (sources.length === 0) return undefined;
    // Prefer the source from the binary's own repo (Pungi's _get_matching_srpm).
    const match = sources.find((src) => src.repoId === pkg.repoId) ?? sources[0]!;
    this.bySourceRpm.set(pkg.sourcerpm, match.id);
    return match.id;
  }
}

/**
 * Source packages (of the filtered queue) with this NVR in load order, a second copy of one
 * NVRA (another repo) left out as hawkey finds it equal: Pungi's source QueryCache, looked up
 * through the name index instead of grouping every source package of the repos.
 */
function sourcesWithNvr(ctx: GatherContext, name: string, version: string, release: string): Pkg[] {
  const found: Pkg[] = [];
  for (const id of ctx.index.idsNamed(name)) {
    if (!ctx.queues.isSource(id)) continue;
    const pkg = ctx.pkg(id);
    if (pkg.version !== version || pkg.release !== release) continue;
    if (found.length === 0) found.push(pkg);
    else if (!found.some((other) => nevraKey(other) === nevraKey(pkg))) found.push(pkg);
  }
  return found;
}

/** Pungi's add_debug_packages: only `<name>-debuginfo` and `*-debugsource*` of the same arch. */
export class DebugPackagesStep {
  private readonly fresh = new FreshIds();

  constructor(private readonly ctx: GatherContext) {}

  run(): boolean {
    const { ctx } = this;
    if (ctx.opts.exclude_debug) return false;
    let added = false;
    // A binary passed over before (no sourcerpm, no debuginfo) would be passed over again.
    for (const id of this.fresh.takeOrdered(ctx.binaryOrder)) {
      const pkg = ctx.pkg(id);
      if (!pkg.sourcerpm) continue;
      const native = ctx.arches.native.has(pkg.arch);
      const candidates = (native ? ctx.caches.nativeDebugBySource : ctx.caches.multilibDebugBySource).get(pkg.sourcerpm);
      if (candidates.length === 0) continue;
      for (const candidate of candidates) {
        if (candidate.arch !== pkg.arch) continue;
        if (!candidate.name.includes('-debugsource') && candidate.name !== `${pkg.name}-debuginfo`) continue;
        if (candidate.lookaside || pkg.lookaside) ctx.lookasideFlag.add(candidate.id);
        if (!ctx.debug.has(candidate.id)) {
          ctx.debug.add(candidate.id);
          ctx.addReason(candidate.id, 'debuginfo', id);
          added = true;
        }
      }
    }
    return added;
  }
}
