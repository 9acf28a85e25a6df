// compose/metadata/images.json in productmd 1.2 form: variant -> arch -> [image]. createiso
// writes the entries, the checksum phase fills in `checksums`; both go through this module
// so the file stays byte-compatible with productmd's serializer.
import { readFile } from 'node:fs/promises';
import { InputError } from '@compose/errors';
import { formatProductmdJson, getMetadataPath } from '@compose/compose-info';
import { writeFileAtomic } from '@compose/manifest';

/** One image as productmd.images.Image serializes it. */
export interface ImageRecord {
  arch: string;
  bootable: boolean;
  checksums: Record<string, string>;
  disc_count: number;
  disc_number: number;
  format: string;
  implant_md5: string | null;
  mtime: number;
  /** Relative to compose/. */
  path: string;
  size: number;
  subvariant: string;
  type: string;
  volume_id: string | null;
  /** Only for extra ISOs (unified media); productmd omits it when false. */
  unified?: boolean;
  /** Variants included besides the image's own (extra_isos include_variants). */
  additional_variants?: string[];
}

export interface ImagesCompose {
  date: string;
  id: string;
  respin: number;
  type: string;
  label?: string;
}

export interface ImagesDocument {
  header: { type: 'productmd.images'; version: '1.2' };
  payload: { compose: ImagesCompose; images: Record<string, Record<string, ImageRecord[]>> };
}

/** A placed image: the variant and the arch key it is listed under (source ISOs appear under every binary arch). */
export interface ImagePlacement {
  variant: string;
  arch: string;
  image: ImageRecord;
}

export function createImagesDocument(compose: ImagesCompose): ImagesDocument {
  return { header: { type: 'productmd.images', version: '1.2' }, payload: { compose, images: {} } };
}

/**
 * Adds or replaces (same path under the same variant.arch) images, keeping every list sorted
 * by path as productmd writes them, so re-running a phase never duplicates entries.
 */
export function putImages(document: ImagesDocument, placements: readonly ImagePlacement[]): ImagesDocument {
  for (const { variant, arch, image } of placements) {
    const list = ((document.payload.images[variant] ??= {})[arch] ??= []);
    const at = list.findIndex((existing) => existing.path === image.path);
    if (at >= 0) list[at] = image;
    else list.push(image);
    list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  return document;
}

/** Every listed image with where it is listed. */
export function listImages(document: ImagesDocument): ImagePlacement[] {
  const placements: ImagePlacement[] = [];
  for (const variant of Object.keys(document.payload.images).sort()) {
    for (const arch of Object.keys(document.payload.images[variant]!).sort()) {
      for (const image of document.payload.images[variant]![arch]!) placements.push({ variant, arch, image });
    }
  }
  return placements;
}

/** Removes images whose path matches, e.g. before a phase rewrites its media. */
export function dropImages(document: ImagesDocument, shouldDrop: (image: ImageRecord, variant: string) => boolean): ImagesDocument {
  for (const [variant, arches] of Object.entries(document.payload.images)) {
    for (const [arch, list] of Object.entries(arches)) {
      arches[arch] = list.filter((image) => !shouldDrop(image, variant));
      if (arches[arch]!.length === 0) delete arches[arch];
    }
    if (Object.keys(arches).length === 0) delete document.payload.images[variant];
  }
  return document;
}

export function serializeImages(document: ImagesDocument): string {
  return formatProductmdJson(document, 4);
}

export async function writeImages(composeDir: string, document: ImagesDocument): Promise<string> {
  const file = getMetadataPath(composeDir, 'images.json');
  await writeFileAtomic(file, serializeImages(document));
  return file;
}

/** Reads images.json; undefined when the compose has none yet. */
export async function readImages(composeDir: string): Promise<ImagesDocument | undefined> {
  const file = getMetadataPath(composeDir, 'images.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseImages(text, file);
}

export function parseImages(text: string, file: string): ImagesDocument {
  let data: ImagesDocument;
  try {
    data = JSON.parse(text) as ImagesDocument;
  } catch (error) {
    throw new InputError('IMAGES_JSON', `${file}: not JSON: ${(error as Error).message}`, { hint: 're-run compose-createiso to write it again' });
  }
  if (data?.header?.type !== 'productmd.images' || !String(data.header.version).startsWith('1.')) {
    throw new InputError('IMAGES_JSON', `${file}: not productmd.images 1.x metadata (header ${JSON.stringify(data?.header)})`, { hint: 're-run compose-createiso to write it again' });
  }
  data.payload.images ??= {};
  return data;
}
