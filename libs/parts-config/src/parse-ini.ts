// The INI dialect of Python's RawConfigParser, which pungi-orchestrate reads its parts file with:
// `key = value` or `key: value`, indented continuation lines, full-line `#`/`;` comments,
// lower-cased keys, case-sensitive section names, no interpolation, duplicates rejected.
import { InputError } from '@compose/errors';

export interface IniEntry {
  /** Multi-line values keep their lines joined by "\n", as configparser does. */
  value: string;
  line: number;
}

export interface IniSection {
  name: string;
  line: number;
  /** Keys lower-cased; iteration order is file order. */
  entries: Map<string, IniEntry>;
}

export interface IniDocument {
  file: string;
  /** Sections in file order; [DEFAULT] is not among them. */
  sections: IniSection[];
  /** Values of [DEFAULT], which configparser offers as fallbacks in every section. */
  defaults: Map<string, IniEntry>;
}

const SECTION_LINE = /^\[(.+)\]\s*$/;
const OPTION_LINE = /^([^=:]+?)\s*[=:]\s*(.*)$/;

interface Cursor {
  section: IniSection | undefined;
  entry: IniEntry | undefined;
  entryIndent: number;
}

/** Parses INI text; problems are InputErrors pointing at FILE:LINE. */
export function parseIni(text: string, file: string): IniDocument {
  const doc: IniDocument = { file, sections: [], defaults: new Map() };
  const defaultsSection: IniSection = { name: 'DEFAULT', line: 0, entries: doc.defaults };
  const cursor: Cursor = { section: undefined, entry: undefined, entryIndent: 0 };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const stripped = raw.trim();
    const indent = raw.length - raw.trimStart().length;
    if (stripped.startsWith('#') || stripped.startsWith(';')) return;
    if (stripped === '') {
      // Blank lines may sit inside a multi-line value; trailing ones are trimmed at the end.
      if (cursor.entry) cursor.entry.value += '\n';
      return;
    }
    if (cursor.entry && indent > cursor.entryIndent) {
      cursor.entry.value += `\n${stripped}`;
      return;
    }
    finishEntry(cursor);
    const header = SECTION_LINE.exec(stripped);
    if (header) {
      cursor.section = openSection(doc, defaultsSection, header[1]!.trim(), line);
      return;
    }
    const option = OPTION_LINE.exec(stripped);
    if (!cursor.section) {
      throw problem(file, line, 'INI_NO_SECTION', `'${stripped}' comes before any [section]`, 'start the file with [general]');
    }
    if (!option) throw problem(file, line, 'INI_BAD_LINE', `'${stripped}' is neither a [section] nor a key = value line`, 'write key = value');
    const key = option[1]!.trim().toLowerCase();
    if (cursor.section.entries.has(key)) {
      const first = cursor.section.entries.get(key)!.line;
      throw problem(file, line, 'INI_DUPLICATE_KEY', `'${key}' is set twice in [${cursor.section.name}] (first on line ${first})`, 'keep one of them');
    }
    cursor.entry = { value: option[2]!, line };
    cursor.entryIndent = indent;
    cursor.section.entries.set(key, cursor.entry);
  });
  finishEntry(cursor);
  return doc;
}

function openSection(doc: IniDocument, defaults: IniSection, name: string, line: number): IniSection {
  if (name === 'DEFAULT') return defaults;
  const existing = doc.sections.find((s) => s.name === name);
  if (existing) {
    throw problem(doc.file, line, 'INI_DUPLICATE_SECTION', `section [${name}] appears twice (first on line ${existing.line})`, 'merge the two sections');
  }
  const section: IniSection = { name, line, entries: new Map() };
  doc.sections.push(section);
  return section;
}

function finishEntry(cursor: Cursor): void {
  if (cursor.entry) cursor.entry.value = cursor.entry.value.replace(/\n+$/, '');
  cursor.entry = undefined;
}

function problem(file: string, line: number, code: string, message: string, hint: string): InputError {
  return new InputError(code, message, { location: { file, line }, hint });
}

/** The value of `key` in `section`, falling back to [DEFAULT]. */
export function getIniValue(doc: IniDocument, section: IniSection, key: string): IniEntry | undefined {
  return section.entries.get(key) ?? doc.defaults.get(key);
}
