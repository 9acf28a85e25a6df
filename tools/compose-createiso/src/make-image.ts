import { appendFile, mkdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ComposeManifest, CreateisoImage } from '@compose/contracts';
import { getComposeTreeDir, getLogDir, getWorkDir } from '@compose/compose-info';
import { getVariantArchValue } from '@compose/config';
import { formatCommand } from '@compose/exec';
import { makeIsoImage, type IsoTool } from '@compose/iso';
import { prepareDisc } from './prepare-disc.js';
import { prepareExtraIso } from './extra-iso-contents.js';
import type { IsoJob } from './plan-isos.js';
import { getBootLayout } from './boot-tree.js';
import { breakHardlinks } from './break-hardlinks.js';
import { reuseImage, type ImageReuseContext } from './image-reuse.js';

// Below about 700 KB checkisomd5 cannot verify an image (see addHiddenPadding); 1 MiB leaves margin.
const MIN_VERIFIABLE_BYTES = 1024 * 1024;

export interface MakeContext {
  compose: ComposeManifest;
  composeDir: string;
  isoTool: IsoTool;
  sourceDateEpoch: number;
  /** Digests every image and links unchanged ones from old composes. */
  reuse?: ImageReuseContext;
  signal?: AbortSignal;
}

/** The image record of a finished or failed job; `made` is set when the image exists. */
export interface JobResult {
  job: IsoJob;
  image: CreateisoImage;
  mtime?: number;
  started: string;
  finished?: string;
}

/**
 * Makes one image end to end and logs every command to logs/<arch>/createiso-<file>.log. A
 * failure is returned (not thrown) so the phase can decide with failable_deliverables.
 */
