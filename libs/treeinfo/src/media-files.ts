import { InputError } from '@compose/errors';
import { majorVersion, type SourceVariant } from './describe-tree.js';
import type { TreeProduct } from './treeinfo-model.js';

export interface DiscinfoData {
  /** Already formatted ("1795311270.672112") or seconds, formatted like Python's "%f". */
  timestamp: string | number;
  /** Release description, e.g. "Dummy Product 1.0" (see describeMedia). */
  description: string;
  arch: string;
  /** Disc numbers of a split media set; default ["ALL"]. */
  discNumbers?: readonly (number | 'ALL')[];
}

/** Python's "%f" % time.time(): six decimals, which is what Pungi writes and media.repo reuses. */
export function formatDiscinfoTimestamp(seconds: number): string {
  return seconds.toFixed(6);
}

/** A .discinfo as Pungi writes it: timestamp, description, arch, disc numbers, one per line. */
export function renderDiscinfo(data: DiscinfoData): string {
  const timestamp = typeof data.timestamp === 'number' ? formatDiscinfoTimestamp(data.timestamp) : data.timestamp;
  const discs = data.discNumbers?.length ? data.discNumbers : ['ALL'];
  for (const [field, value] of [['timestamp', timestamp], ['description', data.description], ['arch', data.arch]] as const) {
    if (!value || /\n/.test(value)) throw new InputError('DISCINFO_INVALID', `.discinfo ${field} must be one non-empty line`);
  }
  return [timestamp, data.description, data.arch, discs.join(',')].map((line) => `${line}\n`).join('');
}

/** Reads a .discinfo the way productmd does: missing or "ALL" disc numbers mean the whole set. */
export function parseDiscinfo(text: string): { timestamp: string; description: string; arch: string; discNumbers: (number | 'ALL')[] } {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const [timestamp = '', description = '', arch = '', discs = ''] = lines;
  if (!timestamp || Number.isNaN(Number(timestamp)) || !description || !arch) {
    throw new InputError('DISCINFO_INVALID', '.discinfo needs a timestamp, a description and an arch line');
  }
  const discNumbers: (number | 'ALL')[] = !discs || discs === 'ALL' ? ['ALL'] : discs.split(',').map((n) => Number.parseInt(n, 10));
  return { timestamp, description: description.replace(/^["']+|["']+$/g, ''), arch, discNumbers };
}

/**
 * media.repo, the repo file PackageKit and dnf use for installation media. Its mediaid is the
 * .discinfo timestamp, which is how the installer pairs the two.
 */
export function renderMediaRepo(data: { name: string; mediaId: string }): string {
  return ['[InstallMedia]', `name=${data.name}`, `mediaid=${data.mediaId}`, 'metadata_expire=-1', 'gpgcheck=0', 'cost=500', ''].join('\n');
}

export interface MediaDescriptionInput {
  release: TreeProduct;
  baseProduct?: TreeProduct;
  variant: Pick<SourceVariant, 'name' | 'type' | 'release'>;
  arch: string;
  /** release_discinfo_description: a %-template with %(variant_name)s and %(arch)s. */
  template?: string;
}

/**
 * Pungi's get_description(): the text in .discinfo and media.repo. A layered product names
 * itself "for" the base product's major version, as if composed separately.
 */
export function describeMedia(input: MediaDescriptionInput): string {
  let result: string;
  if (input.template !== undefined) {
    result = input.template;
  } else if (input.variant.type === 'layered-product') {
    const own = input.variant.release;
    if (!own) throw new InputError('TREEINFO_LAYERED', `layered product ${input.variant.name} has no <release> in variants.xml`);
    result = `${own.name} ${own.version} for ${input.release.name} ${majorVersion(input.release.version)}`;
  } else {
    result = `${input.release.name} ${input.release.version}`;
    if (input.baseProduct?.name) result += ` for ${input.baseProduct.name} ${input.baseProduct.version}`;
  }
  return expandPercentNames(result, { variant_name: input.variant.name, arch: input.arch });
}

// Python applies `result % {...}` to every description, so a literal "%%" becomes "%".
function expandPercentNames(template: string, values: Record<string, string>): string {
  return template.replace(/%(?:\((\w+)\)s|%)/g, (match, name: string | undefined) => {
    if (name === undefined) return '%';
    const value = values[name];
    if (value === undefined) throw new InputError('DISCINFO_TEMPLATE', `unknown name %(${name})s in release_discinfo_description`);
    return value;
  });
}
