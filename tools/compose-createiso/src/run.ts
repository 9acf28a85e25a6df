import { setMaxListeners } from 'node:events';
import path from 'node:path';
import type { ComposeManifest, CreateisoManifest, PhaseDeliverable } from '@compose/contracts';
import { getComposeTreeDir } from '@compose/compose-info';
import { isToolAvailable, requireTools } from '@compose/exec';
import { createImagesDocument, dropImages, putImages, readImages, writeImages, type ImagePlacement } from '@compose/images';
import type { IsoTool } from '@compose/iso';
import type { Logger } from '@compose/log';
import type { Notifier } from '@compose/notify';
import { runPool } from '@compose/pool';
import { planExtraIsos } from './extra-isos.js';
import { makeImage, type JobResult } from './make-image.js';
import { prepareImageReuse } from './image-reuse.js';
import { chooseImageWorkers } from './choose-workers.js';
import { planIsos, type IsoJob } from './plan-isos.js';

export type CreateisoPhase = 'createiso' | 'extra_isos';

export interface CreateisoOptions {
  composeDir: string;
  phases: ReadonlySet<CreateisoPhase>;
  bootTrees: Map<string, string>;
  /** Target dirs of earlier composes whose unchanged images are linked (createiso_allow_reuse, extraiso_allow_reuse). */
  oldComposes?: readonly string[];
  workers?: number;
  log: Logger;
  notifier?: Notifier;
  signal?: AbortSignal;
}

/**
 * The createiso and extra_isos phases: plans every image, makes them in parallel, records
 * them in images.json (source media under every binary arch of the variant, as Pungi does)
 * and returns the phase manifest plus the failures that failable_deliverables (or
 * failable_arches) does not cover: those fail the phase once every image is done.
 */
export async function runCreateisoPhase(compose: ComposeManifest, options: CreateisoOptions): Promise<{ manifest: CreateisoManifest; fatal: string[] }> {
  const started = performance.now();
  const { composeDir, log } = options;
  const isoTool = await chooseIsoTool(compose);
  await requireTools([isoTool, 'xorriso', 'implantisomd5', 'checkisomd5']);
  const context = { compose, composeDir, bootTrees: options.bootTrees, log };
  const jobs: IsoJob[] = [];
  if (options.phases.has('createiso')) jobs.push(...(await planIsos(context)));
  if (options.phases.has('extra_isos')) jobs.push(...planExtraIsos(context));
  const reuse = await prepareImageReuse(compose, composeDir, options.oldComposes ?? [], isoTool, log);
  const planned = performance.now();
  log.info(`createiso: ${jobs.length} images to make with ${isoTool}`);
  await options.notifier?.send('createiso-targets', { deliverables: jobs.map((job) => job.path) });
  let done = 0;
  const workers = options.workers ?? chooseImageWorkers(jobs);
  // every running command listens on the signal to be stopped with the phase
  if (options.signal) setMaxListeners(workers + 10, options.signal);
  const results = await runPool(jobs, workers, async (job) => {
    const result = await makeImage(job, { compose, composeDir, isoTool, sourceDateEpoch: getSourceDateEpoch(compose), reuse, signal: options.signal });
    options.signal?.throwIfAborted();
    done += 1;
    const where = `${job.variant.uid}.${job.arch}`;
    if (result.image.status === 'done') {
      const from = result.image.reused_from ? `, reused from ${result.image.reused_from}` : '';
      log.info(`createiso: [${done}/${jobs.length}] ${result.image.path} (${result.image.size} bytes${from})`);
      await options.notifier?.send('createiso-imagedone', { file: job.path, arch: job.arch, variant: job.variant.uid });
    } else {
      const level = job.failable ? 'warn' : 'error';
      log[level](`createiso: [${done}/${jobs.length}] ${where} ${job.filename} failed${job.failable ? ' (failable)' : ''}: ${result.image.error} — see ${result.image.log}`);
      await options.notifier?.send('createiso-imagefail', { file: job.path, arch: job.arch, variant: job.variant.uid });
    }
    return result;
  });
  await recordImages(compose, composeDir, results);
  const manifest: CreateisoManifest = {
    compose_id: compose.compose_id,
    iso_tool: isoTool,
    images: results.map((result) => result.image),
    deliverables: listDeliverables(results),
    timings_ms: { plan: Math.round(planned - started), images: Math.round(performance.now() - planned) },
  };
  const fatal = results.filter((result) => result.image.status === 'failed' && !result.job.failable);
  return { manifest, fatal: fatal.map((r) => `${r.job.variant.uid}.${r.job.arch} ${r.job.filename}: ${r.image.error}`) };
}