export async function makeImage(job: IsoJob, context: MakeContext): Promise<JobResult> {
  const { compose, composeDir } = context;
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const log = path.join(getLogDir(composeDir, job.arch), `${job.kind === 'iso' ? 'createiso' : 'extraiso'}-${job.filename}.log`);
  await mkdir(path.dirname(log), { recursive: true });
  await writeFile(log, `# ${job.kind} ${job.variant.uid}.${job.arch} disc ${job.discNumber}/${job.discCount}\n`);
  const commands: string[] = [];
  const onCommand = (argv: readonly string[]) => {
    commands.push(formatCommand(argv));
    void appendFile(log, `$ ${formatCommand(argv)}\n`);
  };
  const image: CreateisoImage = {
    kind: job.kind, variant: job.variant.uid, arch: job.arch,
    path: path.relative(getComposeTreeDir(composeDir), job.path),
    volume_id: job.volid, disc_number: job.discNumber, disc_count: job.discCount, bootable: job.bootable,
    status: 'failed', commands, log: path.relative(composeDir, log), duration_ms: 0,
  };
  let copies: string | undefined;
  try {
    let graftPoints = job.kind === 'extra_iso'
      ? await prepareExtraIso(job, compose, composeDir, job.extra!.extraFiles, context.signal)
      : await prepareDisc({
          treeDir: job.treeDir,
          stagingDir: path.join(getWorkDir(composeDir, job.arch), 'iso', job.filename),
          discNumber: job.discNumber, discCount: job.discCount, files: job.files,
          bootTree: job.bootTree,
          createrepo: { checksum: compose.config['createrepo_checksum'] as never, groupfile: findGroupFile(compose, composeDir, job), signal: context.signal },
          onCommand,
        });
    const layout = job.bootTree ? await getBootLayout(job.bootTree, job.arch, context.isoTool) : undefined;
    const isohybrid = context.isoTool === 'genisoimage' ? layout?.isohybrid : undefined;
    const isoLevel = getIsoLevel(compose, job);
    const supported = compose.config['supported'] === true;
    if (context.reuse) {
      const outcome = await reuseImage(context.reuse, job, graftPoints, {
        volid: job.volid, isoLevel, bootArgs: layout?.args, isohybrid, supported, implantMd5: true,
        minimumContentBytes: MIN_VERIFIABLE_BYTES, exclude: ['./lost+found'], fileDatesFromDisk: context.isoTool !== 'xorrisofs',
      });
      image.inputs_digest = outcome.digest.digest;
      image.inputs = outcome.digest.parts;
      image.reused_from = outcome.reused?.composeDir ?? null;
      if (outcome.reused) {
        const { composeDir: from, image: old, size, mtime } = outcome.reused;
        checkMaxSize(job, size);
        Object.assign(image, { status: 'done', size, implant_md5: old.implant_md5 ?? null });
        await appendFile(log, `# reused ${path.join(from, 'compose', old.path)} (inputs digest ${outcome.digest.digest}): same files, options and tools; its log: ${path.join(from, old.log)}\n# done: ${size} bytes, implanted MD5 ${old.implant_md5}\n`);
        return { job, image: finish(image, started), mtime, started: startedAt, finished: new Date().toISOString() };
      }
    }
    if (compose.config['createiso_break_hardlinks'] === true) {
      copies = path.join(getWorkDir(composeDir, job.arch), 'iso-staging', job.variant.uid, job.filename);
      graftPoints = await breakHardlinks(graftPoints, copies);
    }
    await mkdir(path.dirname(job.path), { recursive: true });
    await unlink(job.path).catch(() => undefined);
    const made = await makeIsoImage({
      tool: context.isoTool, output: job.path, volid: job.volid, graftPoints, exclude: ['./lost+found'],
      isoLevel, bootArgs: layout?.args, isohybrid,
      sourceDateEpoch: context.sourceDateEpoch, implantMd5: true, supported,
      // the volume ID is the job's (the test phase reads it back from every image)
      manifest: true, readVolumeId: false, minimumContentBytes: MIN_VERIFIABLE_BYTES, signal: context.signal, onCommand,
    });
    checkMaxSize(job, made.size);
    image.status = 'done';
    image.size = made.size;
    image.implant_md5 = made.implantMd5;
    await appendFile(log, `# done: ${made.size} bytes, implanted MD5 ${made.implantMd5}\n`);
    return { job, image: finish(image, started), mtime: made.mtime, started: startedAt, finished: new Date().toISOString() };
  } catch (error) {
    image.error = (error as Error).message;
    await appendFile(log, `# FAILED: ${image.error}\n`);
    await unlink(job.path).catch(() => undefined);
    return { job, image: finish(image, started), started: startedAt, finished: new Date().toISOString() };
  } finally {
    // the copies only had to live while mkisofs read them
    if (copies) await rm(copies, { recursive: true, force: true });
  }
}

function finish(image: CreateisoImage, started: number): CreateisoImage {
  image.duration_ms = Math.round(performance.now() - started);
  return image;
}

/** createiso_max_size: a warning in the log, or a failure when createiso_max_size_is_strict. */
function checkMaxSize(job: IsoJob, size: number): void {
  if (job.maxSize === undefined || size <= job.maxSize) return;
  const message = `${job.filename} is ${size} bytes, more than the configured maximum of ${job.maxSize}`;
  if (job.maxSizeStrict) throw new Error(`${message} (createiso_max_size_is_strict)`);
  process.stderr.write(`compose-createiso: warning: ${message}\n`);
}

function getIsoLevel(compose: ComposeManifest, job: IsoJob): number | undefined {
  const option = compose.config['iso_level'];
  if (typeof option === 'number') return option;
  if (!Array.isArray(option)) return undefined;
  return getVariantArchValue(compose.config as never, 'iso_level', job.variant.uid, job.arch).at(-1) as number | undefined;
}

function findGroupFile(compose: ComposeManifest, composeDir: string, job: IsoJob): string | undefined {
  const relative = compose.comps.variant_arch[`${job.variant.uid}.${job.arch}`];
  return relative ? path.join(composeDir, relative) : undefined;
}

export async function fileExists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}
