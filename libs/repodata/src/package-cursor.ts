import type { Readable } from 'node:stream';
import { InputError } from '@compose/errors';
import type { NameTable } from './name-table.js';
import { XmlScanner } from './xml-scanner.js';

/** How to read one kind of rpm-md document (primary, filelists, other). */
export interface DocumentGrammar<T> {
  /** Root element name, for messages ("metadata", "filelists", "otherdata"). */
  root: string;
  elements: NameTable;
  attributes: NameTable;
  /** Element ids of the root and of `<package>` in `elements`. */
  rootId: number;
  packageId: number;
  /** Reads one package; called just after its start tag, must stop after its end tag. */
  parse(scanner: XmlScanner): T;
  /** Called on the root's start tag (its attributes in `scanner`), e.g. to size storage by `packages=`. */
  open?(scanner: XmlScanner): void;
}

const PACKAGE_END = Buffer.from('</package>', 'latin1');
// No single package comes near this; a document that never closes one is not rpm-md.
const MAX_PENDING = 256 << 20;

/**
 * Walks the packages of a decompressed rpm-md stream one by one. The stream is cut after the
 * last `</package>` of every chunk, so each package is parsed from one contiguous buffer and
 * only the unfinished tail is carried over: memory stays at a few chunks whatever the file size.
 */
export class PackageCursor<T> {
  /** Packages returned so far. */
  count = 0;
  /** Byte range of the last package returned, in `buffer`. */
  blockStart = 0;
  blockEnd = 0;
  private readonly scanner: XmlScanner;
  private readonly chunks: AsyncGenerator<Buffer>;
  private rootOpen = false;
  private rootClosed = false;

  constructor(
    private readonly stream: Readable,
    readonly file: string,
    private readonly grammar: DocumentGrammar<T>,
  ) {
    this.scanner = new XmlScanner(grammar.elements, grammar.attributes);
    this.chunks = cutAtPackageEnds(stream, file);
  }

  /** The buffer `blockStart`/`blockEnd` refer to. */
  get buffer(): Buffer {
    return this.scanner.buf;
  }

  /** The next package of the current chunk, or undefined when the chunk is used up (then `fill`). */
  next(): T | undefined {
    const scanner = this.scanner;
    const grammar = this.grammar;
    while (scanner.nextTag()) {
      const id = scanner.nameId;
      if (scanner.closing) {
        if (id === grammar.rootId) this.rootClosed = true;
        continue;
      }
      if (id === grammar.packageId && this.rootOpen) {
        const start = scanner.tagStart;
        const empty = scanner.selfClosing;
        const item = grammar.parse(scanner);
        if (!empty && (!scanner.closing || scanner.nameId !== grammar.packageId)) throw this.truncated();
        this.blockStart = start;
        this.blockEnd = scanner.pos;
        this.count++;
        return item;
      }
      if (id === grammar.rootId && !this.rootOpen) {
        this.rootOpen = true;
        grammar.open?.(scanner);
      }
      else if (!this.rootOpen) throw this.notRpmMd(`it starts with <${scanner.buf.toString('latin1', scanner.tagStart + 1, scanner.tagStart + 40).split(/[\s>/]/)[0]}>`);
      else scanner.skipElement();
    }
    return undefined;
  }

  /** Loads the next chunk; false at the end of the document (after checking it was complete). */
  async fill(): Promise<boolean> {
    const step = await this.chunks.next();
    if (step.done) {
      if (!this.rootOpen) throw this.notRpmMd('no <' + this.grammar.root + '> element found');
      if (!this.rootClosed) throw this.truncated();
      return false;
    }
    this.scanner.reset(step.value, 0, step.value.length);
    return true;
  }

  /** Stops reading (and decompressing) early. */
  close(): void {
    this.stream.destroy();
    void this.chunks.return(undefined).catch(() => undefined);
  }

  private truncated(): InputError {
    return new InputError('REPODATA_TRUNCATED', `${this.file} ends in the middle of the document (after ${this.count} packages)`, {
      hint: 'the file is truncated: re-sync the repository or regenerate it with createrepo_c',
      location: { file: this.file },
    });
  }

  private notRpmMd(why: string): InputError {
    return new InputError('REPODATA_NOT_RPMMD', `${this.file} is not rpm-md <${this.grammar.root}> XML: ${why}`, {
      hint: 'repomd.xml points at the wrong file: regenerate the repository with createrepo_c',
      location: { file: this.file },
    });
  }
}

/** Yields buffers that each end right after a `</package>` (the last one holds the document's tail). */
async function* cutAtPackageEnds(stream: Readable, file: string): AsyncGenerator<Buffer> {
  let pending: Buffer | undefined;
  let first = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (first && chunk.length > 0) {
      checkLooksLikeXml(chunk, file);
      first = false;
    }
    let data = chunk;
    if (pending) {
      // Only the carried tail and the new chunk's head up to its first </package> are copied.
      const firstEnd = chunk.indexOf(PACKAGE_END);
      if (firstEnd < 0) {
        pending = Buffer.concat([pending, chunk]);
        if (pending.length > MAX_PENDING) throw new InputError('REPODATA_NOT_RPMMD', `${file}: no </package> in ${MAX_PENDING >> 20} MiB`, { location: { file } });
        continue;
      }
      const headEnd = firstEnd + PACKAGE_END.length;
      yield Buffer.concat([pending, chunk.subarray(0, headEnd)]);
      pending = undefined;
      data = chunk.subarray(headEnd);
    }
    const cut = data.lastIndexOf(PACKAGE_END);
    if (cut < 0) {
      pending = data;
      continue;
    }
    const end = cut + PACKAGE_END.length;
    if (end < data.length) pending = data.subarray(end);
    yield data.subarray(0, end);
  }
  if (pending) yield pending;
}

function checkLooksLikeXml(chunk: Buffer, file: string): void {
  let i = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
  while (i < chunk.length && chunk[i]! <= 0x20) i++;
  if (i < chunk.length && chunk[i] !== 0x3c) {
    throw new InputError('REPODATA_NOT_XML', `${file} is not XML (it starts with ${JSON.stringify(chunk.toString('latin1', i, i + 16))})`, {
      hint: 'repomd.xml points at a file that is not rpm-md XML: regenerate the repository with createrepo_c',
      location: { file },
    });
  }
}
