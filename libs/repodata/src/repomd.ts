import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, isComposeError } from '@compose/errors';
import type { XmlElement } from '@compose/xml';
import { readRepomdTree } from './repomd-tree.js';
import type { Checksum, RepoMd, RepoMdRecord } from './types.js';

/** Path of a repository's repomd.xml. */
export function repomdPath(repoDir: string): string {
  return path.join(repoDir, 'repodata', 'repomd.xml');
}

/** Reads `<repoDir>/repodata/repomd.xml`. */
export async function readRepomd(repoDir: string): Promise<RepoMd> {
  const file = repomdPath(repoDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new InputError('REPODATA_NO_REPOMD', `${repoDir} is not an rpm-md repository: ${file} ${describeReadError(cause)}`, {
      hint: `point at the directory that contains repodata/ or create the metadata with: createrepo_c ${repoDir}`,
      location: { file },
      cause,
    });
  }
  return parseRepomd(text, file, repoDir);
}

/** Parses repomd.xml text; `file` is used in messages. */
export function parseRepomd(text: string, file: string, repoDir: string): RepoMd {
  let root: XmlElement;
  try {
    root = readRepomdTree(text, file);
  } catch (error) {
    if (!isComposeError(error)) throw error;
    throw new InputError('REPODATA_BAD_REPOMD', `repository ${repoDir}: ${error.message}`, {
      hint: `repomd.xml is damaged: re-sync the repository or regenerate it with createrepo_c ${repoDir}`,
      location: error.location ?? { file },
      cause: error,
    });
  }
  if (localName(root.name) !== 'repomd') {
    throw new InputError('REPODATA_BAD_REPOMD', `${file}: root element is <${root.name}>, expected <repomd>`, {
      hint: `regenerate the metadata with createrepo_c ${repoDir}`,
      location: { file, line: root.line, col: root.col },
    });
  }
  const revision = root.children.find((c) => localName(c.name) === 'revision')?.text.trim() ?? '';
  const records = root.children.filter((c) => localName(c.name) === 'data').map((data) => readRecord(data, file));
  return { repoDir, revision, records };
}

/** The record of `type` ("primary", "filelists", "other", "group", ...), or undefined. */
export function findRecord(repomd: RepoMd, type: string): RepoMdRecord | undefined {
  return repomd.records.find((record) => record.type === type);
}

/** Like findRecord, but a missing record is an InputError naming the repository. */
export function requireRecord(repomd: RepoMd, type: string): RepoMdRecord {
  const record = findRecord(repomd, type);
  if (!record) {
    throw new InputError('REPODATA_NO_RECORD', `${repomdPath(repomd.repoDir)} has no "${type}" record`, {
      hint: `regenerate the metadata with createrepo_c ${repomd.repoDir}`,
      location: { file: repomdPath(repomd.repoDir) },
    });
  }
  return record;
}

function readRecord(data: XmlElement, file: string): RepoMdRecord {
  const child = (name: string): XmlElement | undefined => data.children.find((c) => localName(c.name) === name);
  const where = { file, line: data.line, col: data.col };
  const type = data.attrs.type;
  const href = child('location')?.attrs.href;
  const checksum = readChecksum(child('checksum'));
  if (!type || !href || !checksum) {
    throw new InputError('REPODATA_BAD_REPOMD', `${file}: <data> needs a type, <location href> and <checksum type>`, {
      hint: 'regenerate the metadata with createrepo_c',
      location: where,
    });
  }
  const record: RepoMdRecord = { type, location: href, checksum };
  const openChecksum = readChecksum(child('open-checksum'));
  if (openChecksum) record.openChecksum = openChecksum;
  const numbers = { size: 'size', openSize: 'open-size', timestamp: 'timestamp', databaseVersion: 'database_version' } as const;
  for (const [key, name] of Object.entries(numbers) as Array<[keyof typeof numbers, string]>) {
    const text = child(name)?.text.trim();
    if (text) record[key] = Number(text);
  }
  return record;
}

function readChecksum(element: XmlElement | undefined): Checksum | undefined {
  const value = element?.text.trim();
  const type = element?.attrs.type;
  return value && type ? { type, value } : undefined;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function describeReadError(cause: unknown): string {
  const code = (cause as { code?: string }).code;
  return code === 'ENOENT' ? 'does not exist' : `cannot be read (${(cause as Error).message})`;
}
