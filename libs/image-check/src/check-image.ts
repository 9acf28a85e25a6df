import { stat } from 'node:fs/promises';
import path from 'node:path';
import { computeDigests, isChecksumAlgorithm, type ChecksumAlgorithm } from '@compose/checksum';
import { getComposeTreeDir } from '@compose/compose-info';
import type { ImageRecord } from '@compose/images';
import { isVerifiableByCheckisomd5, MIN_VERIFIABLE_SECTORS, runCheckisomd5 } from './implanted-md5.js';
import { readIsoHeader, SECTOR_BYTES, type IsoHeader } from './iso-header.js';

/** What the test phase found for one image of images.json. */
export interface ImageCheck {
  variant: string;
  arch: string;
  /** Relative to compose/, as in images.json. */
  path: string;
  ok: boolean;
  /** One sentence per problem; empty when ok. */
  problems: string[];
  /** The checks that ran: exists, size, iso9660, volume_id, bootable, implanted_md5, checksums. */
  checked: string[];
}

export interface CheckImageOptions {
  signal?: AbortSignal;
}

/**
 * Checks one image against its images.json record: the file exists with the recorded size;
 * for ISOs the ISO 9660 header is sane, the volume ID is the recorded one, an El Torito boot
 * record exists exactly when the image is recorded bootable, and checkisomd5 verifies the
 * implanted MD5; recorded checksums match the file.
 */
export async function checkImage(composeDir: string, variant: string, image: ImageRecord, options: CheckImageOptions = {}): Promise<ImageCheck> {
  const check: ImageCheck = { variant, arch: image.arch, path: image.path, ok: false, problems: [], checked: [] };
  const file = path.join(getComposeTreeDir(composeDir), image.path);
  const size = await statSize(file);
  check.checked.push('exists');
  if (size === undefined) {
    check.problems.push(`${file} does not exist (or is not a regular file)`);
    return finish(check);
  }
  check.checked.push('size');
  if (size !== image.size) check.problems.push(`the file has ${size} bytes, images.json records ${image.size}`);
  if (image.format === 'iso') await checkIso(file, size, image, check, options);
  await checkChecksums(file, image, check);
  return finish(check);
}

async function checkIso(file: string, size: number, image: ImageRecord, check: ImageCheck, options: CheckImageOptions): Promise<void> {
  const header = await readIsoHeader(file);
  check.checked.push('iso9660');
  check.problems.push(...header.problems);
  const primary = header.primary;
  if (primary && primary.volumeBytes > size) {
    check.problems.push(`truncated: the volume spans ${primary.volumeBlocks} blocks × ${primary.logicalBlockBytes} = ${primary.volumeBytes} bytes, the file has ${size}`);
  }
  if (primary && image.volume_id !== null) {
    check.checked.push('volume_id');
    if (primary.volumeId !== image.volume_id) check.problems.push(`volume ID is ${JSON.stringify(primary.volumeId)}, images.json records ${JSON.stringify(image.volume_id)}`);
  }
  if (header.terminated) {
    check.checked.push('bootable');
    if (image.bootable && !header.elTorito) check.problems.push('images.json records the image bootable, but it has no El Torito boot record');
    if (!image.bootable && header.elTorito) check.problems.push('the image has an El Torito boot record, but images.json records it not bootable');
  }
  if (image.implant_md5) await checkImplantedMd5(file, image.implant_md5, header, check, options);
}

async function checkImplantedMd5(file: string, recorded: string, header: IsoHeader, check: ImageCheck, options: CheckImageOptions): Promise<void> {
  // checkisomd5 loops forever on a file whose sector 16 is no primary volume descriptor.
  if (!header.primary) {
    check.problems.push('implanted MD5 not checked: no primary volume descriptor to read it from');
    return;
  }
  check.checked.push('implanted_md5');
  const report = await runCheckisomd5(file, options.signal);
  if (report.implanted && report.implanted !== recorded) check.problems.push(`implanted MD5 is ${report.implanted}, images.json records ${recorded}`);
  if (report.result === 'NA') check.problems.push(`checkisomd5 finds no implanted MD5, images.json records ${recorded}`);
  if (report.result === 'FAIL') {
    const sectors = Math.floor((header.primary.volumeBytes) / SECTOR_BYTES);
    const why = isVerifiableByCheckisomd5(sectors)
      ? 'the image content does not match its implanted MD5'
      : `the volume has ${sectors} sectors, and checkisomd5 fails every volume of 32 to ${MIN_VERIFIABLE_SECTORS - 1} sectors whatever its content; pad images to at least ${MIN_VERIFIABLE_SECTORS} sectors (${MIN_VERIFIABLE_SECTORS * SECTOR_BYTES} bytes)`;
    check.problems.push(`checkisomd5 says FAIL (${report.command}): ${why}`);
  }
}

async function checkChecksums(file: string, image: ImageRecord, check: ImageCheck): Promise<void> {
  const recorded = Object.entries(image.checksums ?? {});
  if (recorded.length === 0) return;
  check.checked.push('checksums');
  const unknown = recorded.filter(([algorithm]) => !isChecksumAlgorithm(algorithm));
  for (const [algorithm] of unknown) check.problems.push(`images.json records a ${algorithm} checksum, an algorithm this check does not know`);
  const known = recorded.filter(([algorithm]) => isChecksumAlgorithm(algorithm)) as [ChecksumAlgorithm, string][];
  if (known.length === 0) return;
  const { digests } = await computeDigests(file, known.map(([algorithm]) => algorithm));
  for (const [algorithm, digest] of known) {
    if (digests[algorithm] !== digest.toLowerCase()) check.problems.push(`${algorithm} checksum is ${digests[algorithm]}, images.json records ${digest}`);
  }
}

async function statSize(file: string): Promise<number | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function finish(check: ImageCheck): ImageCheck {
  check.ok = check.problems.length === 0;
  return check;
}
