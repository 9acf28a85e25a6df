import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@compose/errors';
import { runTool } from '@compose/exec';
import { readRpmHeader, type RpmHeaderInfo } from '@compose/rpm-header';
import type { Candidate } from '../select/candidate.js';
import { mapLimit } from './map-limit.js';

export interface RpmDirListing {
  files: string[];
  digest: string;
}

/** Every *.rpm below `dir` (relative paths, sorted) and a digest of names, sizes and mtimes. */
export async function listRpmDir(dir: string): Promise<RpmDirListing> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  // Symlinked packages count too (a directory of links into a build system's tree is common).
  const files = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.rpm'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  if (files.length === 0) {
    throw new InputError('PKGSET_EMPTY_DIR', `${dir} has no repodata/repomd.xml and no *.rpm files`, {
      hint: 'point pkgset_repos at an rpm-md repo or a directory of RPM packages',
    });
  }
  const hash = createHash('sha256');
  const stats = await mapLimit(files, 32, (file) => stat(path.join(dir, file)));
  files.forEach((file, i) => hash.update(`${file}\0${stats[i]?.size}\0${stats[i]?.mtimeMs}\n`));
  return { files, digest: hash.digest('hex') };
}

/** Reads every package header of the directory (a truncated or non-RPM file is an InputError naming it). */
export async function readRpmDirCandidates(dir: string, files: readonly string[], sourceId: string): Promise<Candidate[]> {
  const headers = await mapLimit(files, 16, (file) => readRpmHeader(path.join(dir, file)));
  return headers.map((info, i) => toCandidate(info, path.join(dir, files[i] ?? ''), sourceId));
}

export function toCandidate(info: RpmHeaderInfo, file: string, sourceId: string): Candidate {
  return {
    name: info.name,
    epoch: info.epoch ?? 0,
    version: info.version,
    release: info.release,
    arch: info.arch,
    file: path.basename(file),
    path: file,
    url: null,
    source: sourceId,
    checksum: null,
    size: info.fileSize,
    sourcerpm: info.sourcerpm ?? '',
    sigkey: info.sigKeyShortId,
    exclusiveArch: info.exclusiveArch,
    excludeArch: info.excludeArch,
  };
}

/**
 * rpm-md metadata for a bare RPM directory, made once by createrepo_c into `outDir` with an
 * xml:base pointing back at the directory, so the packages are not copied.
 */
export async function createRepodataForDir(dir: string, outDir: string, signal?: AbortSignal): Promise<void> {
  const temp = `${outDir}.tmp-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  await runTool(['createrepo_c', '--quiet', '--no-database', '--outputdir', temp, '--baseurl', `file://${dir}/`, dir], { signal });
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.dirname(outDir), { recursive: true });
  await rename(temp, outDir);
}
