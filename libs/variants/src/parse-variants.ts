import { readFile } from 'node:fs/promises';
import { InputError, InputErrors } from '@compose/errors';
import { readXmlElements } from '@compose/xml';
import { checkVariantsStructure } from './check-variants-structure.js';
import { readVariantDeclarations } from './read-variant-declarations.js';
import { filterVariants, type VariantFilterOptions } from './filter-variants.js';
import type { Variant } from './variant-model.js';

function throwProblems(problems: InputError[], file: string): void {
  if (problems.length === 1 && problems[0]) throw problems[0];
  if (problems.length > 1) throw new InputErrors(problems, `${file}: ${problems.length} problems in the variants file`);
}

/**
 * Parses Pungi's variants.xml text: checks it against variants.dtd's rules, then builds the
 * top-level variants with their children (uids, arches restricted to the parent's, implied
 * optionals). `options` applies tree_arches / tree_variants as Pungi does while parsing.
 */
export function parseVariantsXml(text: string, file: string, options: VariantFilterOptions = {}): Variant[] {
  const root = readXmlElements(text, file);
  throwProblems(checkVariantsStructure(root, file), file);
  const { variants, problems } = readVariantDeclarations(root, file);
  throwProblems(problems, file);
  return filterVariants(variants, options);
}

export async function parseVariantsFile(path: string, options: VariantFilterOptions = {}): Promise<Variant[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new InputError('VARIANTS_UNREADABLE', `cannot read variants file ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, {
      hint: 'check variants_file in the config (relative paths are resolved against the config file directory)',
      location: { file: path },
      cause,
    });
  }
  return parseVariantsXml(text, path, options);
}
