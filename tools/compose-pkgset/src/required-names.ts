import path from 'node:path';
import { parseCompsFile } from '@compose/comps';
import { getVariantArchValue } from '@compose/config';
import type { ComposeManifest } from '@compose/contracts';

/**
 * Package names the compose explicitly asks for: mandatory and default members of the variants'
 * comps groups and additional_packages. If the signature check leaves none of these with an
 * acceptable copy, the package set cannot serve the compose and the phase fails.
 */
export async function collectRequiredNames(compose: ComposeManifest, composeDir: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const relative of Object.values(compose.comps.variant_arch)) {
    const comps = await parseCompsFile(path.join(composeDir, relative));
    for (const group of comps.groups) {
      for (const pkg of group.packages) if (pkg.type === 'mandatory' || pkg.type === 'default') names.add(pkg.name);
    }
  }
  for (const variant of compose.variants) {
    for (const arch of variant.arches) {
      for (const item of getVariantArchValue(compose.config, 'additional_packages', variant.uid, arch)) {
        const name = String(item);
        if (!/[*?[]/.test(name)) names.add(name.replace(/\.[^.]+$/, (suffix) => (compose.arches.includes(suffix.slice(1)) ? '' : suffix)));
      }
    }
  }
  return names;
}
