// `{{configdir}}` and `{{part-NAME}}` in part configs, Jinja-style with optional spaces inside
// the braces. They are filled in on a copy of the part's config files when the part starts.
import { InputError } from '@compose/errors';

const PLACEHOLDER = /\{\{ *([A-Za-z0-9_-]+) *\}\}/g;

export interface PlaceholderUse {
  name: string;
  line: number;
  col: number;
}

/** The placeholders `text` uses, with where. */
export function listPlaceholders(text: string): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const before = text.slice(0, match.index);
    const line = before.split('\n').length;
    uses.push({ name: match[1]!, line, col: match.index! - before.lastIndexOf('\n') });
  }
  return uses;
}

/** Replaces every placeholder; an unknown one is an InputError naming the file and position. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>, file: string): string {
  const unknown = listPlaceholders(text).find((use) => !Object.hasOwn(values, use.name));
  if (unknown) {
    throw new InputError('PARTS_UNKNOWN_PLACEHOLDER', `unknown placeholder {{${unknown.name}}}`, {
      location: { file, line: unknown.line, col: unknown.col },
      hint: `known here: ${Object.keys(values).map((k) => `{{${k}}}`).join(', ')}`,
    });
  }
  return text.replace(PLACEHOLDER, (_, name: string) => values[name]!);
}

/** The placeholder naming part `name`'s compose directory. */
export function partPlaceholder(name: string): string {
  return `part-${name}`;
}
