// A tiny safe-HTML builder: every interpolated value is escaped unless it is already markup
// built by `html`, so text from packages, errors or configs can never become markup.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Markup that is safe to insert as is (it was built by `html` or `raw`). */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Tagged template: `html\`<td>${name}</td>\`` escapes `name`; arrays are joined; null/undefined/false vanish. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += renderValue(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

/** Trusted constant markup (CSS, fixed SVG defs). Never pass data from a compose here. */
export function raw(markup: string): Html {
  return new Html(markup);
}

function renderValue(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map((item) => renderValue(item as HtmlValue)).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}
