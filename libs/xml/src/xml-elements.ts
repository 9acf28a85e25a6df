import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '@compose/errors';

/** One element of an XML document with the position of its start tag (1-based). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Direct text content (entities decoded), concatenated; '' when there is none. */
  text: string;
  line: number;
  col: number;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  captureMetaData: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded here in one pass so that `&amp;#65;` never turns into `A`.
  processEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

function locateOffsets(text: string): (offset: number) => { line: number; col: number } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (lineStarts[lo] ?? 0) + 1 };
  };
}

type RawNode = Record<string | symbol, unknown>;

function convertNode(node: RawNode, locate: ReturnType<typeof locateOffsets>): XmlElement | string | undefined {
  if ('#text' in node) return decodeEntities(String(node['#text']));
  if ('#cdata' in node) {
    const parts = node['#cdata'] as RawNode[];
    return parts.map((p) => String(p['#text'] ?? '')).join('');
  }
  const name = Object.keys(node).find((k) => k !== ':@');
  if (name === undefined) return undefined;
  const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = decodeEntities(String(v));
  const meta = node[META] as { startIndex?: number } | undefined;
  const where = locate(meta?.startIndex ?? 0);
  const element: XmlElement = { name, attrs, children: [], text: '', line: where.line, col: where.col };
  for (const child of (node[name] as RawNode[]) ?? []) {
    const converted = convertNode(child, locate);
    if (typeof converted === 'string') element.text += converted;
    else if (converted) element.children.push(converted);
  }
  return element;
}

/**
 * Parses an XML document into a small element tree. Malformed XML becomes an InputError at the
 * position the validator reports, so a user sees FILE:LINE:COL instead of a parser stack trace.
 */
export function readXmlElements(text: string, file: string): XmlElement {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    throw new InputError('XML_MALFORMED', `${file} is not well-formed XML: ${verdict.err.msg}`, {
      hint: 'fix the XML syntax (unclosed tag, stray "&" or "<", bad quoting)',
      location: { file, line: verdict.err.line, col: verdict.err.col },
    });
  }
  let nodes: RawNode[];
  try {
    nodes = parser.parse(text) as RawNode[];
  } catch (cause) {
    throw new InputError('XML_MALFORMED', `${file} is not well-formed XML: ${(cause as Error).message}`, {
      location: { file },
      cause,
    });
  }
  const locate = locateOffsets(text);
  const roots = nodes.map((n) => convertNode(n, locate)).filter((n): n is XmlElement => typeof n === 'object');
  const root = roots[0];
  if (!root || roots.length > 1) {
    throw new InputError('XML_MALFORMED', `${file} must contain exactly one root element`, { location: { file } });
  }
  return root;
}
