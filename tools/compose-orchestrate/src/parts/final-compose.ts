// The directory of a multi-part compose: its own compose ID and composeinfo from the [general]
// release_* values, parts/ for the part composes, compose/ for their hard-linked content.
import { copyFile, mkdir, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import {
  buildComposeInfo,
  createComposeDir,
  formatComposeDate,
  getComposeIdFilePath,
  getLogDir,
  getMetadataPath,
  writeComposeInfo,
  type ComposeType,
} from '@compose/compose-info';
import type { ProductmdDocument } from '@compose/compose-merge';
import { InputError } from '@compose/errors';
import type { PartsConfig } from '@compose/parts-config';

export interface FinalCompose {
  composeDir: string;
  composeId: string;
  /** YYYYMMDD: the parts get the same date. */
  date: string;
  label?: string;
  /** work/global/composeinfo-base.json: identity without variants, the start of the merged composeinfo. */
  baseComposeInfo: ProductmdDocument;
}

export const BASE_COMPOSEINFO = 'work/global/composeinfo-base.json';

export function getPartsDir(composeDir: string): string {
  return path.join(composeDir, 'parts');
}

/**
 * A part compose points latest-<short>-<major> in parts/ at itself, which means nothing inside a
 * multi-part compose (pungi-orchestrate runs its parts with --no-latest-link); such links go.
 */
export async function removePartLatestLinks(composeDir: string): Promise<void> {
  for (const entry of await readdir(getPartsDir(composeDir), { withFileTypes: true })) {
    if (entry.isSymbolicLink() && entry.name.startsWith('latest-')) await rm(path.join(getPartsDir(composeDir), entry.name), { force: true });
  }
}

export function getPartLogFile(composeDir: string, part: string): string {
  return path.join(composeDir, 'logs', `${part}.log`);
}

/** Creates `<target>/<compose ID>/` as pungi-orchestrate lays it out. */
export async function createFinalCompose(config: PartsConfig, options: { targetDir: string; label?: string; composeDate?: string }): Promise<FinalCompose> {
  const { general } = config;
  const date = options.composeDate ?? formatComposeDate();
  if (!/^\d{8}$/.test(date)) throw new InputError('BAD_COMPOSE_DATE', `compose date '${date}' is not YYYYMMDD`, { hint: 'e.g. --compose-date 20261122' });
  const release = { short: general.release.short, version: general.release.version, type: general.release.type };
  const baseProduct = general.baseProduct ? { short: general.baseProduct.short, version: general.baseProduct.version, type: general.baseProduct.type } : undefined;
  const created = await createComposeDir(options.targetDir, {
    release, ...(baseProduct ? { baseProduct } : {}), date, type: general.composeType as ComposeType, ...(options.label ? { label: options.label } : {}),
  });
  const info = buildComposeInfo({
    composeId: created.composeId, date, respin: created.respin, type: general.composeType as ComposeType,
    ...(options.label ? { label: options.label } : {}),
    release: general.release,
    ...(general.baseProduct ? { baseProduct: general.baseProduct } : {}),
    variants: [],
  });
  const composeDir = created.composeDir;
  for (const dir of ['parts', 'compose/metadata', 'work/global']) await mkdir(path.join(composeDir, dir), { recursive: true });
  // The whole has no phase logs: logs/ holds orchestrator.log and one log per part.
  await rmdir(getLogDir(composeDir)).catch(() => undefined);
  await writeComposeInfo(path.join(composeDir, BASE_COMPOSEINFO), info);
  await copyFile(path.join(composeDir, BASE_COMPOSEINFO), getMetadataPath(composeDir, 'composeinfo.json'));
  return { composeDir, composeId: created.composeId, date, ...(options.label ? { label: options.label } : {}), baseComposeInfo: info as unknown as ProductmdDocument };
}

/** An existing multi-part compose, for restart. */
export async function openFinalCompose(composeDir: string): Promise<FinalCompose> {
  const absolute = path.resolve(composeDir);
  let composeId: string;
  let baseComposeInfo: ProductmdDocument;
  try {
    composeId = (await readFile(getComposeIdFilePath(absolute), 'utf8')).trim();
    baseComposeInfo = JSON.parse(await readFile(path.join(absolute, BASE_COMPOSEINFO), 'utf8')) as ProductmdDocument;
  } catch (error) {
    throw new InputError('PARTS_NOT_A_MULTI_COMPOSE', `${absolute} is not a multi-part compose: ${(error as Error).message}`, {
      hint: 'give --compose-dir the directory `parts start` printed (it has COMPOSE_ID, parts/ and work/global/composeinfo-base.json)',
    });
  }
  const compose = (baseComposeInfo.payload?.['compose'] ?? {}) as { date?: string; label?: string };
  return { composeDir: absolute, composeId, date: String(compose.date ?? ''), ...(compose.label ? { label: compose.label } : {}), baseComposeInfo };
}
