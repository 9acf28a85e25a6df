import type { ManifestKind } from '@compose/manifest';

/** One image file the checksum phase hashed (once, however many variant.arch lists name it). */
export interface ChecksumImage {
  /** Relative to compose/, as in images.json. */
  path: string;
  /** Every `Variant.arch` key of images.json that lists this file (source ISOs: one per binary arch). */
  listed_under: string[];
  /** Bytes hashed. */
  size: number;
  /** algorithm -> hex digest, the algorithms of media_checksums. */
  checksums: Record<string, string>;
  duration_ms: number;
  /** "<dev>:<inode>:<size>:<mtime ns>" of the file hashed: a later run finding the same file (a hard link) takes the digests over. */
  file_id?: string;
  /** The compose whose digests of this very file were taken over instead of reading it, or null. */
  reused_from?: string | null;
}

/** work/global/checksum.json: what the image_checksum phase computed and wrote. */
export interface ChecksumManifest {
  compose_id: string;
  /** media_checksums as used, in config order. */
  algorithms: string[];
  one_file: boolean;
  /** media_checksum_base_filename as configured ('' when unset). */
  base_filename: string;
  images: ChecksumImage[];
  /** Checksum files written, relative to compose/, sorted. */
  files: string[];
  /** Checksum files of an earlier run that this run no longer writes and removed, relative to compose/. */
  removed_files: string[];
  timings_ms: Record<string, number>;
}

export const CHECKSUM_MANIFEST: ManifestKind = {
  type: 'compose.checksum',
  version: '1.0',
  schema: {
    type: 'object',
    required: ['compose_id', 'algorithms', 'one_file', 'base_filename', 'images', 'files', 'removed_files', 'timings_ms'],
    properties: {
      compose_id: { type: 'string', minLength: 1 },
      algorithms: { type: 'array', minItems: 1, items: { enum: ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] } },
      one_file: { type: 'boolean' },
      base_filename: { type: 'string' },
      images: {
        type: 'array',
        items: {
          type: 'object',
          required: ['path', 'listed_under', 'size', 'checksums', 'duration_ms'],
          properties: {
            path: { type: 'string', minLength: 1 },
            listed_under: { type: 'array', items: { type: 'string' } },
            size: { type: 'integer', minimum: 0 },
            checksums: { type: 'object', additionalProperties: { type: 'string', pattern: '^[0-9a-f]+$' } },
            duration_ms: { type: 'number', minimum: 0 },
            file_id: { type: 'string', pattern: '^\\d+:\\d+:\\d+:\\d+$' },
            reused_from: { type: ['string', 'null'] },
          },
        },
      },
      files: { type: 'array', items: { type: 'string' } },
      removed_files: { type: 'array', items: { type: 'string' } },
      timings_ms: { type: 'object', additionalProperties: { type: 'number' } },
    },
  },
};
