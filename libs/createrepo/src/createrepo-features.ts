import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTool } from '@compose/exec';

/** What the installed createrepo_c can do; Debian 12 ships 0.17.3 (DeltaRPM, zchunk, no zstd). */
export interface CreaterepoFeatures {
  version: string;
  /** Built with DeltaRPM and offering --deltas. */
  deltas: boolean;
  zchunk: boolean;
  cachedir: boolean;
  errorExitVal: boolean;
  /** Compression types --compress-type accepts (probed, the help text does not list them). */
  compressTypes: string[];
}

const PROBED_COMPRESSION = ['gz', 'bz2', 'xz', 'zstd'] as const;

/** Reads `createrepo_c --version` and `--help` output; pure so it is tested as data. */
export function parseCreaterepoFeatures(versionText: string, helpText: string, compressTypes: string[] = []): CreaterepoFeatures {
  const version = /Version:\s*(\S+)/.exec(versionText)?.[1] ?? 'unknown';
  const builtWith = (/\(Features:([^)]*)\)/.exec(versionText)?.[1] ?? '').trim().split(/\s+/);
  const offers = (option: string): boolean => new RegExp(`(^|\\s)${option}(?=[=\\s,])`, 'm').test(helpText);
  return {
    version,
    deltas: builtWith.includes('DeltaRPM') && offers('--deltas'),
    zchunk: offers('--zck'),
    cachedir: offers('--cachedir'),
    errorExitVal: offers('--error-exit-val'),
    compressTypes,
  };
}

let detected: Promise<CreaterepoFeatures> | undefined;

/**
 * Asks the installed createrepo_c once per process what it supports. Compression types are
 * probed by indexing an empty directory, since an unsupported one only shows up as an error.
 */
export function detectCreaterepoFeatures(executable = 'createrepo_c'): Promise<CreaterepoFeatures> {
  if (executable !== 'createrepo_c') return probeFeatures(executable);
  detected ??= probeFeatures(executable).catch((error: unknown) => {
    detected = undefined;
    throw error;
  });
  return detected;
}

async function probeFeatures(executable: string): Promise<CreaterepoFeatures> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'createrepo-probe-'));
  try {
    // Six short runs on the way to every createrepo phase: at once rather than one after the other.
    const probe = async (type: string): Promise<boolean> => {
      const dir = path.join(scratch, type);
      await mkdir(dir);
      return (await runTool([executable, '--quiet', '--no-database', `--compress-type=${type}`, dir], { okExitCodes: [0, 1, 2] })).exitCode === 0;
    };
    const [version, help, ...supported] = await Promise.all([runTool([executable, '--version']), runTool([executable, '--help']), ...PROBED_COMPRESSION.map(probe)]);
    const compressTypes = PROBED_COMPRESSION.filter((_, index) => supported[index]);
    return parseCreaterepoFeatures(version.stdout, help.stdout, compressTypes);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
