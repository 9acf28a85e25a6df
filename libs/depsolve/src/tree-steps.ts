// Gather passes that widen the tree: fulltree siblings, langpacks and multilib packages.
import { FreshIds, type GatherContext } from './gather-context.js';
import { nvrKey } from './gather-context.js';
import { matchesAnyGlob } from './glob.js';
import { decideMultilib, type MultilibPolicy } from './multilib.js';
import type { LangpackRule } from './types.js';

/** The source package name of a binary, from its sourcerpm file name (Pungi's get_source_name). */
export function sourceNameOf(sourcerpm: string): string {
  const parts = sourcerpm.split('-');
  return parts.length > 2 ? parts.slice(0, -2).join('-') : parts[0]!;
}

/** Pungi's add_fulltree_packages: every sibling from the same source, on the same side of multilib. */
export class FulltreeStep {
  private readonly finished = new Map<number, number[]>();
  private readonly excludes: Set<string>;

  constructor(private readonly ctx: GatherContext) {
    this.excludes = new Set(ctx.opts.fulltree_excludes);
  }

  run(): boolean {
    const { ctx } = this;
    if (!ctx.opts.fulltree) return false;
    let added = false;
    for (const id of ctx.sorted(ctx.binary)) {
      const pkg = ctx.pkg(id);
      if (this.excludes.has(sourceNameOf(pkg.sourcerpm))) continue;
      const siblings = this.finished.get(id) ?? this.siblingsOf(id);
      for (const sibling of siblings) {
        if (ctx.add(sibling, 'fulltree', id)) added = true;
        // Packages pulled in (or already seen) here do not run fulltree themselves.
        this.finished.set(sibling, []);
      }
      this.finished.set(id, siblings);
    }
    return added;
  }

  private siblingsOf(id: number): number[] {
    const { ctx } = this;
    const source = ctx.pkg(id).sourcerpm;
    const native = ctx.caches.nativeBySource.get(source).map((p) => p.id);
    const multilib = ctx.caches.multilibBySource.get(source).map((p) => p.id);
    const noarch = ctx.caches.noarchBySource.get(source).map((p) => p.id);
    let pullNative: boolean;
    if (native.length === 0) pullNative = false;
    else if (native.some((i) => ctx.binary.has(i))) pullNative = true;
    else if (multilib.some((i) => ctx.binary.has(i))) pullNative = false;
    else pullNative = true;
    const greedyAll = ctx.opts.greedy_method === 'all';
    const result: number[] = [];
    if (pullNative || greedyAll) result.push(...native);
    if (!pullNative || greedyAll) result.push(...multilib);
    result.push(...noarch);
    return result;
  }
}

const LANGPACK_NEVER = ['*-devel', '*-static'];
const LANGPACK_EXCEPTIONS = new Set(['man-pages-overrides']);

/** Pungi's add_langpack_packages: comps langpack rules, the best package per matching name. */
export class LangpackStep {
  private readonly fresh = new FreshIds();
  private readonly ruleNames: Set<string>;
  /** Candidates per rule name, found on first use. */
  private byRuleName?: Map<string, number[]>;

  constructor(
    private readonly ctx: GatherContext,
    private readonly rules: readonly LangpackRule[],
  ) {
    this.ruleNames = new Set(rules.map((rule) => rule.name));
  }

  run(): boolean {
    const { ctx } = this;
    if (this.rules.length === 0) return false;
    let added = false;
    // Packages handled in an earlier pass would only re-add what they added then; only
    // packages a rule names can add anything, so only they are put in hawkey's order.
    const named = this.fresh.take(ctx.binaryOrder).filter((id) => this.ruleNames.has(ctx.index.nameOf(id)));
    for (const id of ctx.sorted(named)) {
      const candidates = this.candidatesFor(id);
      if (candidates.length === 0) continue;
      const byName = new Map<string, number[]>();
      for (const candidate of candidates) {
        const name = ctx.pkg(candidate).name;
        byName.set(name, [...(byName.get(name) ?? []), candidate]);
      }
      for (const name of [...byName.keys()].sort()) {
        const best = ctx.bestPackages(byName.get(name)!)[0];
        if (best === undefined) continue;
        if (ctx.add(best, 'langpack', id)) added = true;
      }
    }
    return added;
  }

  private candidatesFor(id: number): number[] {
    return (this.byRuleName ??= this.scanCandidates()).get(this.ctx.pkg(id).name) ?? [];
  }

  /**
   * Every rule's matching binaries, in one pass over the packages (ascending id): a name
   * that matches no rule is not tested again for its other arches and versions.
   */
  private scanCandidates(): Map<string, number[]> {
    const { ctx } = this;
    const found = new Map<string, number[]>();
    const byRule: { patterns: string[]; ids: number[] }[] = [];
    const patternsOf = new Map<string, string[]>();
    for (const rule of this.rules) {
      let patterns = patternsOf.get(rule.name);
      if (!patterns) {
        patternsOf.set(rule.name, (patterns = []));
        const ids: number[] = [];
        found.set(rule.name, ids);
        byRule.push({ patterns, ids });
      }
      patterns.push(rule.install.replaceAll('%s', '*'));
    }
    const noMatch = new Uint8Array(ctx.index.nameKeys);
    for (let id = 0; id < ctx.index.size; id++) {
      if (!ctx.queues.isBinary(id)) continue;
      const key = ctx.index.nameKeyOf(id);
      if (noMatch[key]) continue;
      const candidate = ctx.index.nameOf(id);
      let matched = false;
      if (!matchesAnyGlob(candidate, LANGPACK_NEVER) && !LANGPACK_EXCEPTIONS.has(candidate)) {
        for (let r = 0; r < byRule.length; r++) {
          if (!matchesAnyGlob(candidate, byRule[r]!.patterns)) continue;
          byRule[r]!.ids.push(id);
          matched = true;
        }
      }
      if (!matched) noMatch[key] = 1;
    }
    return found;
  }
}

/** Pungi's add_multilib_packages: the 32-bit build of an included 64-bit package, when multilib. */
export class MultilibStep {
  private readonly finished = new Set<number>();

  constructor(
    private readonly ctx: GatherContext,
    private readonly policy: MultilibPolicy,
  ) {}

  run(): boolean {
    const { ctx } = this;
    // No method and no whitelist: decideMultilib can only say no, as it does in Pungi.
    const { methods, whitelist } = this.policy;
    if (methods.length === 0 && whitelist.length === 0) return false;
    let added = false;
    for (const id of ctx.sorted(ctx.binary)) {
      if (this.finished.has(id)) continue;
      const pkg = ctx.pkg(id);
      if (pkg.arch === 'noarch' || pkg.arch === 'src' || pkg.arch === 'nosrc' || ctx.arches.multilib.has(pkg.arch)) {
        this.finished.add(id);
        continue;
      }
      const candidates = ctx.caches.multilibByNvr.get(nvrKey(pkg.name, pkg.version, pkg.release)).map((p) => p.id);
      for (const candidate of ctx.bestPackages(candidates)) {
        const method = decideMultilib(ctx.pkg(candidate), this.policy);
        if (!method) continue;
        // Pungi counts a multilib decision as progress even when the package was already in.
        ctx.add(candidate, 'multilib', id, method);
        added = true;
        this.finished.add(id);
      }
    }
    return added;
  }
}
