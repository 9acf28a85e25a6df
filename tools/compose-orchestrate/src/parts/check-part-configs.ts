// Everything wrong with the part configs is reported before the multi-part compose exists:
// a part failing on its config an hour in, after its dependencies ran, helps nobody.
import { readFileSync } from 'node:fs';
import { InputError, InputErrors, isComposeError } from '@compose/errors';
import { listAllDependencies, listPlaceholders, partPlaceholder, type PartsConfig } from '@compose/parts-config';
import { loadValidConfig } from '../init/load-config.js';

export interface CheckedPart {
  name: string;
  /** The part config and the files it imports: the files that get placeholders filled in. */
  files: string[];
  warnings: string[];
}

/** Parses and validates every part config and checks its placeholders against depends_on. */
export function checkPartConfigs(config: PartsConfig): Map<string, CheckedPart> {
  const problems: InputError[] = [];
  const checked = new Map<string, CheckedPart>();
  for (const part of config.parts) {
    let files: string[];
    let warnings: string[];
    try {
      const loaded = loadValidConfig(part.config);
      files = [...loaded.parsed.files];
      warnings = loaded.warnings;
    } catch (error) {
      if (error instanceof InputErrors) problems.push(...error.problems);
      else if (error instanceof InputError) problems.push(error);
      else if (isComposeError(error)) throw error;
      else problems.push(new InputError('PART_CONFIG_UNREADABLE', `part [${part.name}]: ${(error as Error).message}`, { location: part.location }));
      continue;
    }
    const allowed = new Set(['configdir', ...[...listAllDependencies(config.parts, part.name)].map(partPlaceholder)]);
    const known = new Set(config.parts.map((p) => partPlaceholder(p.name)));
    for (const file of files) {
      for (const use of listPlaceholders(readFileSync(file, 'utf8'))) {
        if (allowed.has(use.name)) continue;
        const location = { file, line: use.line, col: use.col };
        if (known.has(use.name)) {
          const other = use.name.slice('part-'.length);
          problems.push(new InputError('PARTS_PLACEHOLDER_NOT_A_DEPENDENCY', `{{${use.name}}} is used by part [${part.name}], which does not depend on part [${other}]`, {
            location, hint: `add ${other} to depends_on of [${part.name}] in ${config.file}, so ${other} has finished when ${part.name} starts`,
          }));
        } else {
          problems.push(new InputError('PARTS_UNKNOWN_PLACEHOLDER', `unknown placeholder {{${use.name}}} in the config of part [${part.name}]`, {
            location, hint: `known: ${[...allowed].map((n) => `{{${n}}}`).join(', ')}`,
          }));
        }
      }
    }
    checked.set(part.name, { name: part.name, files, warnings });
  }
  if (problems.length > 0) throw new InputErrors(problems, 'the part configs have problems');
  return checked;
}
