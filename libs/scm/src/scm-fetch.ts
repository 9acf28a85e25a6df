import { cp, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '@compose/errors';
import { runTool } from '@compose/exec';

/** Pungi's scm_dict: where files come from. A plain string means a local path. */
export interface ScmDict {
  scm?: string;
  repo?: string;
  branch?: string | null;
  file?: string | string[];
  dir?: string;
  target?: string;
}

export interface ScmContext {
  /** Relative local paths resolve against the config file's directory. */
  configDir: string;
  /** Finds a package of the compose by name for `scm: rpm` entries that name one instead of a path. */
  findPackage?: (name: string) => string | undefined;
  signal?: AbortSignal;
}

/**
 * Exports the files or directory of one scm_dict into `targetDir` (Pungi's get_file_from_scm /
 * get_dir_from_scm) and returns the written files relative to it. Files land flat under their
 * base name; a directory's contents are copied below the target.
 */
export async function fetchFromScm(source: ScmDict | string, targetDir: string, context: ScmContext): Promise<string[]> {
  const scm = typeof source === 'string' ? { scm: 'file', file: source } : source;
  const files = scm.file === undefined ? [] : Array.isArray(scm.file) ? scm.file : [scm.file];
  if (!files.length && !scm.dir) throw new InputError('SCM_NOTHING', `scm_dict ${JSON.stringify(scm)} names neither file nor dir`);
  const root = await checkout(scm, context);
  try {
    await mkdir(targetDir, { recursive: true });
    const written: string[] = [];
    for (const file of files) {
      const from = path.resolve(root.dir, file.replace(/^\/+/, ''));
      await requireExisting(from, scm);
      await cp(from, path.join(targetDir, path.basename(file)), { dereference: true });
      written.push(path.basename(file));
    }
    if (scm.dir) {
      const from = path.resolve(root.dir, scm.dir.replace(/^\/+/, ''));
      await requireExisting(from, scm);
      await cp(from, targetDir, { recursive: true, dereference: true, filter: (src) => path.basename(src) !== '.git' });
      written.push(...(await listFiles(from)));
    }
    return [...new Set(written)].sort();
  } finally {
    await root.cleanup();
  }
}

async function checkout(scm: ScmDict, context: ScmContext): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const kind = scm.scm ?? 'file';
  if (kind === 'file') {
    // scm "file" paths are relative to the config file, or absolute
    const dir = scm.repo ? path.resolve(context.configDir, scm.repo) : context.configDir;
    return { dir, cleanup: async () => undefined };
  }
  const scratch = await mkdtemp(path.join(tmpdir(), `compose-scm-${kind}-`));
  const cleanup = (): Promise<void> => rm(scratch, { recursive: true, force: true });
  try {
    if (kind === 'git') await checkoutGit(requireRepo(scm), scm.branch ?? undefined, scratch, context);
    else if (kind === 'rpm') await extractRpm(resolveRpm(requireRepo(scm), context), scratch, context);
    else throw new InputError('SCM_UNSUPPORTED', `scm "${kind}" is not supported (use file, git or rpm)`, { hint: 'cvs and koji sources are not available here' });
    return { dir: scratch, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** A shallow fetch of one branch or commit, like Pungi's GitWrapper: no history is needed. */
async function checkoutGit(repo: string, branch: string | undefined, dir: string, context: ScmContext): Promise<void> {
  const url = repo.includes('://') || /^[\w.-]+@[\w.-]+:/.test(repo) ? repo : `file://${path.resolve(context.configDir, repo)}`;
  await runTool(['git', 'init', '--quiet', dir], { signal: context.signal });
  await runTool(['git', '-C', dir, 'fetch', '--quiet', '--depth', '1', url, branch ?? 'HEAD'], { signal: context.signal });
  await runTool(['git', '-C', dir, 'checkout', '--quiet', 'FETCH_HEAD'], { signal: context.signal });
}

/** rpm2cpio | cpio, with the archive passed through memory since @compose/exec runs one process at a time. */
async function extractRpm(rpm: string, dir: string, context: ScmContext): Promise<void> {
  const archive = await runTool(['rpm2cpio', rpm], { binaryStdout: true, signal: context.signal });
  await runTool(['cpio', '--quiet', '-idm', '--no-absolute-filenames'], { cwd: dir, input: archive.stdout as unknown as Uint8Array, signal: context.signal });
}

function resolveRpm(repo: string, context: ScmContext): string {
  if (repo.endsWith('.rpm')) return path.resolve(context.configDir, repo);
  const found = context.findPackage?.(repo);
  if (!found) throw new InputError('SCM_RPM_MISSING', `scm rpm source "${repo}" is neither an .rpm path nor a package of the compose`);
  return found;
}

function requireRepo(scm: ScmDict): string {
  if (!scm.repo) throw new InputError('SCM_NO_REPO', `scm "${scm.scm}" needs a repo: ${JSON.stringify(scm)}`);
  return scm.repo;
}

async function requireExisting(file: string, scm: ScmDict): Promise<void> {
  if (!(await stat(file).catch(() => undefined))) {
    throw new InputError('SCM_FILE_MISSING', `${path.basename(file)} not found in ${scm.scm ?? 'file'} source ${scm.repo ?? ''}`.trim(), { hint: JSON.stringify(scm) });
  }
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const result: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const relative = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) result.push(...(await listFiles(path.join(dir, entry.name), relative)));
    else result.push(relative);
  }
  return result;
}
