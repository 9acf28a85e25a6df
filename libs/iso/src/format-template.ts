import { InputError } from '@compose/errors';

export type TemplateValues = Record<string, string | number>;

/**
 * Expands a Pungi name template the way Pungi does: `(template % values).format(**values)`,
 * so both `%(variant)s` and `{variant}` work. An unknown key is an error naming it and the
 * option, as Pungi's "unknown format element".
 */
export function formatNameTemplate(template: string, values: TemplateValues, option: string): string {
  const percentDone = template.replace(/%(?:\((\w+)\))?([sdi%])/g, (whole, key: string | undefined, conversion: string) => {
    if (conversion === '%') return '%';
    if (key === undefined) throw unknownElement(option, template, whole);
    return render(lookup(values, key, option, template), conversion);
  });
  return percentDone.replace(/\{\{|\}\}|\{(\w*)\}/g, (whole, key: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    return String(lookup(values, key ?? '', option, template));
  });
}

function lookup(values: TemplateValues, key: string, option: string, template: string): string | number {
  if (!(key in values)) throw unknownElement(option, template, key);
  return values[key]!;
}

function render(value: string | number, conversion: string): string {
  if (conversion === 's') return String(value);
  const number = Number(value);
  if (!Number.isFinite(number)) throw new InputError('TEMPLATE', `%d needs a number, got "${value}"`);
  return String(Math.trunc(number));
}

function unknownElement(option: string, template: string, key: string): InputError {
  return new InputError('TEMPLATE', `${option}: unknown format element "${key}" in "${template}"`, {
    hint: 'known elements: compose_id, release_short, version, date, respin, type, type_suffix, label, label_major_version, variant, arch, disc_type, disc_num, suffix (and base_product_short/base_product_version for volume IDs)',
  });
}
