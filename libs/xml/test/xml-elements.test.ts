import { describe, expect, it } from 'vitest';
import { ComposeError } from '@compose/errors';
import { readXmlElements } from '../src/index.js';

describe('readXmlElements', () => {
  it('keeps element order, attributes, decoded text and start positions', () => {
    const root = readXmlElements('<?xml version="1.0"?>\n<a x="1&amp;2">\n  <b>t&lt;u &amp;#65;</b>\n  <c/><![CDATA[<raw>]]>\n</a>\n', 'f.xml');
    expect(root.name).toBe('a');
    expect(root.attrs).toEqual({ x: '1&2' });
    expect(root.children.map((c) => [c.name, c.line, c.col])).toEqual([['b', 3, 3], ['c', 4, 3]]);
    expect(root.children[0]?.text).toBe('t<u &#65;');
    expect(root.text).toContain('<raw>');
  });

  it('reports malformed XML with file, line and column', () => {
    let error: unknown;
    try {
      readXmlElements('<a>\n  <b>\n</a>\n', 'broken.xml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ComposeError);
    expect((error as ComposeError).exitCode).toBe(2);
    expect((error as ComposeError).location).toMatchObject({ file: 'broken.xml', line: expect.any(Number) });
    expect((error as Error).message).toMatch(/broken\.xml is not well-formed XML/);
  });

  it('rejects documents without exactly one root', () => {
    expect(() => readXmlElements('', 'empty.xml')).toThrow(/empty\.xml/);
  });
});
