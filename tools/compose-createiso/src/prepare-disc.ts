import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { runTool } from '@compose/exec';
import { buildCreaterepoArgv, type ChecksumType } from '@compose/createrepo';
import { collectGraftPoints, formatGraftPoints, type GraftPoints } from '@compose/iso';
import { parseDiscinfo, parseTreeinfo, renderDiscinfo, renderTreeinfo, type TreeinfoData } from '@compose/treeinfo';

export interface DiscInput {
  /** The os (or source) tree the disc is made from. */
  treeDir: string;
  /** Where this disc's own metadata is staged (work/<arch>/iso/<filename>). */
  stagingDir: string;
  discNumber: number;
  discCount: number;
  /** Files of this disc when the tree is split over several; undefined = the whole tree. */
  files?: readonly string[];
  /** Packages directory of the tree, to tell packages from other files of a split disc. */
  packagesDir?: string;
  /** Boot files (isolinux/, images/, EFI/) grafted first, so the tree's own files win. */
  bootTree?: string;
  createrepo?: { checksum?: ChecksumType; groupfile?: string; signal?: AbortSignal };
  onCommand?: (argv: readonly string[]) => void;
}

/**
 * Stages what differs per disc (Pungi's prepare_iso): a .treeinfo with the disc number and
 * without boot.iso, a .discinfo naming the disc, and for a split disc repodata covering only
 * its packages; returns the graft points file for mkisofs.
 */
export async function prepareDisc(input: DiscInput): Promise<string> {
  await rm(input.stagingDir, { recursive: true, force: true });
  await mkdir(input.stagingDir, { recursive: true });
  const treeinfo = await loadDiscTreeinfo(path.join(input.treeDir, '.treeinfo'), input.discNumber, input.discCount);
  if (input.files && input.discCount > 1) {
    const repomd = await indexDiscPackages(input);
    if (repomd && treeinfo) (treeinfo.checksums ??= {})['repodata/repomd.xml'] = { type: input.createrepo?.checksum ?? 'sha256', value: repomd };
  }
  if (treeinfo) await writeFile(path.join(input.stagingDir, '.treeinfo'), renderTreeinfo(treeinfo));
  const discinfo = await readOptional(path.join(input.treeDir, '.discinfo'));
  if (discinfo !== undefined) {
    const data = parseDiscinfo(discinfo);
    await writeFile(path.join(input.stagingDir, '.discinfo'), renderDiscinfo({ ...data, discNumbers: [input.discNumber] }));
  }
  const points: GraftPoints = new Map();
  if (input.bootTree) await collectGraftPoints([input.bootTree], points);
  if (input.files && input.discCount > 1) {
    for (const file of input.files) points.set(path.relative(input.treeDir, file), file);
  } else {
    await collectGraftPoints([input.treeDir], points);
  }
  await collectGraftPoints([input.stagingDir], points);
  const graftFile = `${input.stagingDir}-graft-points`;
  await writeFile(graftFile, formatGraftPoints(points));
  return graftFile;
}

/** The tree's .treeinfo as Pungi's load_and_tweak_treeinfo leaves it for a disc. */
async function loadDiscTreeinfo(file: string, discNumber: number, discCount: number): Promise<TreeinfoData | undefined> {
  const text = await readOptional(file);
  if (text === undefined) return undefined;
  const data = parseTreeinfo(text, file);
  data.media = { discnum: discNumber, totaldiscs: discCount || 1 };
  for (const images of Object.values(data.images ?? {})) {
    const bootIso = images['boot.iso'];
    if (bootIso === undefined) continue;
    delete images['boot.iso'];
    delete data.checksums?.[bootIso];
  }
  return data;
}

/**
 * Repodata of a split disc: createrepo_c --update over the tree, limited to this disc's
 * packages, written into the staging dir so the tree's own repodata stays untouched.
 */
async function indexDiscPackages(input: DiscInput): Promise<string | undefined> {
  const packagesDir = input.packagesDir ?? path.join(input.treeDir, 'Packages');
  const packages = (input.files ?? []).filter((file) => file.endsWith('.rpm') && file.startsWith(`${packagesDir}${path.sep}`)).map((file) => path.relative(input.treeDir, file));
  if (packages.length === 0) return undefined;
  const list = `${input.stagingDir}-file-list`;
  await writeFile(list, `${packages.join('\n')}\n`);
  const argv = buildCreaterepoArgv(input.treeDir, {
    outputDir: input.stagingDir,
    pkglist: list,
    update: true,
    updateMdPaths: [input.treeDir],
    skipStat: true,
    database: true,
    checksum: input.createrepo?.checksum,
    groupfile: input.createrepo?.groupfile,
  });
  input.onCommand?.(argv);
  await runTool(argv, { signal: input.createrepo?.signal });
  const repomd = await readFile(path.join(input.stagingDir, 'repodata/repomd.xml'));
  return createHash(input.createrepo?.checksum ?? 'sha256').update(repomd).digest('hex');
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
