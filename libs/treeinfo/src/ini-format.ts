import { InputError } from '@compose/errors';

/** Sections in file order; each maps option names (case kept) to values. */
export type IniDocument = Map<string, Map<string, string>>;

/**
 * Writes sections the way productmd's SortedConfigParser does: sections and options sorted by
 * code point, `key = value` lines, and a blank line after every section (including the last).
 * Byte-identical output matters because consumers diff and checksum .treeinfo files.
 */
export function formatIni(document: IniDocument): string {
  const lines: string[] = [];
  for (const section of [...document.keys()].sort(compareCodePoints)) {
    lines.push(`[${section}]`);
    const options = document.get(section)!;
    for (const key of [...options.keys()].sort(compareCodePoints)) {
      // configparser continues multi-line values with a tab-indented line
      lines.push(`${key} = ${options.get(key)!.replace(/\n/g, '\n\t')}`);
    }
    lines.push('');
  }
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * Reads INI text as Python's configparser does for .treeinfo files: `;`/`#` lines are comments
 * (so the [general] WARNING lines vanish), `=` or `:` separates key and value, indented lines
 * continue the previous value. Option names keep their case, as productmd's parser does.
 */
export function parseIni(text: string, file = '.treeinfo'): IniDocument {
  const document: IniDocument = new Map();
  let current: Map<string, string> | undefined;
  let lastKey: string | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    if (/^\s/.test(raw) && raw.trim() && current && lastKey !== undefined) {
      current.set(lastKey, `${current.get(lastKey)}\n${raw.trim()}`);
      return;
    }
    const line = raw.trim();
    lastKey = undefined;
    if (!line || line.startsWith(';') || line.startsWith('#')) return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      const name = header[1]!;
      if (document.has(name)) throw iniError(`duplicate section [${name}]`, file, index);
      current = new Map();
      document.set(name, current);
      return;
    }
    if (!current) throw iniError('option outside of any section', file, index);
    const separator = line.search(/[=:]/);
    if (separator <= 0) throw iniError(`expected "key = value", got: ${line}`, file, index);
    lastKey = line.slice(0, separator).trim();
    current.set(lastKey, line.slice(separator + 1).trim());
  });
  return document;
}

function iniError(message: string, file: string, index: number): InputError {
  return new InputError('INI_SYNTAX', message, { location: { file, line: index + 1, col: 1 } });
}

/** Python sorts str by code point; localeCompare would not. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
