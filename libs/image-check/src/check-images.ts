import { listImages, type ImageRecord, type ImagesDocument } from '@compose/images';
import { runPool } from '@compose/pool';
import { checkImage, type ImageCheck } from './check-image.js';

export interface ImagesCheckReport {
  /** Distinct images checked (a source ISO listed under several arches counts once). */
  checked: number;
  passed: number;
  failed: ImageCheck[];
  images: ImageCheck[];
}

export interface CheckImagesOptions {
  signal?: AbortSignal;
  /** Images checked at once (checkisomd5 idles a second per image, so a few overlap well). */
  concurrency?: number;
  /** Called as each image's check finishes, for progress output. */
  onChecked?: (check: ImageCheck, done: number, total: number) => void;
}

/**
 * The test phase over images.json: every image checked once, in images.json order. An image
 * listed under several variant.arch keys with the same record is checked once and reported
 * under its first listing.
 */
export async function checkImages(composeDir: string, document: ImagesDocument, options: CheckImagesOptions = {}): Promise<ImagesCheckReport> {
  const distinct = new Map<string, { variant: string; image: ImageRecord }>();
  for (const { variant, image } of listImages(document)) {
    const key = JSON.stringify([image.path, image]);
    if (!distinct.has(key)) distinct.set(key, { variant, image });
  }
  const items = [...distinct.values()];
  let done = 0;
  const images = await runPool(items, options.concurrency ?? 4, async ({ variant, image }) => {
    const check = await checkImage(composeDir, variant, image, { signal: options.signal });
    options.onChecked?.(check, ++done, items.length);
    return check;
  });
  const failed = images.filter((check) => !check.ok);
  return { checked: images.length, passed: images.length - failed.length, failed, images };
}
