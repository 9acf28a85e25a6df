// Why each package was added, kept as parallel number arrays: a distribution-scale run adds
// ~100k packages, and Reason objects (with their name.arch strings) are only built for the result.
import type { Reason, ReasonKind } from './types.js';

const KINDS: readonly ReasonKind[] = [
  'input', 'dependency', 'conditional', 'fulltree', 'multilib', 'selfhosting', 'prepopulate', 'langpack', 'source', 'debuginfo',
];
const KIND_CODE = new Map(KINDS.map((kind, i) => [kind, i]));

export class ReasonLog {
  private readonly ids: number[] = [];
  private readonly kinds: number[] = [];
  private readonly froms: number[] = [];
  /** The requirement, or for multilib the method; undefined when the kind has neither. */
  private readonly texts: (string | undefined)[] = [];

  /** Records that `id` was added as `kind`, pulled by package `from` (-1: none). */
  add(id: number, kind: ReasonKind, from: number, text: string | undefined): void {
    this.ids.push(id);
    this.kinds.push(KIND_CODE.get(kind)!);
    this.froms.push(from);
    this.texts.push(text);
  }

  /** Reason records per package id, in the order they were logged; `describe` names a `from` package. */
  materialize(describe: (id: number) => string): Map<number, Reason[]> {
    const byId = new Map<number, Reason[]>();
    for (let i = 0; i < this.ids.length; i++) {
      const kind = KINDS[this.kinds[i]!]!;
      const reason: Reason = { kind };
      if (this.froms[i]! >= 0) reason.of = describe(this.froms[i]!);
      const text = this.texts[i];
      if (text !== undefined) {
        if (kind === 'multilib') reason.method = text;
        else reason.requirement = text;
      }
      const list = byId.get(this.ids[i]!);
      if (list) list.push(reason);
      else byId.set(this.ids[i]!, [reason]);
    }
    return byId;
  }
}
