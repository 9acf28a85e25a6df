import { createReadStream } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import path from 'node:path';
import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError, isComposeError } from '@compose/errors';
import type { Checksum, RepoMdRecord } from './types.js';

export interface MetadataStreamOptions {
  /** Check the record's checksum of the compressed file while it streams (default true). */
  verify?: boolean;
  signal?: AbortSignal;
}

/** Node's hash names for rpm-md checksum types (`sha` is what old yum repos call SHA-1). */
const HASH_OF: Record<string, string> = { sha: 'sha1', sha1: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', md5: 'md5' };

// Large buffers let zlib (on the libuv threadpool) decompress well ahead of the parser.
const READ_CHUNK = 1 << 20;
const OUTPUT_BUFFER = 4 << 20;

/** Maps an rpm-md checksum type to a node:crypto algorithm, or fails naming the file. */
export function hashAlgorithmOf(type: string, file: string): string {
  const algorithm = HASH_OF[type.toLowerCase()];
  if (!algorithm) {
    throw new InputError('REPODATA_CHECKSUM_TYPE', `${file}: unsupported checksum type "${type}"`, {
      hint: 'use sha256, sha1, sha512 or md5 (createrepo_c --checksum sha256)',
      location: { file },
    });
  }
  return algorithm;
}

/** The decompressor command for a metadata file, by extension; undefined for gzip and plain files. */
export function decompressArgv(file: string): string[] | undefined {
  if (file.endsWith('.xz')) return ['xz', '-dc'];
  if (file.endsWith('.bz2')) return ['bzip2', '-dc'];
  if (file.endsWith('.zst') || file.endsWith('.zstd')) return ['zstd', '-dc', '-q'];
  return undefined;
}

/**
 * Streams the decompressed bytes of a repomd record's file (.gz, .xz, .bz2, .zst or plain),
 * verifying the compressed file's checksum as it passes. Every failure (missing file, checksum
 * mismatch, corrupt data) arrives as an InputError on the returned stream.
 */
export function openMetadataStream(repoDir: string, record: RepoMdRecord, options: MetadataStreamOptions = {}): Readable {
  const file = path.join(repoDir, record.location);
  const verifier = options.verify === false ? undefined : createVerifier(file, record.checksum);
  const output = new PassThrough({ highWaterMark: OUTPUT_BUFFER });
  const source = createReadStream(file, { highWaterMark: READ_CHUNK });
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([stop.signal, options.signal]) : stop.signal;
  const fail = (error: unknown): void => {
    if (!output.destroyed) output.destroy(describeFailure(error, file));
    stop.abort();
  };
  output.on('close', () => {
    stop.abort();
    source.destroy();
  });
  source.on('error', fail);
  let compressed: Readable = source;
  if (verifier) {
    verifier.on('error', fail);
    compressed = source.pipe(verifier);
  }
  const argv = decompressArgv(file);
  if (argv) {
    // execa costs ~15 MiB of memory to load: only .xz/.bz2/.zst metadata pay for it.
    import('@compose/exec').then(({ streamTool }) => {
      if (output.destroyed) return;
      const tool = streamTool(argv, { stdin: compressed, signal });
      let stdoutEnded = false;
      let exited = false;
      const finish = (): void => {
        if (stdoutEnded && exited && !output.destroyed) output.end();
      };
      tool.stdout.on('error', fail);
      tool.stdout.on('end', () => {
        stdoutEnded = true;
        finish();
      });
      tool.done.then(() => {
        exited = true;
        finish();
      }, fail);
      // The output ends only once the tool has exited cleanly, so a corrupt file never looks complete.
      tool.stdout.pipe(output, { end: false });
    }, fail);
  } else if (file.endsWith('.gz')) {
    const gunzip = createGunzip({ chunkSize: 256 << 10 });
    gunzip.on('error', fail);
    output.on('close', () => gunzip.destroy());
    compressed.pipe(gunzip).pipe(output);
  } else {
    compressed.pipe(output);
  }
  return output;
}

/** A pass-through that hashes the compressed bytes and fails at their end on a mismatch. */
function createVerifier(file: string, expected: Checksum): Transform {
  const hash: Hash = createHash(hashAlgorithmOf(expected.type, file));
  return new Transform({
    highWaterMark: READ_CHUNK,
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      const actual = hash.digest('hex');
      if (actual === expected.value.toLowerCase()) return callback();
      callback(
        new InputError('REPODATA_CHECKSUM_MISMATCH', `${file}: ${expected.type} checksum mismatch: repomd.xml expects ${expected.value}, the file has ${actual}`, {
          hint: 'the file does not belong to this repomd.xml (partial sync or stale cache): re-sync the repository or regenerate it with createrepo_c',
          location: { file },
        }),
      );
    },
  });
}

function describeFailure(error: unknown, file: string): Error {
  if (isComposeError(error) && error.code !== 'TOOL_FAILED') return error;
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') {
    return new InputError('REPODATA_FILE_MISSING', `${file} is listed in repomd.xml but does not exist`, {
      hint: 'the repository is incomplete: re-sync it or regenerate it with createrepo_c',
      location: { file },
      cause: error,
    });
  }
  if (code === 'ABORT_ERR') return error as Error;
  return new InputError('REPODATA_CORRUPT', `${file}: cannot decompress: ${(error as Error).message}`, {
    hint: 'the file is damaged or truncated: re-sync the repository or regenerate it with createrepo_c',
    location: { file },
    cause: error,
  });
}
