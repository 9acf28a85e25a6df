import { describe, expect, it } from 'vitest';
import { InputError, InputErrors, isComposeError } from '@compose/errors';
import { filterVariants, parseVariantsFile, parseVariantsXml } from '@compose/variants';

const FILE = 'bad-variants.xml';

function wrap(inner: string): string {
  return `<?xml version="1.0"?>\n<variants>\n${inner}\n</variants>\n`;
}
const plain = (id: string, extra = '', body = ''): string =>
  `<variant id="${id}" name="${id}" type="variant"${extra}><arches><arch>x86_64</arch></arches>${body}</variant>`;

function problemsOf(xml: string): InputError[] {
  try {
    parseVariantsXml(xml, FILE);
  } catch (error) {
    if (error instanceof InputErrors) return [...error.problems];
    if (error instanceof InputError) return [error];
    throw error;
  }
  throw new Error('expected an InputError');
}

function expectProblem(xml: string, pattern: RegExp, line?: number): void {
  const problems = problemsOf(xml);
  const match = problems.find((p) => pattern.test(p.message));
  expect(match, problems.map((p) => p.message).join('\n')).toBeDefined();
  expect(match?.exitCode).toBe(2);
  expect(match?.location?.file).toBe(FILE);
  if (line !== undefined) expect(match?.location?.line).toBe(line);
  expect(match?.hint ?? '').not.toBe('');
}

describe('variants.xml errors', () => {
  it('malformed XML names file, line and column', () => {
    const problems = problemsOf('<variants>\n  <variant id="a">\n</variants>');
    expect(problems[0]?.code).toBe('XML_MALFORMED');
    expect(problems[0]?.location).toMatchObject({ file: FILE, line: 3 });
  });
  it('wrong root element', () => expectProblem('<variant id="x"/>', /root element is <variant>/, 1));
  it('unknown element', () => expectProblem(wrap(plain('A', '', '<foo/>')), /unknown element <foo>/, 3));
  it('unknown attribute', () => expectProblem(wrap(plain('A', ' colour="red"')), /does not take the attribute "colour"/, 3));
  it('missing required attribute', () =>
    expectProblem(wrap('<variant id="A" type="variant"><arches><arch>x86_64</arch></arches></variant>'), /missing the required attribute "name"/, 3));
  it('bad type value', () =>
    expectProblem(wrap('<variant id="A" name="A" type="product"><arches><arch>x86_64</arch></arches></variant>'), /type="product"/, 3));
  it('bad boolean', () => expectProblem(wrap(plain('A', ' has_optional="yes"')), /has_optional="yes"/, 3));
  it('missing arches', () => expectProblem(wrap('<variant id="A" name="A" type="variant"><groups><group>g</group></groups></variant>'), /missing <arches>/, 3));
  it('empty arches', () => expectProblem(wrap('<variant id="A" name="A" type="variant"><arches></arches></variant>'), /<arches> is missing <arch>/));
  it('children out of DTD order', () =>
    expectProblem(wrap('<variant id="A" name="A" type="variant"><groups><group>g</group></groups><arches><arch>x86_64</arch></arches></variant>'), /<arches> is not allowed here/));
  it('refs after variants at top level', () => expectProblem(wrap(`${plain('A')}<ref id="A"/>`), /<ref> is not allowed here inside <variants>/));
  it('text where only elements belong', () => expectProblem(wrap(plain('A', '', '<groups>oops<group>g</group></groups>')), /may not contain text/));
  it('whitespace around an arch', () => expectProblem(wrap('<variant id="A" name="A" type="variant"><arches><arch> x86_64</arch></arches></variant>'), /leading or trailing whitespace/));
  it('non-integer display_order', () =>
    expectProblem(wrap(plain('A', '', '<environments><environment display_order="first">e</environment></environments>')), /not an integer/));
  it('duplicate top-level id', () => expectProblem(wrap(`${plain('A')}\n${plain('A')}`), /duplicate variant id "A"/, 4));
  it('dangling ref', () => expectProblem(wrap(plain('A', '', '<variants><ref id="Nope"/></variants>')), /non-existing variant "Nope"/, 3));
  it('ref to a base variant', () => expectProblem(wrap(`${plain('B')}${plain('A', '', '<variants><ref id="B"/></variants>')}`), /non-existing variant "B"/));
  it('layered product without release', () =>
    expectProblem(wrap('<variant id="L" name="L" type="layered-product"><arches><arch>x86_64</arch></arches></variant>'), /has no <release>/));
  it('layered product release lacking version', () =>
    expectProblem(wrap('<variant id="L" name="L" type="layered-product"><release name="L" short="L"/><arches><arch>x86_64</arch></arches></variant>'), /lacks version/));
  it('addon containing variants', () =>
    expectProblem(wrap(`<variant id="X" name="X" type="addon"><arches><arch>x86_64</arch></arches><variants>${plain('Y')}</variants></variant>`), /contains other variants/));
  it('child id equal to parent id', () => expectProblem(wrap(plain('A', '', `<variants>${plain('A')}</variants>`)), /equals its parent's id/));
  it('two children with the same id', () =>
    expectProblem(wrap(`<variant id="R" name="R" type="addon"><arches><arch>x86_64</arch></arches></variant>${plain('A', '', `<variants><ref id="R"/>${'<ref id="R"/>'}</variants>`)}`), /two children with id "R"/));
  it('top-level optional', () =>
    expectProblem(wrap('<variant id="optional" name="o" type="optional"><arches><arch>x86_64</arch></arches></variant>'), /top level/));
  it('child arches disjoint from parent', () =>
    expectProblem(wrap(plain('A', '', '<variants><variant id="B" name="B" type="addon"><arches><arch>s390x</arch></arches></variant></variants>')), /does not intersect/, 3));
  it('child arches disjoint only after tree_arches', () => {
    const xml = wrap(`<variant id="A" name="A" type="variant"><arches><arch>x86_64</arch><arch>i386</arch></arches>
      <variants><variant id="B" name="B" type="addon"><arches><arch>x86_64</arch><arch>s390x</arch></arches></variant></variants></variant>`);
    const parsed = parseVariantsXml(xml, FILE);
    expect(() => filterVariants(parsed, { treeArches: ['i386', 's390x'] })).toThrow(/does not intersect/);
  });
  it('reports several problems at once', () => {
    const problems = problemsOf(wrap(`${plain('A', ' colour="x"')}\n${plain('B', ' is_empty="maybe"')}`));
    expect(problems.length).toBe(2);
  });
  it('unreadable file', async () => {
    const error = await parseVariantsFile('/nonexistent/variants.xml').catch((e: unknown) => e);
    expect(isComposeError(error) && error.code).toBe('VARIANTS_UNREADABLE');
  });
});
