import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CHECKSUM_MANIFEST, type ChecksumManifest } from '@compose/contracts';
import { getMetadataPath } from '@compose/compose-info';
import { InputError } from '@compose/errors';
import { parseImages, readImages, serializeImages, type ImagesDocument } from '@compose/images';
import type { Logger } from '@compose/log';
import { readManifest, writeFileAtomic } from '@compose/manifest';

/** images.json from --input (a file, or '-' for stdin) or from the compose's metadata dir. */
export async function readImagesInput(composeDir: string, input: string | undefined): Promise<ImagesDocument> {
  if (input === '-') return parseImages(await readStdin(), '<stdin>');
  if (input) {
    const file = path.resolve(input);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new InputError('IMAGES_JSON', `cannot read --input ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
        hint: 'pass an images.json written by compose-createiso, or leave --input out to use the compose\'s own',
      });
    }
    return parseImages(text, file);
  }
  const document = await readImages(composeDir);
  if (!document) {
    throw new InputError('IMAGES_JSON_MISSING', `${getMetadataPath(composeDir, 'images.json')} does not exist`, {
      hint: 'run compose-createiso first: it makes the images and lists them in images.json',
    });
  }
  return document;
}

/** Also writes the updated images.json to --output (a file, or '-' for stdout). */
export async function writeImagesOutput(document: ImagesDocument, output: string | undefined): Promise<string | undefined> {
  if (!output) return undefined;
  const text = serializeImages(document);
  if (output === '-') {
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
    return undefined;
  }
  const file = path.resolve(output);
  await writeFileAtomic(file, text);
  return file;
}

/** The previous run's manifest, to clean up checksum files it wrote that this run does not. */
export async function readPreviousManifest(file: string, log: Logger): Promise<ChecksumManifest | undefined> {
  try {
    await readFile(file);
  } catch {
    return undefined;
  }
  try {
    return await readManifest<ChecksumManifest>(file, CHECKSUM_MANIFEST);
  } catch (error) {
    log.warn(`ignoring unreadable ${file} (${(error as Error).message}); stale checksum files of that run stay`);
    return undefined;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
