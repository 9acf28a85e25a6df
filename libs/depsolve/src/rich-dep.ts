// Parses rpm boolean dependencies: `(a and b)`, `(a or (b >= 2 with c))`, `(a if b else c)`.
import { InputError } from '@compose/errors';
import { REL_EQ, REL_GT, REL_LT, type EvrParts } from './dep-match.js';

export type RichOp = 'and' | 'or' | 'with' | 'without' | 'if' | 'unless';

export type RichNode =
  | { kind: 'dep'; name: string; flags: number; evr: EvrParts; text: string }
  | { kind: 'op'; op: RichOp; left: RichNode; right: RichNode; otherwise?: RichNode };

const OPS = new Set(['and', 'or', 'with', 'without', 'if', 'unless']);
const COMPARATORS: Record<string, number> = {
  '<': REL_LT,
  '<=': REL_LT | REL_EQ,
  '=': REL_EQ,
  '==': REL_EQ,
  '>=': REL_GT | REL_EQ,
  '>': REL_GT,
};

export function isRichDep(name: string): boolean {
  return name.startsWith('(');
}

/** Splits into `(`, `)` and words; parentheses inside a word (`g++(x86-64)`) stay in it. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push(ch);
      i++;
    } else {
      let depth = 0;
      let end = i;
      for (; end < text.length; end++) {
        const c = text[end]!;
        if (/\s/.test(c)) break;
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) break;
          depth--;
        }
      }
      tokens.push(text.slice(i, end));
      i = end;
    }
  }
  return tokens;
}

/** Splits an rpm EVR string `[E:]V[-R]`. */
export function parseEvrText(text: string): EvrParts {
  const colon = text.indexOf(':');
  const epoch = colon >= 0 ? text.slice(0, colon) : '0';
  const rest = colon >= 0 ? text.slice(colon + 1) : text;
  const dash = rest.lastIndexOf('-');
  if (dash < 0) return { epoch, version: rest };
  return { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) };
}

class RichParser {
  private pos = 0;
  constructor(
    private readonly tokens: string[],
    private readonly source: string,
  ) {}

  parseGroup(): RichNode {
    this.expect('(');
    const first = this.parseOperand();
    let node = first;
    while (this.peek() !== ')') {
      const op = this.next();
      if (!OPS.has(op)) this.fail(`unexpected '${op}'`);
      const right = this.parseOperand();
      if ((op === 'if' || op === 'unless') && this.peek() === 'else') {
        this.next();
        node = { kind: 'op', op, left: node, right, otherwise: this.parseOperand() };
      } else {
        node = { kind: 'op', op: op as RichOp, left: node, right };
      }
    }
    this.expect(')');
    return node;
  }

  private parseOperand(): RichNode {
    if (this.peek() === '(') return this.parseGroup();
    const name = this.next();
    if (name === ')' || OPS.has(name)) this.fail(`expected a dependency, got '${name}'`);
    const comparator = this.peek();
    if (comparator !== undefined && comparator in COMPARATORS) {
      this.next();
      const evrText = this.next();
      return { kind: 'dep', name, flags: COMPARATORS[comparator]!, evr: parseEvrText(evrText), text: `${name} ${comparator} ${evrText}` };
    }
    return { kind: 'dep', name, flags: 0, evr: { epoch: '0', version: '' }, text: name };
  }

  private peek(): string | undefined {
    return this.tokens[this.pos];
  }

  private next(): string {
    const token = this.tokens[this.pos++];
    if (token === undefined) this.fail('unexpected end');
    return token!;
  }

  private expect(token: string): void {
    if (this.next() !== token) this.fail(`expected '${token}'`);
  }

  private fail(message: string): never {
    throw new InputError('BAD_RICH_DEP', `cannot parse rich dependency ${this.source}: ${message}`);
  }
}

/** Parses a boolean dependency as primary.xml stores it in the entry name. */
export function parseRichDep(text: string): RichNode {
  const parser = new RichParser(tokenize(text), text);
  return parser.parseGroup();
}
