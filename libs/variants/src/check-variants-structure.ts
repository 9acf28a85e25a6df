import { InputError } from '@compose/errors';
import type { XmlElement } from '@compose/xml';

// The rules of Pungi's share/variants.dtd, written out by hand: what each element may contain
// (children in order, with how many times each may appear) and which attributes it takes.
type Occurs = '?' | '1' | '*' | '+';
interface AttributeRule {
  required?: boolean;
  values?: readonly string[];
}
interface ElementRule {
  content: 'text' | 'empty' | ReadonlyArray<readonly [string, Occurs]>;
  /** The DTD's `(...)?` around the whole content: an element with no children at all is valid too. */
  mayBeEmpty?: boolean;
  attrs: Record<string, AttributeRule>;
}

const BOOL = ['true', 'false'] as const;
const VARIANT_CHILDREN = [['ref', '*'], ['variant', '*']] as const;

const RULES: Record<string, ElementRule> = {
  variants: { content: VARIANT_CHILDREN, attrs: {} },
  variant: {
    content: [
      ['release', '?'], ['arches', '1'], ['groups', '?'], ['environments', '*'],
      ['variants', '*'], ['buildinstallpackages', '?'], ['modules', '?'],
    ],
    mayBeEmpty: true,
    attrs: {
      id: { required: true },
      name: { required: true },
      type: { required: true, values: ['variant', 'addon', 'optional', 'layered-product'] },
      has_optional: { values: BOOL },
      is_empty: { values: BOOL },
    },
  },
  release: { content: 'text', attrs: { name: {}, short: {}, version: {} } },
  arches: { content: [['arch', '+']], attrs: {} },
  arch: { content: 'text', attrs: {} },
  groups: { content: [['group', '+']], attrs: {} },
  group: { content: 'text', attrs: { glob: { values: BOOL }, default: { values: BOOL }, uservisible: { values: BOOL } } },
  modules: { content: [['module', '*'], ['kojitag', '*']], attrs: {} },
  module: { content: 'text', attrs: { glob: { values: BOOL } } },
  kojitag: { content: 'text', attrs: {} },
  environments: { content: [['environment', '+']], attrs: {} },
  environment: { content: 'text', attrs: { display_order: {} } },
  name: { content: 'text', attrs: {} },
  ref: { content: 'empty', attrs: { id: { required: true } } },
  buildinstallpackages: { content: [['package', '+']], attrs: {} },
  package: { content: 'text', attrs: {} },
};

// Pungi rejects leading/trailing whitespace in these because the text is used as an identifier.
const NO_WHITESPACE = new Set(['arch', 'environment', 'group', 'kojitag', 'module', 'name', 'package']);

function describeContent(rule: ElementRule): string {
  if (typeof rule.content === 'string') return rule.content === 'text' ? 'text only' : 'nothing';
  const seq = rule.content.map(([n, o]) => (o === '1' ? n : `${n}${o}`)).join(', ');
  return rule.mayBeEmpty ? `(${seq})?` : seq;
}

function checkChildren(el: XmlElement, rule: ElementRule, problem: (at: XmlElement, msg: string, hint?: string) => void): void {
  if (rule.content === 'text' || rule.content === 'empty') {
    const first = el.children[0];
    if (first) problem(first, `<${el.name}> may not contain elements, found <${first.name}>`, `<${el.name}> holds ${describeContent(rule)}`);
    if (rule.content === 'empty' && el.text.trim() !== '') problem(el, `<${el.name}> must be empty`);
    return;
  }
  if (el.text.trim() !== '') problem(el, `<${el.name}> may not contain text ("${el.text.trim().slice(0, 40)}")`, `<${el.name}> holds ${describeContent(rule)}`);
  if (rule.mayBeEmpty && el.children.length === 0) return;
  let i = 0;
  for (const [childName, occurs] of rule.content) {
    let count = 0;
    while (el.children[i]?.name === childName && (count === 0 || occurs === '*' || occurs === '+')) {
      count++;
      i++;
    }
    if (count === 0 && (occurs === '1' || occurs === '+')) {
      problem(el, `<${el.name}${describeIdentity(el)}> is missing <${childName}>`, `<${el.name}> must contain ${describeContent(rule)}`);
    }
  }
  const stray = el.children[i];
  if (stray) {
    const known = RULES[stray.name] !== undefined;
    problem(
      stray,
      known ? `<${stray.name}> is not allowed here inside <${el.name}>` : `unknown element <${stray.name}> inside <${el.name}>`,
      `<${el.name}> must contain, in this order: ${describeContent(rule)}`,
    );
  }
}

function describeIdentity(el: XmlElement): string {
  return el.attrs.id !== undefined ? ` id="${el.attrs.id}"` : '';
}

function checkAttributes(el: XmlElement, rule: ElementRule, problem: (at: XmlElement, msg: string, hint?: string) => void): void {
  for (const [name, attr] of Object.entries(rule.attrs)) {
    const value = el.attrs[name];
    if (value === undefined) {
      if (attr.required) problem(el, `<${el.name}${describeIdentity(el)}> is missing the required attribute "${name}"`, `add ${name}="..."`);
    } else if (attr.values && !attr.values.includes(value)) {
      problem(el, `<${el.name}${describeIdentity(el)}> has ${name}="${value}"`, `${name} must be one of: ${attr.values.join(', ')}`);
    }
  }
  for (const name of Object.keys(el.attrs)) {
    if (!(name in rule.attrs)) {
      const allowed = Object.keys(rule.attrs);
      problem(el, `<${el.name}> does not take the attribute "${name}"`, allowed.length ? `allowed attributes: ${allowed.join(', ')}` : `<${el.name}> takes no attributes`);
    }
  }
}

/** Checks a parsed variants.xml against the rules of variants.dtd; returns every problem found. */
export function checkVariantsStructure(root: XmlElement, file: string): InputError[] {
  const problems: InputError[] = [];
  const problem = (at: XmlElement, message: string, hint?: string): void => {
    problems.push(new InputError('VARIANTS_INVALID', message, { hint, location: { file, line: at.line, col: at.col } }));
  };
  if (root.name !== 'variants') {
    problem(root, `the root element is <${root.name}>, expected <variants>`, 'a variants file starts with <variants> (see variants.dtd)');
    return problems;
  }
  const visit = (el: XmlElement): void => {
    const rule = RULES[el.name];
    if (!rule) return; // reported by the parent as unknown
    checkAttributes(el, rule, problem);
    checkChildren(el, rule, problem);
    if (NO_WHITESPACE.has(el.name) && el.text !== el.text.trim()) {
      problem(el, `<${el.name}> "${el.text.trim()}" has leading or trailing whitespace`, 'remove the spaces and newlines around the value');
    }
    if (el.name === 'environment' && el.attrs.display_order !== undefined && !/^\s*[+-]?\d+\s*$/.test(el.attrs.display_order)) {
      problem(el, `<environment> display_order="${el.attrs.display_order}" is not an integer`, 'use a whole number, e.g. display_order="10"');
    }
    for (const child of el.children) {
      if (RULES[child.name]) visit(child);
      else if (typeof rule.content === 'string') continue;
      else if (!rule.content.some(([n]) => n === child.name)) problem(child, `unknown element <${child.name}> inside <${el.name}>`, `<${el.name}> must contain, in this order: ${describeContent(rule)}`);
    }
  };
  visit(root);
  return dedupe(problems);
}

// An unknown element can be reported both as a stray in sequence and while visiting; keep one.
function dedupe(problems: InputError[]): InputError[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.location?.line}:${p.location?.col}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
