// The JSON files gather reads besides the manifests: gather_source_mapping and gather_prepopulate.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, NotImplementedError } from '@compose/errors';
import { getCompatibleArches, splitNameArch } from '@compose/rpm';

/** gather_source_mapping: {variant uid: {arch: {package name: [arch or null, ...]}}}. */
export type SourceMapping = Record<string, Record<string, Record<string, (string | null)[]>>>;
/** gather_prepopulate: {variant uid: {arch: {build: ["name.arch", ...]}}}. */
export type Prepopulate = Record<string, Record<string, Record<string, string[]>>>;

async function readJson(file: string, option: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new InputError('MISSING_INPUT_FILE', `${option}: cannot read ${file}: ${(cause as Error).message}`, { location: { file } });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InputError('BAD_INPUT_FILE', `${option}: ${file} is not valid JSON: ${(cause as Error).message}`, { location: { file } });
  }
}

export async function readSourceMapping(config: Record<string, unknown>, configDir: string): Promise<SourceMapping | null> {
  const setting = config['gather_source_mapping'];
  if (typeof setting !== 'string' || setting === '') return null;
  const data = await readJson(path.resolve(configDir, setting), 'gather_source_mapping');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError('BAD_INPUT_FILE', `gather_source_mapping: ${setting} must map variant -> arch -> package -> [arches]`);
  }
  return data as SourceMapping;
}

/** Pungi copies the prepopulate file from the config dir by its base name; other SCMs need a checkout. */
export async function readPrepopulate(config: Record<string, unknown>, configDir: string): Promise<Prepopulate | null> {
  const setting = config['gather_prepopulate'];
  if (setting === undefined || setting === null) return null;
  let file: string;
  if (typeof setting === 'string') file = path.join(configDir, path.basename(setting));
  else {
    const scm = setting as { scm?: string; file?: string };
    if (scm.scm !== 'file' || typeof scm.file !== 'string') throw new NotImplementedError(`gather_prepopulate from scm "${scm.scm}"`, 'put the file next to the config and name it as a string');
    file = path.join(configDir, path.basename(scm.file));
  }
  return (await readJson(file, 'gather_prepopulate')) as Prepopulate;
}

/** Pungi's get_prepopulate_packages for one variant.arch: "name.arch" entries of every build. */
export function listPrepopulate(data: Prepopulate | null, variantUid: string, arch: string): string[] {
  const result = new Set<string>();
  for (const packages of Object.values(data?.[variantUid]?.[arch] ?? {})) {
    for (const entry of packages) {
      const { name, arch: pkgArch } = splitNameArch(entry);
      if (!pkgArch || !getCompatibleArches(arch, { multilib: true }).includes(pkgArch)) {
        throw new InputError('BAD_PREPOPULATE', `gather_prepopulate: incompatible package arch '${pkgArch ?? ''}' for tree arch '${arch}' in prepopulate package '${name}'`);
      }
      result.add(entry);
    }
  }
  return [...result].sort();
}
