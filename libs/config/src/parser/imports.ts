import path from 'node:path';
import { configError } from './config-error.js';
import type { ImportRequest } from './parse-statements.js';
import type { Scope } from './scope.js';

/** kobo joins the glued name plus `.conf` to the importing file's directory. */
export function resolveImportPath(importingFile: string, request: ImportRequest): string {
  return path.resolve(path.dirname(importingFile), `${request.name}.conf`);
}

/** kobo would recurse until Python's stack overflows; we name the loop instead. */
export function checkImportCycle(chain: readonly string[], target: string, request: ImportRequest): void {
  const start = chain.indexOf(target);
  if (start === -1) return;
  const base = path.dirname(chain[0] ?? target);
  const names = [...chain.slice(start), target].map((file) => path.relative(base, file) || path.basename(file));
  throw configError('CONFIG_IMPORT_CYCLE', `import cycle: ${names.join(' -> ')}`, request.location,
    'remove one of the imports so no file imports itself, directly or through others');
}

/**
 * Copies what an import asked for into the importing scope: everything for `*` (including
 * the globals handed down), otherwise each listed name, which must exist there. Global names
 * of the imported file become globals of the importer too.
 */
export function mergeImport(scope: Scope, imported: Scope, request: ImportRequest, importedFile: string): void {
  for (const name of imported.globals) scope.globals.add(name);
  if (request.names.includes('*')) {
    for (const [name, value] of imported.values) scope.values.set(name, value);
    return;
  }
  for (const name of request.names) {
    const value = name.startsWith('_') ? undefined : imported.values.get(name);
    if (value === undefined) {
      throw configError('CONFIG_IMPORT_NAME', `cannot import '${name}' from ${importedFile}: it does not define it`,
        request.location, `define ${name} in ${path.basename(importedFile)} or drop it from the import list`);
    }
    scope.values.set(name, value);
  }
}
