// repomd.xml as an element tree, read with the rpm-md scanner: the generic XML parser behind
// @compose/xml costs ~9 MiB of memory to load, which every depsolver run would pay just to
// read a 3 KiB file whose index it may find cached. Well-formedness is checked as far as
// repomd needs: tags must nest and close, and there must be exactly one root.
import type { XmlElement } from '@compose/xml';
import { InputError } from '@compose/errors';
import { decodeText, expandReferences, FLAG_HIGH } from './decode-text.js';
import { NameTable } from './name-table.js';
import { XmlScanner } from './xml-scanner.js';

/** The only attributes repomd readers look at. */
const ATTRIBUTES = ['type', 'href'] as const;
const attributeTable = new NameTable(ATTRIBUTES);
const elementTable = new NameTable(['repomd']);
const MARKUP = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;

function tagName(buf: Buffer, at: number, limit: number): string {
  let end = at;
  while (end < limit && buf[end]! > 0x20 && buf[end] !== 0x3e && buf[end] !== 0x2f) end++;
  return buf.toString('utf8', at, end);
}

function positionOf(buf: Buffer, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/** Parses `text` into its root element; malformed XML is an InputError (XML_MALFORMED) at its position. */
export function readRepomdTree(text: string, file: string): XmlElement {
  const buf = Buffer.from(text, 'utf8');
  const malformed = (message: string, offset: number): InputError =>
    new InputError('XML_MALFORMED', `${file} is not well-formed XML: ${message}`, {
      hint: 'fix the XML syntax (unclosed tag, stray "&" or "<", bad quoting)',
      location: { file, ...positionOf(buf, offset) },
    });
  const sc = new XmlScanner(elementTable, attributeTable);
  sc.reset(buf, 0, buf.length);
  const open: { element: XmlElement; start: number }[] = [];
  let root: XmlElement | undefined;
  let textFrom = 0;
  while (sc.nextTag()) {
    const top = open[open.length - 1];
    if (top && sc.tagStart > textFrom) top.element.text += readTextBetween(buf, textFrom, sc.tagStart);
    textFrom = sc.pos;
    if (sc.closing) {
      const name = tagName(buf, sc.tagStart + 2, buf.length);
      if (!top) throw malformed(`closing tag </${name}> without an open element`, sc.tagStart);
      if (top.element.name !== name) throw malformed(`expected </${top.element.name}>, found </${name}>`, sc.tagStart);
      open.pop();
      continue;
    }
    const element: XmlElement = { name: tagName(buf, sc.tagStart + 1, buf.length), attrs: {}, children: [], text: '', ...positionOf(buf, sc.tagStart) };
    for (let a = 0; a < sc.attrCount; a++) {
      const id = sc.attrId[a]!;
      if (id >= 0) element.attrs[ATTRIBUTES[id]!] = sc.attrValue(a);
    }
    if (top) top.element.children.push(element);
    else if (root) throw malformed('more than one root element', sc.tagStart);
    else root = element;
    if (!sc.selfClosing) open.push({ element, start: sc.tagStart });
  }
  const unclosed = open[open.length - 1];
  if (unclosed) throw malformed(`<${unclosed.element.name}> is never closed`, unclosed.start);
  if (!root) throw malformed('no root element', 0);
  return root;
}

/** Text between two tags, entities decoded; comments and PIs dropped, CDATA kept as text. */
function readTextBetween(buf: Buffer, start: number, end: number): string {
  const text = decodeText(buf, start, end, FLAG_HIGH);
  if (!text.includes('<')) return expandReferences(text);
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : expandReferences(part.replace(MARKUP, ''))))
    .join('');
}
