import { copyFile, mkdir, appendFile } from 'node:fs/promises';
import path from 'node:path';
import {
  buildComposeInfo,
  createComposeDir,
  getLogDir,
  getMetadataPath,
  getWorkDir,
  validateLabel,
  writeComposeInfo,
  writeStatus,
  type ComposeType,
} from '@compose/compose-info';
import { COMPOSE_MANIFEST, type ComposeManifest } from '@compose/contracts';
import { InputError } from '@compose/errors';
import type { Logger } from '@compose/log';
import { writeJsonAtomic, writeManifest } from '@compose/manifest';
import { listAllVariants, listVariantArches, parseVariantsFile } from '@compose/variants';
import { loadValidConfig, requireConfigFile, resolveConfigFile, type LoadedConfig } from './load-config.js';
import { writeComposeComps } from './write-comps.js';
import { describeIdentity } from './identity.js';
import { toManifestVariant } from './manifest-variant.js';

export interface InitOptions {
  configFile: string;
  targetDir: string;
  composeType: ComposeType;
  label?: string;
  /** YYYYMMDD; today (UTC) when absent. */
  composeDate?: string;
  signal?: AbortSignal;
  log: Logger;
  /** The config already loaded and validated by the caller (compose checks it before init). */
  loaded?: LoadedConfig;
}

export interface InitResult {
  composeDir: string;
  composeId: string;
  variants: number;
  arches: string[];
  warnings: string[];
}

/**
 * The init phase: everything that can be checked is checked before the compose directory
 * exists, so bad input creates nothing. Once created, a failure marks the compose DOOMED.
 */
export async function runInit(options: InitOptions): Promise<InitResult> {
  const loaded = options.loaded ?? loadValidConfig(options.configFile);
  const identity = describeIdentity(loaded.config, options);
  if (options.label !== undefined) validateLabel(options.label);
  if (options.label !== undefined && options.composeType !== 'production') {
    throw new InputError('LABEL_NEEDS_PRODUCTION', `a label (${options.label}) is only allowed on production composes`, {
      hint: 'drop --label or use --compose-type production',
    });
  }
  const variantsFile = requireConfigFile(loaded, 'variants_file');
  const variants = await parseVariantsFile(variantsFile, {
    treeArches: asStringList(loaded.config['tree_arches']),
    treeVariants: asStringList(loaded.config['tree_variants']),
  });
  const compsFile = resolveConfigFile(loaded, 'comps_file');
  const arches = listVariantArches(variants);

  const created = await createComposeDir(options.targetDir, { ...identity, label: options.label });
  const composeDir = created.composeDir;
  const logFile = path.join(getLogDir(composeDir), 'init.global.log');
  const log = options.log;
  const detach = attachLogFile(log, logFile);
  try {
    log.step(`init ${created.composeId} in ${composeDir}`);
    for (const warning of loaded.warnings) log.warn(warning);
    await copyConfigFiles(composeDir, loaded.parsed.files);
    await writeJsonAtomic(path.join(getLogDir(composeDir), 'config-dump.json'), loaded.config, { sortKeys: true });
    const comps = await writeComposeComps(composeDir, compsFile, variants, arches, {
      filterEnvironments: loaded.config['comps_filter_environments'] !== false,
      log,
    });
    const info = buildComposeInfo({
      composeId: created.composeId,
      date: identity.date,
      respin: created.respin,
      type: options.composeType,
      label: options.label,
      release: identity.releaseInfo,
      baseProduct: identity.baseProductInfo,
      variants,
      createOptionalIsos: loaded.config['create_optional_isos'] === true,
      createJigdo: loaded.config['create_jigdo'] === true,
    });
    await writeComposeInfo(getMetadataPath(composeDir, 'composeinfo.json'), info);
    const manifest: ComposeManifest = {
      compose_id: created.composeId,
      date: identity.date,
      type: options.composeType,
      respin: created.respin,
      label: options.label ?? null,
      release: { ...identity.releaseInfo, type: identity.releaseInfo.type ?? 'ga', internal: identity.releaseInfo.internal ?? false },
      base_product: identity.baseProductInfo ? { ...identity.baseProductInfo, type: identity.baseProductInfo.type ?? 'ga' } : null,
      config_file: loaded.parsed.file,
      config_dir: loaded.configDir,
      config: loaded.config,
      config_set: Object.keys(loaded.parsed.values).sort(),
      arches,
      variants: listAllVariants(variants).map((v) => toManifestVariant(v)),
      comps,
    };
    await writeManifest(path.join(getWorkDir(composeDir), 'compose.json'), COMPOSE_MANIFEST, manifest);
    log.info(`init done: ${manifest.variants.length} variants, arches ${arches.join(' ')}`);
    return { composeDir, composeId: created.composeId, variants: manifest.variants.length, arches, warnings: [...log.warnings] };
  } catch (error) {
    await writeStatus(composeDir, 'DOOMED').catch(() => undefined);
    log.error(`init failed: ${(error as Error).message}`);
    throw error;
  } finally {
    await detach();
  }
}

/** Appends the logger's lines to a log file in order; the returned function flushes and detaches. */
function attachLogFile(log: Logger, file: string): () => Promise<void> {
  let chain: Promise<void> = Promise.resolve();
  const detach = log.attachSink((line) => {
    chain = chain.then(() => appendFile(file, `${line}\n`));
  });
  return async () => {
    detach();
    await chain;
  };
}

async function copyConfigFiles(composeDir: string, files: readonly string[]): Promise<void> {
  const dir = path.join(getLogDir(composeDir), 'config-copy');
  await mkdir(dir, { recursive: true });
  for (const file of files) await copyFile(file, path.join(dir, path.basename(file)));
}

function asStringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value.map(String) : undefined;
}