/** genisoimage only when the config asks for it (createiso_use_xorrisofs = False) and it is installed. */
async function chooseIsoTool(compose: ComposeManifest): Promise<IsoTool> {
  if (compose.config['createiso_use_xorrisofs'] === true) return 'xorrisofs';
  return (await isToolAvailable('genisoimage')) ? 'genisoimage' : 'xorrisofs';
}

/** Every date on the media is the compose date (or $SOURCE_DATE_EPOCH), so reruns give the same bytes. */
export function getSourceDateEpoch(compose: ComposeManifest, env: NodeJS.ProcessEnv = process.env): number {
  if (env['SOURCE_DATE_EPOCH'] && /^\d+$/.test(env['SOURCE_DATE_EPOCH'])) return Number(env['SOURCE_DATE_EPOCH']);
  const [year, month, day] = [compose.date.slice(0, 4), compose.date.slice(4, 6), compose.date.slice(6, 8)].map(Number);
  return Date.UTC(year!, month! - 1, day!) / 1000;
}

async function recordImages(compose: ComposeManifest, composeDir: string, results: readonly JobResult[]): Promise<void> {
  const document = (await readImages(composeDir)) ?? createImagesDocument({ date: compose.date, id: compose.compose_id, respin: compose.respin, type: compose.type });
  const treeDir = getComposeTreeDir(composeDir);
  const remade = new Set(results.map((result) => path.relative(treeDir, result.job.path)));
  dropImages(document, (image) => remade.has(image.path));
  const placements: ImagePlacement[] = [];
  for (const { job, image, mtime } of results) {
    if (image.status !== 'done') continue;
    const record = {
      arch: job.arch, bootable: job.bootable, checksums: {}, disc_count: job.discCount, disc_number: job.discNumber,
      format: 'iso', implant_md5: image.implant_md5 ?? null, mtime: mtime ?? 0, path: image.path, size: image.size ?? 0,
      subvariant: job.variant.uid, type: 'dvd', volume_id: job.volid,
      ...(job.additionalVariants ? { unified: true, additional_variants: job.additionalVariants } : {}),
    };
    const arches = job.arch === 'src' ? job.variant.arches : [job.arch];
    for (const arch of arches) placements.push({ variant: job.variant.uid, arch, image: record });
  }
  putImages(document, placements);
  await writeImages(composeDir, document);
}

/** One deliverable per variant.arch and phase, as deliverables.json lists them. */
function listDeliverables(results: readonly JobResult[]): PhaseDeliverable[] {
  const byKey = new Map<string, PhaseDeliverable>();
  for (const { job, image, started, finished } of results) {
    const key = `${job.kind}/${job.variant.uid}/${job.arch}`;
    const existing = byKey.get(key);
    const status = image.status === 'done' ? 'done' : 'failed';
    if (existing) {
      if (status === 'failed') existing.status = 'failed';
      if (started < existing.started!) existing.started = started;
      if (finished && (!existing.finished || finished > existing.finished)) existing.finished = finished;
      continue;
    }
    const deliverable: PhaseDeliverable = { kind: job.kind, variant: job.variant.uid, arch: job.arch, subvariant: null, status, failable: job.failable, output: path.posix.join('compose', image.path), started };
    if (finished) deliverable.finished = finished;
    if (image.error) deliverable.error = image.error;
    byKey.set(key, deliverable);
  }
  return [...byKey.values()];
}
