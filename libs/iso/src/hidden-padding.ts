import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';

/**
 * implantisomd5 and checkisomd5 read in 32 KiB pieces and keep one fragment sum per fragment
 * boundary a read crosses; when the (volume - 15 sectors) / 21 fragments are shorter than a
 * piece, one read crosses two boundaries and every later sum is off by one, so any volume of
 * 32 to 334 sectors (under 686,080 bytes) FAILs although its MD5 is right. Images below
 * `minimumBytes` of content therefore get a
 * zero-filled file that is written into the image but hidden from every directory tree
 * (mkisofs -hide/-hide-joliet match the disk path): the listing stays exactly the tree's.
 * Returns the extra mkisofs arguments, none when the content is big enough.
 */
export async function addHiddenPadding(graftFile: string, padFile: string, minimumBytes: number): Promise<string[]> {
  const content = await sumGraftedBytes(graftFile);
  const missing = minimumBytes - content;
  if (missing <= 0) return [];
  await writeFile(padFile, Buffer.alloc(Math.ceil(missing / 2048) * 2048));
  await appendFile(graftFile, `.compose-padding=${padFile.replace(/\\/g, '\\\\').replace(/=/g, '\\=')}\n`);
  return ['-hide', padFile, '-hide-joliet', padFile];
}

async function sumGraftedBytes(graftFile: string): Promise<number> {
  let total = 0;
  for (const line of (await readFile(graftFile, 'utf8')).split('\n')) {
    const split = line.search(/(?<!\\)=/);
    if (split < 0) continue;
    const file = line.slice(split + 1).replace(/\\=/g, '=').replace(/\\\\/g, '\\');
    total += (await stat(file)).size;
  }
  return total;
}
