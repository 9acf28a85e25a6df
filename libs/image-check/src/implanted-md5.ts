// checkisomd5 (isomd5sum) verifies the MD5 implantisomd5 wrote into the primary volume
// descriptor's application-use area, plus 20 "fragment" sums checked along the way.
import { buildCheckisomd5Argv } from '@compose/iso';
import { runTool } from '@compose/exec';

/** The sectors at the end implantisomd5 leaves out of the sum (its SKIPSECTORS). */
export const IMPLANT_SKIP_SECTORS = 15;
const FRAGMENT_COUNT = 20;
// checkisomd5 reads the image in 32 KiB pieces and checks fragment sums only between them.
const READ_BYTES = 32 * 1024;
/** The smallest volume (in 2048-byte sectors) above which checkisomd5 can pass. */
export const MIN_VERIFIABLE_SECTORS = 335;

export type Checkisomd5Result = 'PASS' | 'FAIL' | 'NA';

export interface Checkisomd5Report {
  result: Checkisomd5Result;
  /** The MD5 implanted in the image, as checkisomd5 printed it. */
  implanted?: string;
  command: string;
}

/**
 * Whether checkisomd5 can pass on a correctly implanted volume of `sectors` 2048-byte sectors.
 * implantisomd5 appends a fragment sum each time a 32 KiB read crosses into a new fragment
 * (there are FRAGMENT_COUNT + 1 of them over the summed bytes), while checkisomd5 compares the
 * sum it computes at a crossing with the one stored at the fragment's index. When fragments are
 * shorter than a read, one read can cross two boundaries: the implanted list then has fewer
 * entries than the fragment index assumes and every later comparison is off by one, so a
 * correct image FAILs. That happens for volumes of 32 to 334 sectors (64 KiB to about 670 KiB).
 */
export function isVerifiableByCheckisomd5(sectors: number): boolean {
  const summed = (sectors - IMPLANT_SKIP_SECTORS) * 2048;
  let stored = 0;
  let previous = 0;
  for (let offset = 0; offset < summed; offset += READ_BYTES) {
    const fragment = Math.floor((offset * (FRAGMENT_COUNT + 1)) / summed);
    if (fragment === previous) continue;
    if (fragment !== stored + 1) return false;
    stored++;
    previous = fragment;
  }
  return true;
}

/** Runs `checkisomd5 --verbose` and reads its verdict; it exits 1 for both FAIL and NA. */
export async function runCheckisomd5(file: string, signal?: AbortSignal): Promise<Checkisomd5Report> {
  const result = await runTool(buildCheckisomd5Argv(file), { signal, okExitCodes: [0, 1, 2] });
  // The digest goes to stdout, the verdict to stderr.
  const verdict = /the result is: (PASS|FAIL|NA)\b/.exec(result.stderr)?.[1] as Checkisomd5Result | undefined;
  const implanted = /^.*:\s+([0-9a-f]{32})\s*$/m.exec(result.stdout)?.[1];
  return { result: verdict ?? (result.exitCode === 0 ? 'PASS' : 'FAIL'), implanted, command: result.command };
}
