import { createHash, type Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { once } from 'node:events';
import { createGzip, gzipSync } from 'node:zlib';
import type { RepoMdRecord } from './types.js';

/** What a written metadata file contributes to repomd.xml. */
export type WrittenRecord = Omit<RepoMdRecord, 'timestamp' | 'databaseVersion'>;

/**
 * Writes one gzip-compressed metadata file into `dir`, hashing the plain bytes (open-checksum)
 * and the compressed bytes (checksum) on the way, then names it `<checksum>-<name>.gz` as
 * createrepo_c does with unique metadata file names.
 */
export class GzipRecordWriter {
  private readonly openHash = createHash('sha256');
  private openSize = 0;
  private readonly tap = new CountingHash(createHash('sha256'));
  private readonly gzip: ReturnType<typeof createGzip>;
  private readonly temp: string;
  private readonly done: Promise<void>;

  constructor(
    private readonly dir: string,
    private readonly type: string,
    private readonly name: string,
    level?: number,
  ) {
    this.gzip = createGzip(level === undefined ? {} : { level });
    this.temp = path.join(dir, `.${name}.gz.partial`);
    this.done = pipeline(this.gzip, this.tap, createWriteStream(this.temp));
    // Errors surface through `done` in finish(); this keeps an early one from being unhandled.
    this.done.catch(() => undefined);
  }

  async write(data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.openHash.update(bytes);
    this.openSize += bytes.length;
    if (!this.gzip.write(bytes)) await Promise.race([once(this.gzip, 'drain'), this.done]);
  }

  async finish(): Promise<WrittenRecord> {
    this.gzip.end();
    await this.done;
    const checksum = this.tap.hash.digest('hex');
    const location = `repodata/${checksum}-${this.name}.gz`;
    await rename(this.temp, path.join(this.dir, path.basename(location)));
    return {
      type: this.type,
      location,
      checksum: { type: 'sha256', value: checksum },
      openChecksum: { type: 'sha256', value: this.openHash.digest('hex') },
      size: this.tap.size,
      openSize: this.openSize,
    };
  }
}

/** Copies a comps file into `dir` as the `group` and `group_gz` records. */
export async function writeGroupRecords(dir: string, groupFile: string): Promise<WrittenRecord[]> {
  const plain = await readFile(groupFile);
  const compressed = gzipSync(plain);
  const plainSum = sha256(plain);
  const gzSum = sha256(compressed);
  const base = path.basename(groupFile).replace(/\.gz$/, '');
  await writeFile(path.join(dir, `${plainSum}-${base}`), plain);
  await writeFile(path.join(dir, `${gzSum}-${base}.gz`), compressed);
  return [
    { type: 'group', location: `repodata/${plainSum}-${base}`, checksum: { type: 'sha256', value: plainSum }, size: plain.length },
    {
      type: 'group_gz',
      location: `repodata/${gzSum}-${base}.gz`,
      checksum: { type: 'sha256', value: gzSum },
      openChecksum: { type: 'sha256', value: plainSum },
      size: compressed.length,
      openSize: plain.length,
    },
  ];
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

class CountingHash extends Transform {
  size = 0;
  constructor(readonly hash: Hash) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
  }
}
