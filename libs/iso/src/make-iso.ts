import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { runTool } from '@compose/exec';
import { buildImplantArgv, buildImplantedMd5Argv, buildIsoListingArgv, buildIsohybridArgv, buildMkisofsArgv, buildVolumeIdArgv, type MkisofsOptions } from './mkisofs-argv.js';
import { formatIsoManifest, parseIsoListing, parseVolumeId } from './iso-listing.js';
import { addHiddenPadding } from './hidden-padding.js';

export interface MakeIsoOptions extends Omit<MkisofsOptions, 'output'> {
  /** Final image path; the image is built beside it under a temporary name and renamed at the end. */
  output: string;
  /** Seconds since 1970 used for every date on the image, so equal inputs give equal bytes. */
  sourceDateEpoch?: number;
  implantMd5?: boolean;
  supported?: boolean;
  /** genisoimage path only: run isohybrid afterwards (with --uefi when EFI-bootable). */
  isohybrid?: 'bios' | 'uefi';
  /** Write `<output>.manifest` listing the image. */
  manifest?: boolean;
  /** Read the volume ID back from the image (default true); off saves an xorriso run per image when the caller knows it. */
  readVolumeId?: boolean;
  /** Pad small images (hidden) to at least this many content bytes so checkisomd5 can verify them; needs graftPoints. */
  minimumContentBytes?: number;
  signal?: AbortSignal;
  onCommand?: (argv: readonly string[]) => void;
}

export interface MadeIso {
  path: string;
  size: number;
  mtime: number;
  implantMd5: string | null;
  volumeId: string | null;
  manifest: string | null;
  commands: string[][];
}

/**
 * Makes one ISO: mkisofs into a temporary file, isohybrid, implantisomd5, then the rename, so
 * a failed or interrupted run never leaves an image a consumer could take for a finished one.
 */
export async function makeIsoImage(options: MakeIsoOptions): Promise<MadeIso> {
  const partial = `${options.output}.partial`;
  const commands: string[][] = [];
  const env = options.sourceDateEpoch === undefined ? undefined : { SOURCE_DATE_EPOCH: String(Math.trunc(options.sourceDateEpoch)) };
  const run = async (argv: string[]) => {
    commands.push(argv);
    options.onCommand?.(argv);
    return runTool(argv, { env, signal: options.signal });
  };
  const padFile = `${options.output}.padding`;
  try {
    const padArgs = options.graftPoints && options.minimumContentBytes ? await addHiddenPadding(options.graftPoints, padFile, options.minimumContentBytes) : [];
    await run(buildMkisofsArgv({ ...options, output: partial, allFileDates: options.sourceDateEpoch, bootArgs: [...(options.bootArgs ?? []), ...padArgs] }));
    if (options.isohybrid) await run(buildIsohybridArgv(partial, options.isohybrid === 'uefi'));
    let implantMd5: string | null = null;
    if (options.implantMd5 !== false) {
      await run(buildImplantArgv(partial, options.supported));
      implantMd5 = parseImplantedMd5((await run(buildImplantedMd5Argv(partial))).stdout);
    }
    const volumeId = options.readVolumeId === false ? null : (parseVolumeId((await run(buildVolumeIdArgv(partial))).stdout) ?? null);
    let manifest: string | null = null;
    if (options.manifest !== false) {
      const listing = parseIsoListing((await run(buildIsoListingArgv(partial))).stdout);
      manifest = `${options.output}.manifest`;
      await writeFile(`${manifest}.partial`, formatIsoManifest(listing));
      await rename(`${manifest}.partial`, manifest);
    }
    await rename(partial, options.output);
    const info = await stat(options.output);
    return { path: options.output, size: info.size, mtime: Math.trunc(info.mtimeMs / 1000), implantMd5, volumeId, manifest, commands };
  } finally {
    await rm(partial, { force: true });
    await rm(padFile, { force: true });
    await rm(`${options.output}.manifest.partial`, { force: true });
  }
}

/** `checkisomd5 --md5sumonly` prints "<file>:   <md5>" and the fragment lines. */
export function parseImplantedMd5(stdout: string): string | null {
  const match = /:\s+([0-9a-f]{32})\s*$/m.exec(stdout);
  return match ? match[1]! : null;
}
