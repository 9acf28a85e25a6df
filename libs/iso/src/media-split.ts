import { InputError } from '@compose/errors';

export interface SplitFile {
  /** Path as it will be grafted (absolute on disk). */
  path: string;
  size: number;
  /** Sticky files (media.repo, extra files, tree metadata) go on every disc. */
  sticky?: boolean;
}

export interface Disc {
  /** Bytes of the files on this disc (sticky ones counted on each). */
  size: number;
  files: string[];
}

/**
 * Pungi's MediaSplitter: sticky files open every disc; the other files are taken in the given
 * order and a new disc starts when the next one would overflow `mediaSize`. No media size
 * means everything on one disc. A file bigger than a disc is an error naming it.
 */
export function splitMedia(files: readonly SplitFile[], mediaSize?: number): Disc[] {
  const sticky: string[] = [];
  let stickySize = 0;
  const rest: SplitFile[] = [];
  const seen = new Map<string, number>();
  for (const file of files) {
    const previous = seen.get(file.path);
    if (previous !== undefined) {
      if (previous !== file.size) throw new InputError('MEDIA_SPLIT', `${file.path} was added twice with different sizes (${previous} and ${file.size})`);
      continue;
    }
    if (mediaSize && file.size > mediaSize) {
      throw new InputError('MEDIA_SPLIT', `${file.path} (${file.size} bytes) is larger than a disc (${mediaSize} bytes)`, { hint: 'raise iso_size or lower split_iso_reserve' });
    }
    seen.set(file.path, file.size);
    if (file.sticky) {
      sticky.push(file.path);
      stickySize += file.size;
    } else rest.push(file);
  }
  const discs: Disc[] = [];
  let disc: Disc | undefined;
  for (const file of rest) {
    if (!disc || (mediaSize && disc.size + file.size > mediaSize)) {
      disc = { size: stickySize, files: [...sticky] };
      discs.push(disc);
    }
    disc.files.push(file.path);
    disc.size += file.size;
  }
  return discs;
}
