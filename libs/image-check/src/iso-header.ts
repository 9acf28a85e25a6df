// ISO 9660 volume descriptors (ECMA-119 section 8), read from sector 16 on: enough to tell a
// sane image from a broken one without mounting it.
import { open } from 'node:fs/promises';

export const SECTOR_BYTES = 2048;
/** The system area before the first volume descriptor. */
export const FIRST_DESCRIPTOR_SECTOR = 16;
// A real image has a handful of descriptors (primary, boot record, Joliet, terminator).
const MAX_DESCRIPTORS = 64;

export interface PrimaryVolume {
  volumeId: string;
  /** Volume space size in logical blocks. */
  volumeBlocks: number;
  logicalBlockBytes: number;
  /** volumeBlocks × logicalBlockBytes: the bytes the volume says it spans. */
  volumeBytes: number;
}

export interface IsoHeader {
  /** The primary volume descriptor at sector 16, when it is one. */
  primary?: PrimaryVolume;
  /** Whether a boot record volume descriptor names the El Torito specification. */
  elTorito: boolean;
  /** Whether the descriptor set ends with a terminator (type 255). */
  terminated: boolean;
  /** What is wrong with the descriptors, in words. */
  problems: string[];
}

/** Reads the volume descriptors of `file` (never more than MAX_DESCRIPTORS sectors). */
export async function readIsoHeader(file: string): Promise<IsoHeader> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(MAX_DESCRIPTORS * SECTOR_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, FIRST_DESCRIPTOR_SECTOR * SECTOR_BYTES);
    return parseVolumeDescriptors(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Parses descriptors starting at sector 16; `descriptors` begins with that sector. */
export function parseVolumeDescriptors(descriptors: Buffer): IsoHeader {
  const header: IsoHeader = { elTorito: false, terminated: false, problems: [] };
  if (descriptors.length < SECTOR_BYTES) {
    header.problems.push(`too short for ISO 9660: no sector ${FIRST_DESCRIPTOR_SECTOR} (the primary volume descriptor starts at byte ${FIRST_DESCRIPTOR_SECTOR * SECTOR_BYTES})`);
    return header;
  }
  const first = descriptors.subarray(0, SECTOR_BYTES);
  if (first.toString('latin1', 1, 6) !== 'CD001') {
    header.problems.push(`not an ISO 9660 image: sector ${FIRST_DESCRIPTOR_SECTOR} has no "CD001" volume descriptor identifier`);
    return header;
  }
  if (first[0] === 1 && first.toString('latin1', 1, 6) === 'CD001' && first[6] === 1) header.primary = parsePrimary(first, header.problems);
  else header.problems.push(`sector ${FIRST_DESCRIPTOR_SECTOR} is not an ISO 9660 primary volume descriptor (type ${first[0]}, identifier ${JSON.stringify(first.toString('latin1', 1, 6))}, version ${first[6]}; expected 1, "CD001", 1)`);
  for (let offset = 0; offset + SECTOR_BYTES <= descriptors.length; offset += SECTOR_BYTES) {
    const sector = descriptors.subarray(offset, offset + SECTOR_BYTES);
    if (sector.toString('latin1', 1, 6) !== 'CD001') {
      header.problems.push(`sector ${FIRST_DESCRIPTOR_SECTOR + offset / SECTOR_BYTES} is not a volume descriptor (no "CD001") before the set terminator`);
      return header;
    }
    if (sector[0] === 255) {
      header.terminated = true;
      return header;
    }
    // A boot record (type 0) whose boot system identifier is El Torito's.
    if (sector[0] === 0 && sector.toString('latin1', 7, 39).replace(/\0+$/, '') === 'EL TORITO SPECIFICATION') header.elTorito = true;
  }
  header.problems.push(`no volume descriptor set terminator within ${MAX_DESCRIPTORS} sectors`);
  return header;
}

function parsePrimary(sector: Buffer, problems: string[]): PrimaryVolume {
  // Numbers are recorded twice, little- then big-endian (ECMA-119 7.2.3 / 7.3.3).
  const volumeBlocks = sector.readUInt32LE(80);
  const logicalBlockBytes = sector.readUInt16LE(128);
  if (sector.readUInt32BE(84) !== volumeBlocks) problems.push(`volume space size differs between its little-endian (${volumeBlocks}) and big-endian (${sector.readUInt32BE(84)}) copies`);
  if (sector.readUInt16BE(130) !== logicalBlockBytes) problems.push(`logical block size differs between its little-endian (${logicalBlockBytes}) and big-endian (${sector.readUInt16BE(130)}) copies`);
  if (logicalBlockBytes < 512 || (logicalBlockBytes & (logicalBlockBytes - 1)) !== 0) problems.push(`logical block size ${logicalBlockBytes} is not a power of two of at least 512`);
  if (volumeBlocks === 0) problems.push('volume space size is 0');
  return {
    volumeId: sector.toString('latin1', 40, 72).replace(/[ \0]+$/, ''),
    volumeBlocks,
    logicalBlockBytes,
    volumeBytes: volumeBlocks * logicalBlockBytes,
  };
}
