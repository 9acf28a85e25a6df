import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { FailedError } from '@compose/errors';
import { runTool } from '@compose/exec';
import {
  buildCommitArgv,
  buildFsckArgv,
  buildInitArgv,
  buildLsArgv,
  buildRevParseArgv,
  buildSetRefArgv,
  buildShowMetadataArgv,
  buildSummaryUpdateArgv,
  type CommitSpec,
  type RepoMode,
} from './ostree-argv.js';

export interface OstreeRunOptions {
  signal?: AbortSignal;
}

/** One entry of `ostree ls`. */
export interface TreeEntry {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  size: number;
  path: string;
  /** Symlink target. */
  target?: string;
}

/** Whether `dir` already holds an ostree repository (it has a `config` and `objects/`). */
export function isRepo(dir: string): boolean {
  return existsSync(path.join(dir, 'config')) && existsSync(path.join(dir, 'objects'));
}

/** Creates the repository unless it exists; returns whether it was created. */
export async function ensureRepo(repo: string, mode: RepoMode = 'archive', options: OstreeRunOptions = {}): Promise<boolean> {
  if (isRepo(repo)) return false;
  await mkdir(repo, { recursive: true });
  await runTool(buildInitArgv(repo, mode), options);
  return true;
}

/** The commit checksum a ref or revision names, or undefined when it does not exist. */
export async function resolveRev(repo: string, rev: string, options: OstreeRunOptions = {}): Promise<string | undefined> {
  const result = await runTool(buildRevParseArgv(repo, rev), { ...options, okExitCodes: [0, 1] });
  const checksum = result.stdout.trim();
  return result.exitCode === 0 && /^[0-9a-f]{64}$/.test(checksum) ? checksum : undefined;
}

/** A string metadata value of a commit, or undefined when the commit does not carry the key. */
export async function readCommitMetadata(repo: string, rev: string, key: string, options: OstreeRunOptions = {}): Promise<string | undefined> {
  const result = await runTool(buildShowMetadataArgv(repo, rev, key), { ...options, okExitCodes: [0, 1] });
  if (result.exitCode !== 0) return undefined;
  return parseGVariantString(result.stdout.trim());
}

/** Commits a directory; returns the new commit's checksum. */
export async function commitTree(spec: CommitSpec, options: OstreeRunOptions = {}): Promise<string> {
  const result = await runTool(buildCommitArgv(spec), options);
  const checksum = result.stdout.trim().split('\n').at(-1) ?? '';
  if (!/^[0-9a-f]{64}$/.test(checksum)) throw new FailedError('OSTREE_COMMIT', `ostree commit printed no checksum: ${result.stdout.trim()}`);
  return checksum;
}

export async function setRef(repo: string, ref: string, checksum: string, options: OstreeRunOptions = {}): Promise<void> {
  await runTool(buildSetRefArgv(repo, ref, checksum), options);
}

export async function updateSummary(repo: string, options: OstreeRunOptions = {}): Promise<string> {
  return (await runTool(buildSummaryUpdateArgv(repo), options)).command;
}

/** Runs `ostree fsck`; throws FailedError when the repository is corrupt. */
export async function checkRepo(repo: string, options: OstreeRunOptions = {}): Promise<string> {
  return (await runTool(buildFsckArgv(repo), options)).stdout;
}

/** The tree of a commit as `ostree ls` reports it. */
export async function listTree(repo: string, rev: string, options: OstreeRunOptions & { path?: string; recursive?: boolean } = {}): Promise<TreeEntry[]> {
  const result = await runTool(buildLsArgv(repo, rev, { recursive: options.recursive ?? true, path: options.path }), { signal: options.signal });
  return parseLsOutput(result.stdout);
}

/** Parses `ostree ls` lines such as `d00755 0 0      0 /usr` and `l00777 0 0 0 /lib -> usr/lib`. */
export function parseLsOutput(text: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const line of text.split('\n')) {
    const match = /^([-dl])([0-7]+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(.+)$/.exec(line.trim());
    if (!match) continue;
    const [, kind, mode, uid, gid, size, rest] = match as unknown as [string, string, string, string, string, string, string];
    const type = kind === 'd' ? 'dir' : kind === 'l' ? 'symlink' : 'file';
    const entry: TreeEntry = { type, mode: parseInt(mode, 8) & 0o7777, uid: Number(uid), gid: Number(gid), size: Number(size), path: rest };
    if (type === 'symlink') {
      const arrow = rest.indexOf(' -> ');
      entry.path = rest.slice(0, arrow);
      entry.target = rest.slice(arrow + 4);
    }
    entries.push(entry);
  }
  return entries;
}

/** Reads a GVariant text-format string ('...' or "..."), as `ostree show --print-metadata-key` prints it. */
export function parseGVariantString(text: string): string {
  const quote = text[0];
  if ((quote !== "'" && quote !== '"') || text.at(-1) !== quote) return text;
  return text.slice(1, -1).replace(/\\(.)/g, '$1');
}
