import { InputError } from '@compose/errors';
import { readXmlElements, type XmlElement } from '@compose/xml';
import { normalizeChecksum, type Checksum } from './checksum.js';
import { isContainedPath } from './repo-url.js';

/** One `<data>` entry of repomd.xml: just what mirroring needs. */
export interface RepomdRecord {
  type: string;
  href: string;
  /** xml:base of the location, when the file lives somewhere else than the repo. */
  base?: string;
  checksum: Checksum;
  size?: number;
}

/**
 * Lists the metadata files repomd.xml points at. Deliberately minimal (no timestamps, open
 * checksums, databases): full rpm-md reading belongs to @compose/repodata.
 */
export function readRepomdRecords(text: string, file: string): RepomdRecord[] {
  const root = readXmlElements(text, file);
  if (localName(root) !== 'repomd') {
    throw new InputError('REPOMD_INVALID', `${file} is not repomd.xml: root element is <${root.name}>`, {
      location: { file, line: root.line, col: root.col },
    });
  }
  const records = root.children.filter((child) => localName(child) === 'data').map((data) => readRecord(data, file));
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.href)) {
      throw new InputError('REPOMD_INVALID', `${file} lists ${record.href} twice`);
    }
    seen.add(record.href);
  }
  return records;
}

function readRecord(data: XmlElement, file: string): RepomdRecord {
  const where = { file, line: data.line, col: data.col };
  const type = data.attrs['type'] ?? '';
  const fail = (what: string): InputError =>
    new InputError('REPOMD_INVALID', `${file}: <data type="${type}"> ${what}`, { location: where });
  if (type === '') throw fail('has no type attribute');
  const location = findChild(data, 'location');
  const href = location?.attrs['href'];
  if (href === undefined || href === '') throw fail('has no <location href>');
  // The href decides where the file lands in the local repo view, so it must stay inside it.
  if (!isContainedPath(href)) throw fail(`location "${href}" points outside the repo`);
  const checksumElement = findChild(data, 'checksum');
  if (checksumElement === undefined) throw fail('has no <checksum>');
  const checksum = normalizeChecksum(
    { type: checksumElement.attrs['type'] ?? '', value: checksumElement.text },
    `${file}:${checksumElement.line}: ${type}`,
  );
  const record: RepomdRecord = { type, href, checksum };
  const base = location?.attrs['xml:base'];
  if (base !== undefined && base !== '') record.base = base;
  const sizeText = findChild(data, 'size')?.text.trim();
  if (sizeText !== undefined && sizeText !== '') {
    if (!/^[0-9]+$/.test(sizeText)) throw fail(`has a non-numeric <size> "${sizeText}"`);
    record.size = Number(sizeText);
  }
  return record;
}

function findChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => localName(child) === name);
}

/** Some generators prefix the repo namespace (`<repo:data>`); the element's meaning is the same. */
function localName(element: XmlElement): string {
  const colon = element.name.indexOf(':');
  return colon === -1 ? element.name : element.name.slice(colon + 1);
}
