// createiso_allow_reuse / extraiso_allow_reuse with --old-composes: an image whose inputs
// digest equals an old compose's image of the same variant, arch and disc is hard-linked (with
// its .manifest) instead of made again.
import { copyFile, link, mkdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { getComposeIdPrefix, listOldComposes } from '@compose/compose-info';
import { CREATEISO_MANIFEST, type ComposeManifest, type CreateisoImage, type CreateisoManifest } from '@compose/contracts';
import { runTool } from '@compose/exec';
import type { IsoTool } from '@compose/iso';
import type { Logger } from '@compose/log';
import { readManifest } from '@compose/manifest';
import { readTreePackageChecksums } from '@compose/phase-io';
import { computeImageDigest, type ImageDigest, type ImageOptions } from './image-digest.js';
import type { IsoJob } from './plan-isos.js';

interface OldImages {
  composeDir: string;
  composeId: string;
  images: CreateisoImage[];
}

export interface ImageReuseContext {
  compose: ComposeManifest;
  /** e.g. "xorrisofs: xorriso 1.5.4 : RockRidge ..." */
  tool: string;
  packageChecksums: Map<string, string>;
  /** Old composes' images, newest compose first; empty without --old-composes. */
  olds: OldImages[];
  log: Logger;
}

export interface ReuseOutcome {
  digest: ImageDigest;
  reused?: { composeDir: string; image: CreateisoImage; size: number; mtime: number };
}

/** Reads what reuse decisions need once per phase: package checksums, the tool's version, old manifests. */
export async function prepareImageReuse(compose: ComposeManifest, composeDir: string, oldComposes: readonly string[], isoTool: IsoTool, log: Logger): Promise<ImageReuseContext> {
  const version = await runTool([isoTool, isoTool === 'xorrisofs' ? '-version' : '--version'], { okExitCodes: [0, 1] });
  const tool = `${isoTool}: ${`${version.stdout}${version.stderr}`.trim().split('\n')[0] ?? ''}`;
  const olds: OldImages[] = [];
  for (const old of await listOldComposes(oldComposes, getComposeIdPrefix(compose.release, compose.base_product ?? undefined), composeDir)) {
    const file = path.join(old.dir, 'work', 'global', 'createiso.json');
    if (!(await stat(file).catch(() => undefined))) continue;
    try {
      const manifest = await readManifest<CreateisoManifest>(file, CREATEISO_MANIFEST);
      olds.push({ composeDir: old.dir, composeId: manifest.compose_id, images: manifest.images.filter((image) => image.status === 'done' && image.inputs_digest) });
    } catch (error) {
      log.warn(`${file}: ignored for reuse: ${(error as Error).message}`);
    }
  }
  return { compose, tool, packageChecksums: await readAbsoluteChecksums(composeDir, log), olds, log };
}

/**
 * Digests the job's graft points and options and, when allowed, links the newest old image with
 * the same digest whose file name, with the old compose ID replaced by this one, is the job's.
 */
export async function reuseImage(context: ImageReuseContext, job: IsoJob, graftFile: string, options: Omit<ImageOptions, 'tool' | 'kind'>): Promise<ReuseOutcome> {
  const digest = await computeImageDigest(graftFile, { ...options, kind: job.kind, tool: context.tool }, context.packageChecksums);
  const option = job.kind === 'iso' ? 'createiso_allow_reuse' : 'extraiso_allow_reuse';
  if (context.compose.config[option] === false || !context.olds.length) return { digest };
  const sameDisc = (image: CreateisoImage) => image.kind === job.kind && image.variant === job.variant.uid && image.arch === job.arch && image.disc_number === job.discNumber && image.disc_count === job.discCount;
  let previous: CreateisoImage | undefined;
  for (const old of context.olds) {
    for (const image of old.images.filter(sameDisc)) {
      previous ??= image;
      if (image.inputs_digest !== digest.digest) continue;
      if (renameForCompose(path.basename(image.path), old.composeId, context.compose.compose_id) !== job.filename) continue;
      const linked = await linkImage(path.join(old.composeDir, 'compose', image.path), job.path);
      if (linked) return { digest, reused: { composeDir: old.composeDir, image, ...linked } };
    }
  }
  if (previous?.inputs) {
    const changed = Object.keys(digest.parts).filter((part) => previous.inputs?.[part] !== digest.parts[part]);
    context.log.info(`createiso: ${job.filename} changed since the old compose (${changed.length ? `changed: ${changed.join(', ')}` : 'name or volume differs'}), making it`);
  }
  return { digest };
}

/**
 * The old image's file name as this compose would name it: the old date, type suffix and respin
 * ("20261122.t.0") replaced by this compose's, which also covers names built from a layered
 * product's own ID (Gluster-2.3-DP-1-20261122.t.0-...).
 */
export function renameForCompose(name: string, oldComposeId: string, composeId: string): string {
  const tail = (id: string): string => /\d{8}(\.[a-z]+)?\.\d+$/.exec(id)?.[0] ?? id;
  return name.split(oldComposeId).join(composeId).split(tail(oldComposeId)).join(tail(composeId));
}

/** Links the image and its .manifest; nothing is left behind when either is missing. */
async function linkImage(from: string, to: string): Promise<{ size: number; mtime: number } | undefined> {
  const pairs: [string, string][] = [[from, to], [`${from}.manifest`, `${to}.manifest`]];
  try {
    await mkdir(path.dirname(to), { recursive: true });
    for (const [source, target] of pairs) {
      await unlink(target).catch(() => undefined);
      await link(source, target).catch(async (error: NodeJS.ErrnoException) => {
        if (!['EXDEV', 'EPERM', 'EMLINK'].includes(error.code ?? '')) throw error;
        await copyFile(source, target);
      });
    }
    const info = await stat(to);
    return { size: info.size, mtime: Math.trunc(info.mtimeMs / 1000) };
  } catch {
    for (const [, target] of pairs) await unlink(target).catch(() => undefined);
    return undefined;
  }
}

/** Absolute tree path -> package checksum, as the graft points name files. */
async function readAbsoluteChecksums(composeDir: string, log: Logger): Promise<Map<string, string>> {
  const treeDir = path.join(composeDir, 'compose');
  return new Map([...(await readTreePackageChecksums(composeDir, log))].map(([relative, checksum]) => [path.join(treeDir, relative), checksum]));
}
