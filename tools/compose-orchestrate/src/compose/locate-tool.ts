import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** tools/compose-orchestrate, from src/compose/ (tests), dist/compose/ or the bundle (rewritten by scripts/bundle-tool.mjs). */
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

export type LocatedTool =
  | { ok: true; script: string }
  | { ok: false; problem: string; hint: string };

/**
 * Finds a phase tool's launcher: the sibling tool in this repository first, then
 * node_modules/.bin of an installation. The launcher imports dist/, so a tool that is checked
 * out but not built is reported as such rather than failing with a module-not-found trace.
 */
export function locateTool(tool: string, packageDir = PACKAGE_DIR): LocatedTool {
  const candidates = [path.resolve(packageDir, '..', tool, 'bin', `${tool}.js`)];
  for (let dir = packageDir; ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'node_modules', '.bin', tool));
    if (path.dirname(dir) === dir) break;
  }
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const launcher = realpathSync(candidate);
    const built = path.resolve(path.dirname(launcher), '..', 'dist', 'bin.js');
    if (existsSync(built)) return { ok: true, script: launcher };
    const project = path.basename(path.dirname(path.dirname(launcher)));
    return { ok: false, problem: `${tool} is not built (${path.relative(process.cwd(), built) || built} is missing)`, hint: `build it: npx nx run @compose/${project}:build` };
  }
  return { ok: false, problem: `${tool} is not installed`, hint: `expected ${candidates[0]} (build the workspace: npx nx run-many -t build)` };
}
