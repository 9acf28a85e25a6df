// compose/metadata/rpms.json in productmd 1.2 form: variant -> arch -> srpm nevra -> rpm nevra.
import { formatProductmdJson, getMetadataPath } from '@compose/compose-info';
import type { ComposeManifest, GatherCategory, PkgsetPackage } from '@compose/contracts';
import { writeFileAtomic } from '@compose/manifest';
import { formatNevra, parseRpmFilename } from '@compose/rpm';

export interface RpmEntry {
  variant: string;
  arch: string;
  pkg: PkgsetPackage;
  category: GatherCategory;
  path: string;
}

export function formatPackageNevra(pkg: PkgsetPackage): string {
  return formatNevra({ name: pkg.name, epoch: pkg.epoch, version: pkg.version, release: pkg.release, arch: pkg.arch });
}

/** productmd keys a binary by its source's NEVRA, with the binary's epoch (Pungi's _get_srpm_nevra). */
export function formatSourceNevra(pkg: PkgsetPackage): string {
  if (pkg.arch === 'src' || !pkg.sourcerpm) return formatPackageNevra(pkg);
  const source = parseRpmFilename(pkg.sourcerpm);
  return formatNevra({ ...source, epoch: pkg.epoch, arch: 'src' });
}

type Tree = Record<string, Record<string, Record<string, Record<string, { category: GatherCategory; path: string; sigkey: string | null }>>>>;

export function buildRpmsMetadata(compose: ComposeManifest, entries: readonly RpmEntry[]): unknown {
  const rpms: Tree = {};
  for (const entry of entries) {
    const bySource = (((rpms[entry.variant] ??= {})[entry.arch] ??= {})[formatSourceNevra(entry.pkg)] ??= {});
    bySource[formatPackageNevra(entry.pkg)] = { category: entry.category, path: entry.path, sigkey: entry.pkg.sigkey };
  }
  return {
    header: { type: 'productmd.rpms', version: '1.2' },
    payload: { compose: { date: compose.date, id: compose.compose_id, respin: compose.respin, type: compose.type }, rpms },
  };
}

export async function writeRpmsMetadata(composeDir: string, metadata: unknown): Promise<string> {
  const file = getMetadataPath(composeDir, 'rpms.json');
  await writeFileAtomic(file, formatProductmdJson(metadata, 4));
  return file;
}

/**
 * compose/metadata/modules.json: Pungi writes it with every gather, empty when the compose has
 * no modules (ours never has: module gathering is not implemented), and consumers expect it.
 */
export async function writeModulesMetadata(composeDir: string, compose: ComposeManifest): Promise<string> {
  const file = getMetadataPath(composeDir, 'modules.json');
  const metadata = {
    header: { type: 'productmd.modules', version: '1.2' },
    payload: { compose: { date: compose.date, id: compose.compose_id, respin: compose.respin, type: compose.type }, modules: {} },
  };
  await writeFileAtomic(file, formatProductmdJson(metadata, 4));
  return file;
}
