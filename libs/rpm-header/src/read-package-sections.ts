import { open, type FileHandle } from 'node:fs/promises';
import { InputError } from '@compose/errors';
import { HEADER_INTRO_SIZE, measureHeaderSection, parseHeaderSection, readNumber, withHeaderValues, type HeaderSection } from './header-section.js';
import { SIGNATURE_SIZE_TAG } from './rpm-tags.js';

const LEAD_SIZE = 96;
const LEAD_MAGIC = Buffer.from([0xed, 0xab, 0xee, 0xdb]);
// Nearly every header fits; larger ones (many files, changelogs) cost one more read.
const FIRST_READ_BYTES = 64 * 1024;

/** The two header sections of a package file, everything before its payload. */
export interface PackageSections {
  signature: HeaderSection;
  main: HeaderSection;
  fileSize: number;
}

/** Reads the lead, the signature header and the main header, never the payload. */
export async function readPackageSections(file: string): Promise<PackageSections> {
  const handle = await openPackage(file);
  try {
    const { size: fileSize } = await handle.stat();
    const reader = new PrefixReader(handle, file, fileSize);
    // Judge the magic on whatever is there first, so a short non-RPM is not called truncated.
    await reader.ensure(Math.min(fileSize, LEAD_SIZE + HEADER_INTRO_SIZE), 'the lead');
    checkLead(reader.bytes, file);
    await reader.ensure(LEAD_SIZE + HEADER_INTRO_SIZE, 'the lead');
    const signatureSize = measureHeaderSection(reader.bytes, LEAD_SIZE, file, 'the signature header');
    // The signature header is padded to a multiple of 8 bytes; the main header is not.
    const mainStart = LEAD_SIZE + alignTo8(signatureSize);
    await reader.ensure(mainStart + HEADER_INTRO_SIZE, 'the main header');
    const mainSize = measureHeaderSection(reader.bytes, mainStart, file, 'the main header');
    await reader.ensure(mainStart + mainSize, 'the main header');
    const signature = parseHeaderSection(reader.bytes, LEAD_SIZE, file, 'the signature header');
    checkPayloadPresent(signature, mainStart, fileSize, file);
    return { signature, main: parseHeaderSection(reader.bytes, mainStart, file, 'the main header'), fileSize };
  } finally {
    await handle.close();
  }
}

/**
 * The signature header records the size of main header plus payload, so a cut-off payload is
 * caught without reading it.
 */
function checkPayloadPresent(signature: HeaderSection, mainStart: number, fileSize: number, file: string): void {
  const recorded = withHeaderValues(file, 'the signature header', () => readNumber(signature, SIGNATURE_SIZE_TAG.LONGSIZE) ?? readNumber(signature, SIGNATURE_SIZE_TAG.SIZE));
  if (recorded !== undefined && mainStart + recorded > fileSize) {
    throw new InputError('RPM_TRUNCATED', `${file}: file is truncated: header and payload need ${mainStart + recorded} bytes but the file has ${fileSize}`, {
      location: { file },
      hint: 'the download or copy was cut short; fetch the package again',
    });
  }
}

function alignTo8(size: number): number {
  return size + ((8 - (size % 8)) % 8);
}

async function openPackage(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message);
    throw new InputError('RPM_UNREADABLE', `${file}: cannot read the package: ${reason}`, { location: { file }, cause: error });
  }
}

function checkLead(bytes: Buffer, file: string): void {
  const seen = bytes.subarray(0, LEAD_MAGIC.length);
  if (!seen.equals(LEAD_MAGIC.subarray(0, seen.length))) {
    throw new InputError('RPM_BAD_LEAD', `${file}: not an RPM package (the lead magic is ${bytes.toString('hex', 0, 4)}, expected edabeedb)`, {
      location: { file },
      hint: 'only RPM package files can be read here',
    });
  }
}

/** Holds the start of the file, reading further only when a section needs more. */
class PrefixReader {
  bytes: Buffer = Buffer.alloc(0);

  constructor(
    private readonly handle: FileHandle,
    private readonly file: string,
    private readonly fileSize: number,
  ) {}

  async ensure(length: number, what: string): Promise<void> {
    if (this.bytes.length >= length) return;
    if (length > this.fileSize) {
      throw new InputError('RPM_TRUNCATED', `${this.file}: file is truncated: ${what} needs ${length} bytes but the file has ${this.fileSize}`, {
        location: { file: this.file },
        hint: 'the download or copy was cut short; fetch the package again',
      });
    }
    const wanted = Math.min(this.fileSize, Math.max(length, FIRST_READ_BYTES));
    const grown = Buffer.allocUnsafe(wanted);
    this.bytes.copy(grown);
    let filled = this.bytes.length;
    while (filled < wanted) {
      const { bytesRead } = await this.handle.read(grown, filled, wanted - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    this.bytes = grown.subarray(0, filled);
    if (this.bytes.length < length) {
      throw new InputError('RPM_TRUNCATED', `${this.file}: file is truncated while reading ${what}`, { location: { file: this.file } });
    }
  }
}
