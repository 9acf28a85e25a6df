// Gather passes that follow requirements: comps conditionals, binary, build and debuginfo deps.
import { FreshIds, type GatherContext } from './gather-context.js';
import type { ConditionalPackage } from './types.js';

/** Pungi's add_conditional_packages: comps `requires=` entries for packages already in. */
export class ConditionalStep {
  private readonly fresh = new FreshIds();

  constructor(
    private readonly ctx: GatherContext,
    private readonly rules: readonly ConditionalPackage[],
  ) {}

  run(): boolean {
    const { ctx } = this;
    if (!ctx.opts.resolve_deps) return false;
    let added = false;
    if (this.rules.length === 0) return false;
    // A package seen in an earlier pass would only re-add the same conditionals.
    for (const id of this.fresh.takeOrdered(ctx.binaryOrder)) {
      for (const dep of this.resolve(id)) {
        if (ctx.add(dep, 'conditional', id)) added = true;
      }
    }
    return added;
  }

  private resolve(id: number): number[] {
    const { ctx } = this;
    const name = ctx.pkg(id).name;
    const deps = new Set<number>();
    for (const rule of this.rules) {
      if (rule.name !== name) continue;
      const candidates = ctx.index.idsNamed(rule.install).filter((i) => ctx.queues.isBinary(i));
      for (const dep of ctx.bestPackages(candidates)) deps.add(dep);
    }
    return [...deps];
  }
}

/** Pungi's add_binary_package_deps. */
export class BinaryDepsStep {
  private readonly fresh = new FreshIds();

  constructor(private readonly ctx: GatherContext) {}

  run(): boolean {
    const { ctx } = this;
    if (!ctx.opts.resolve_deps) return false;
    let added = false;
    // Every package of a pass's snapshot ends finished, so only newer ones can need work.
    for (const id of this.fresh.takeOrdered(ctx.binaryOrder)) {
      const edges = ctx.packageDeps(id);
      for (let i = 0; i < edges.ids.length; i++) {
        if (ctx.add(edges.ids[i]!, 'dependency', id, edges.requirements[i])) added = true;
      }
    }
    return added;
  }
}

/** Pungi's add_source_package_deps: BuildRequires of included sources when self-hosting. */
export class SourceDepsStep {
  private readonly finished = new Set<number>();

  constructor(private readonly ctx: GatherContext) {}

  run(): boolean {
    const { ctx } = this;
    const { opts } = ctx;
    if (!opts.resolve_deps || !opts.selfhosting || opts.exclude_source) return false;
    let added = false;
    for (const id of ctx.ordered(ctx.source)) {
      if (this.finished.has(id)) continue;
      this.finished.add(id);
      const edges = ctx.packageDeps(id);
      for (let i = 0; i < edges.ids.length; i++) {
        if (ctx.add(edges.ids[i]!, 'selfhosting', id, edges.requirements[i])) added = true;
      }
    }
    return added;
  }
}

/** Pungi's add_debug_package_deps: debuginfo requiring other debuginfo (e.g. -debuginfo-common). */
export class DebugDepsStep {
  private readonly finished = new Set<number>();

  constructor(private readonly ctx: GatherContext) {}

  run(): boolean {
    const { ctx } = this;
    if (!ctx.opts.resolve_deps || ctx.opts.exclude_debug) return false;
    let added = false;
    for (const id of ctx.ordered(ctx.debug)) {
      if (this.finished.has(id)) continue;
      const edges = ctx.packageDeps(id, true);
      for (let i = 0; i < edges.ids.length; i++) {
        // A requirement some included binary already satisfies needs no debuginfo.
        if (ctx.binary.has(edges.ids[i]!)) continue;
        if (ctx.addDebug(edges.ids[i]!, 'debuginfo', id, edges.requirements[i])) added = true;
      }
      this.finished.add(id);
    }
    return added;
  }
}
