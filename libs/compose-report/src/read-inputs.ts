// Reads whatever a compose has produced so far. A report is also written for composes that
// died early, so every input is optional: a missing or broken file becomes a notice, not an error.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PhaseDeliverable, PhaseRecord, PhasesManifest } from '@compose/contracts';
import { getComposeIdFilePath, getLogDir, getMetadataPath, getStatusFilePath } from '@compose/compose-info';

/** productmd rpms 1.2 payload.rpms: variant -> arch -> srpm nevra -> rpm nevra -> entry. */
export type RpmsTree = Record<string, Record<string, Record<string, Record<string, { category?: string; path?: string }>>>>;

/** One productmd images 1.2 entry (only the fields the report shows). */
export interface ImageEntry {
  path?: string;
  size?: number;
  type?: string;
  format?: string;
  arch?: string;
  bootable?: boolean;
  volume_id?: string | null;
  subvariant?: string;
  checksums?: Record<string, string>;
}

/** productmd images 1.2 payload.images: variant -> arch -> images. */
export type ImagesTree = Record<string, Record<string, ImageEntry[]>>;

/** Pungi's logs/global/deliverables.json: status -> kind -> [variant, arch, subvariant][]. */
export type DeliverablesJson = Record<string, Record<string, [string, string, string | null][]>>;

export interface ComposeInfoSummary {
  id?: string;
  date?: string;
  type?: string;
  respin?: number;
  label?: string;
  releaseName?: string;
  releaseVersion?: string;
}

export interface ReportInputs {
  composeDir: string;
  composeId?: string;
  status?: string;
  info: ComposeInfoSummary;
  phases?: PhasesManifest;
  rpms?: RpmsTree;
  images?: ImagesTree;
  deliverables?: DeliverablesJson;
  /** Inputs that were missing or unreadable, said in words for the reader of the report. */
  notices: string[];
}

type Loaded = { value: unknown } | { missing: true } | { problem: string };

export async function readReportInputs(composeDir: string): Promise<ReportInputs> {
  const notices: string[] = [];
  const logDir = getLogDir(composeDir);
  const load = async (file: string, what: string, whenMissing?: string): Promise<unknown> => {
    const loaded = await loadJson(file);
    const shown = path.relative(composeDir, file);
    if ('value' in loaded) return loaded.value;
    if ('problem' in loaded) notices.push(`${shown} could not be read (${loaded.problem}); ${what} not shown.`);
    else if (whenMissing) notices.push(`${shown} does not exist: ${whenMissing}`);
    return undefined;
  };

  const phasesData = await load(path.join(logDir, 'phases.json'), 'the time map and phases are', 'no phase timing recorded.');
  const rpmsData = await load(getMetadataPath(composeDir, 'rpms.json'), 'package counts are', 'no packages gathered (yet).');
  const imagesData = await load(getMetadataPath(composeDir, 'images.json'), 'images are', 'no images made (yet).');
  const deliverablesData = await load(path.join(logDir, 'deliverables.json'), 'deliverable totals are');
  const infoData = await load(getMetadataPath(composeDir, 'composeinfo.json'), 'release details are');

  const phases = normalizePhases(phasesData, notices);
  const info = summarizeComposeInfo(infoData);
  const composeId = (await readTextFile(getComposeIdFilePath(composeDir))) ?? info.id ?? phases?.compose_id;
  const status = (await readTextFile(getStatusFilePath(composeDir))) ?? phases?.status;
  return {
    composeDir,
    composeId,
    status,
    info,
    phases,
    rpms: objectAt(rpmsData, ['payload', 'rpms']) as RpmsTree | undefined,
    images: objectAt(imagesData, ['payload', 'images']) as ImagesTree | undefined,
    deliverables: isObject(deliverablesData) ? (deliverablesData as DeliverablesJson) : undefined,
    notices,
  };
}

async function loadJson(file: string): Promise<Loaded> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { missing: true } : { problem: code ?? String(error) };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `not JSON: ${(error as Error).message}` };
  }
}

async function readTextFile(file: string): Promise<string | undefined> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}

/** phases.json may be a compose.phases envelope or a bare payload; a half-written one still shows what it has. */
function normalizePhases(data: unknown, notices: string[]): PhasesManifest | undefined {
  if (!isObject(data)) return undefined;
  const payload = isObject(data.header) && isObject(data.payload) ? data.payload : data;
  const phases = Array.isArray(payload.phases) ? payload.phases.filter(isNamedRecord) : [];
  const deliverables = Array.isArray(payload.deliverables) ? payload.deliverables.filter(isObject) : [];
  if (!Array.isArray(payload.phases)) notices.push('logs/global/phases.json has no phases list.');
  return {
    compose_id: stringOr(payload.compose_id, ''),
    status: stringOr(payload.status, ''),
    started: stringOr(payload.started, ''),
    finished: typeof payload.finished === 'string' ? payload.finished : undefined,
    phases: phases as unknown as PhaseRecord[],
    deliverables: deliverables as unknown as PhaseDeliverable[],
  };
}

function summarizeComposeInfo(data: unknown): ComposeInfoSummary {
  const compose = objectAt(data, ['payload', 'compose']) ?? {};
  const release = objectAt(data, ['payload', 'release']) ?? {};
  return {
    id: optionalString(compose.id),
    date: optionalString(compose.date),
    type: optionalString(compose.type),
    respin: typeof compose.respin === 'number' ? compose.respin : undefined,
    label: optionalString(compose.label),
    releaseName: optionalString(release.name),
    releaseVersion: optionalString(release.version),
  };
}

function objectAt(data: unknown, keys: string[]): Record<string, unknown> | undefined {
  let current: unknown = data;
  for (const key of keys) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return isObject(current) ? current : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNamedRecord(value: unknown): boolean {
  return isObject(value) && typeof value.name === 'string';
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
