import { execa } from 'execa';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { toolBin } from '@compose/testkit';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runCreateiso(args: string[]): Promise<CliResult> {
  const r = await execa('node', [toolBin('compose-createiso'), ...args], { reject: false, env: { NO_COLOR: '1' } });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Every *.iso under compose/, relative to it, sorted. */
export async function listIsos(composeDir: string): Promise<string[]> {
  const root = path.join(composeDir, 'compose');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.iso')).map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();
}

/** What xorriso lists on an image, as manifest lines. */
export async function listImage(iso: string): Promise<string[]> {
  const r = await execa('xorriso', ['-indev', iso, '-find', '/', '--']);
  return String(r.stdout).split('\n').filter((l) => l.startsWith("'") && l !== "'/'").map((l) => l.slice(1, -1)).sort();
}

/** Repodata file names carry checksums of their content; primary.xml differs by file mtimes, so compare names without them. */
export function withoutChecksums(lines: readonly string[]): string[] {
  return lines.map((line) => line.replace(/\/[0-9a-f]{64}-/, '/<checksum>-')).sort();
}

export async function readJson<T = any>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}
