/** Which ISO 9660 authoring tool makes the image. */
export type IsoTool = 'xorrisofs' | 'genisoimage';

export interface MkisofsOptions {
  tool: IsoTool;
  output: string;
  volid?: string;
  appid?: string;
  volset?: string;
  isoLevel?: number;
  /** Paths excluded (-x), as Pungi passes ./lost+found. */
  exclude?: readonly string[];
  /** El Torito and hybrid arguments from buildBootArgs. */
  bootArgs?: readonly string[];
  /** A graft-points file (path-list); the usual way. */
  graftPoints?: string;
  /** Plain source paths when no graft-points file is used. */
  paths?: readonly string[];
  /** xorrisofs only: one date (seconds since 1970) for every file and directory, for reproducible images. */
  allFileDates?: number;
}

/** xorriso's YYYYMMDDhhmmsscc time string, in UTC. */
export function formatXorrisoDate(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().replace(/\D/g, '').slice(0, 14)}00`;
}

/**
 * The mkisofs command line Pungi builds (get_mkisofs_cmd): Rock Ridge, Joliet with long
 * names, untranslated file names, UTF-8 input; genisoimage also writes TRANS.TBL files.
 */
export function buildMkisofsArgv(options: MkisofsOptions): string[] {
  const argv: string[] = [options.tool];
  if (options.isoLevel) argv.push('-iso-level', String(options.isoLevel));
  if (options.appid) argv.push('-appid', options.appid);
  argv.push('-untranslated-filenames');
  if (options.volid) argv.push('-volid', options.volid);
  argv.push('-J', '-joliet-long');
  if (options.volset) argv.push('-volset', options.volset);
  argv.push('-rational-rock');
  if (options.tool === 'genisoimage') argv.push('-translation-table');
  argv.push('-input-charset', 'utf-8');
  for (const pattern of options.exclude ?? []) argv.push('-x', pattern);
  if (options.tool === 'xorrisofs' && options.allFileDates !== undefined) argv.push('--set_all_file_dates', formatXorrisoDate(options.allFileDates));
  argv.push(...(options.bootArgs ?? []));
  argv.push('-o', options.output);
  if (options.graftPoints) argv.push('-graft-points', '-path-list', options.graftPoints);
  else argv.push(...(options.paths ?? []));
  return argv;
}

/** implantisomd5 writes the MD5 of the image into its application-use area for checkisomd5. */
export function buildImplantArgv(iso: string, supported = false): string[] {
  return ['implantisomd5', ...(supported ? ['--supported-iso'] : []), iso];
}

/** checkisomd5 --md5sum prints the implanted MD5 (Pungi's get_implanted_md5). */
export function buildImplantedMd5Argv(iso: string): string[] {
  return ['checkisomd5', '--md5sumonly', iso];
}

/** Verifies the implanted MD5 of the whole image. */
export function buildCheckisomd5Argv(iso: string): string[] {
  return ['checkisomd5', '--verbose', iso];
}

/** Lists every path on the image (Rock Ridge names), one per line, quoted by xorriso. */
export function buildIsoListingArgv(iso: string): string[] {
  return ['xorriso', '-indev', iso, '-find', '/', '--'];
}

/** Makes a BIOS-bootable image bootable from USB sticks too (genisoimage path; xorrisofs does it itself). */
export function buildIsohybridArgv(iso: string, uefi: boolean): string[] {
  return ['isohybrid', ...(uefi ? ['--uefi'] : []), iso];
}

/** Reads the primary volume descriptor (Pungi's get_volume_id uses isoinfo; xorriso is what we have). */
export function buildVolumeIdArgv(iso: string): string[] {
  return ['xorriso', '-indev', iso, '-pvd_info'];
}
