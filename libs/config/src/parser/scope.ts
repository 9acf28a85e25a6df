import type { Node } from './nodes.js';

/**
 * The names one config file has bound so far. Each imported file gets its own scope that
 * starts with only the importer's `global` names, exactly like kobo's nested PyConfigParser.
 */
export class Scope {
  /** Map order is binding order; rebinding keeps the first position, as a Python dict does. */
  readonly values = new Map<string, Node>();
  readonly globals = new Set<string>();

  /** A fresh scope for an imported file, seeded with this scope's global names. */
  createImportScope(): Scope {
    const child = new Scope();
    for (const name of this.globals) {
      const value = this.values.get(name);
      if (value === undefined) continue;
      child.values.set(name, value);
      child.globals.add(name);
    }
    return child;
  }
}
