import { chmod, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@compose/errors';
import { copyKeptBlocks, FILELISTS_BLOCKS, OTHER_BLOCKS, PRIMARY_BLOCKS, relocateBlock, type CopyPlan, type PrimaryBlock } from './copy-blocks.js';
import { GzipRecordWriter, writeGroupRecords, type WrittenRecord } from './record-writer.js';
import { findRecord, readRepomd } from './repomd.js';
import { formatRepomd } from './repomd-format.js';
import { openCursor, streamPrimary } from './stream-packages.js';
import type { DocumentGrammar } from './package-cursor.js';
import type { RepoMd, RepoMdRecord } from './types.js';
import { copySecondaryRecords } from './secondary-copy.js';

/** What the keep predicate sees of each package (a full PrimaryPackage is passed). */
export interface KeepCandidate {
  pkgid: string;
  name: string;
  arch: string;
  epoch: number;
  version: string;
  release: string;
  location: string;
}

export interface WriteFilteredRepoOptions {
  /** comps.xml to add as the `group` and `group_gz` records. */
  groupFile?: string;
  /** Sets `xml:base` on every kept package's `<location>` (createrepo_c --baseurl). */
  baseUrl?: string;
  checksumType?: 'sha256';
  /**
   * The kept packages when the caller already knows them (it read primary itself): their
   * location hrefs and pkgids. Saves the deciding pass over primary.xml; `keep` is not called.
   */
  preselected?: { hrefs: ReadonlySet<string>; pkgids: ReadonlySet<string> };
  /** gzip level of the written files (default zlib's 6; 1 is ~3x faster for scratch repos). */
  compressionLevel?: number;
  /** repomd revision (default: the current time in seconds, as createrepo_c). */
  revision?: string;
  /** Record timestamps (default: now), for reproducible output. */
  timestamp?: number;
  signal?: AbortSignal;
}

export interface FilteredRepo {
  packages: number;
  repomd: RepoMd;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const HEADERS = {
  primary: (n: number) => `${XML_DECLARATION}<metadata xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm" packages="${n}">\n`,
  filelists: (n: number) => `${XML_DECLARATION}<filelists xmlns="http://linux.duke.edu/metadata/filelists" packages="${n}">\n`,
  other: (n: number) => `${XML_DECLARATION}<otherdata xmlns="http://linux.duke.edu/metadata/other" packages="${n}">\n`,
};

/**
 * Writes a repository whose primary, filelists and other hold exactly the packages `keep`
 * accepts, their XML blocks copied byte for byte from the source, with a new repomd.xml.
 * Everything is written to a staging directory inside `targetDir` and renamed to
 * `targetDir/repodata` at the end, so no reader ever sees half-written metadata.
 */
export async function writeFilteredRepo(
  sourceRepoDir: string,
  targetDir: string,
  keep: (pkg: KeepCandidate) => boolean,
  options: WriteFilteredRepoOptions = {},
): Promise<FilteredRepo> {
  if (options.checksumType !== undefined && options.checksumType !== 'sha256') {
    throw new InputError('REPODATA_CHECKSUM_TYPE', `checksum type ${String(options.checksumType)} is not supported for writing`, { hint: 'use sha256' });
  }
  const decisions: boolean[] = [];
  let keptIds: ReadonlySet<string>;
  let source: RepoMd;
  if (options.preselected) {
    source = await readRepomd(sourceRepoDir);
    keptIds = options.preselected.pkgids;
  } else {
    const ids = new Set<string>();
    ({ repomd: source } = await streamPrimary(
      sourceRepoDir,
      (pkg) => {
        const kept = keep(pkg);
        decisions.push(kept);
        if (kept) ids.add(pkg.pkgid);
      },
      { signal: options.signal },
    ));
    keptIds = ids;
  }
  const hrefs = options.preselected?.hrefs;
  const count = hrefs ? hrefs.size : decisions.filter(Boolean).length;
  const level = options.compressionLevel;
  await mkdir(targetDir, { recursive: true });
  const staging = await mkdtemp(path.join(targetDir, '.repodata-'));
  // mkdtemp creates 0700; published repodata must be readable by web servers and other users.
  await chmod(staging, 0o755);
  try {
    const primaryPlan: CopyPlan<PrimaryBlock> = {
      header: HEADERS.primary,
      footer: '</metadata>\n',
      isKept: hrefs ? (item) => hrefs.has(item.href) : (_item, index) => decisions[index] === true,
    };
    if (options.baseUrl) primaryPlan.rewrite = relocateBlock(options.baseUrl);
    // filelists and other are copied on a second core (a worker thread) while this thread
    // copies primary: on big repos the scan, hash and copy work is CPU-bound.
    const job: SecondaryCopyJob = { source, staging, keptIds: [...keptIds], count, level };
    const written = await Promise.all([
      copyRecord(source, staging, 'primary', PRIMARY_BLOCKS, primaryPlan, count, level, options.signal),
      copySecondaryRecords(job, options.signal),
    ]).then(([primary, secondary]) => [primary, ...secondary]);
    const records = written.filter((r): r is WrittenRecord => r !== undefined);
    if (options.groupFile) records.push(...(await writeGroupRecords(staging, options.groupFile)));
    const now = options.timestamp ?? Math.floor(Date.now() / 1000);
    const stamped: RepoMdRecord[] = records.map((r) => ({ ...r, timestamp: now }));
    const revision = options.revision ?? String(now);
    await writeFile(path.join(staging, 'repomd.xml'), formatRepomd(revision, stamped));
    await swapIntoPlace(staging, path.join(targetDir, 'repodata'));
    return { packages: count, repomd: { repoDir: targetDir, revision, records: stamped } };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

export interface SecondaryCopyJob {
  source: RepoMd;
  staging: string;
  keptIds: string[];
  count: number;
  level: number | undefined;
}

/** Copies the kept blocks of filelists.xml and other.xml (matched by pkgid). */
export async function copySecondaryRecordsInline(job: SecondaryCopyJob, signal?: AbortSignal): Promise<(WrittenRecord | undefined)[]> {
  const kept = new Set(job.keptIds);
  const byPkgid = (item: string): boolean => kept.has(item);
  return Promise.all([
    copyRecord(job.source, job.staging, 'filelists', FILELISTS_BLOCKS, { header: HEADERS.filelists, footer: '</filelists>\n', isKept: byPkgid }, job.count, job.level, signal),
    copyRecord(job.source, job.staging, 'other', OTHER_BLOCKS, { header: HEADERS.other, footer: '</otherdata>\n', isKept: byPkgid }, job.count, job.level, signal),
  ]);
}

/** Copies one document's kept blocks; undefined when the source has no such record. */
async function copyRecord<T>(
  source: RepoMd,
  staging: string,
  type: 'primary' | 'filelists' | 'other',
  grammar: DocumentGrammar<T>,
  plan: CopyPlan<T>,
  expected: number,
  level: number | undefined,
  signal: AbortSignal | undefined,
): Promise<WrittenRecord | undefined> {
  if (!findRecord(source, type)) return undefined;
  const writer = new GzipRecordWriter(staging, type, `${type}.xml`, level);
  const kept = await copyKeptBlocks(openCursor(source, type, grammar, { signal }), writer, plan, expected);
  const record = await writer.finish();
  if (kept === expected) return record;
  // filelists/other that disagree with primary: write again with their own count in the header.
  await rm(path.join(staging, path.basename(record.location)));
  const again = new GzipRecordWriter(staging, type, `${type}.xml`, level);
  await copyKeptBlocks(openCursor(source, type, grammar, { signal }), again, plan, kept);
  return again.finish();
}

async function swapIntoPlace(staging: string, finalDir: string): Promise<void> {
  const existing = await stat(finalDir).catch(() => undefined);
  const old = `${staging}.old`;
  if (existing) await rename(finalDir, old);
  await rename(staging, finalDir);
  if (existing) await rm(old, { recursive: true, force: true });
}
