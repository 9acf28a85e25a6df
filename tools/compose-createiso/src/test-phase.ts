import { InputError } from '@compose/errors';
import { checkImages } from '@compose/image-check';
import { listImages, readImages } from '@compose/images';
import type { PhaseDeliverable } from '@compose/contracts';
import type { Logger } from '@compose/log';

export interface TestReport {
  checked: number;
  passed: number;
  failed: { variant: string; path: string; problems: string[] }[];
  deliverables: PhaseDeliverable[];
}

/**
 * The test phase: every image images.json lists, checked once even when listed under several
 * arches (header, size, volume ID, implanted MD5, bootable flag, recorded checksums).
 */
export async function runTestPhase(composeDir: string, log: Logger, signal?: AbortSignal): Promise<TestReport> {
  const document = await readImages(composeDir);
  if (!document) throw new InputError('NO_IMAGES', `${composeDir} has no compose/metadata/images.json`, { hint: 'run compose-createiso first' });
  const report = await checkImages(composeDir, document, {
    signal,
    onChecked: (check, done, total) => {
      if (check.ok) log.info(`test: [${done}/${total}] ${check.path} ok`);
      else log.error(`test: [${done}/${total}] ${check.path}: ${check.problems.join('; ')}`);
    },
  });
  const failedPaths = new Set(report.failed.map((check) => check.path));
  const deliverables: PhaseDeliverable[] = listImages(document).map(({ variant, arch, image }) => ({
    kind: 'iso', variant, arch, subvariant: image.subvariant, status: failedPaths.has(image.path) ? 'failed' : 'done', failable: false, output: `compose/${image.path}`,
  }));
  return {
    checked: report.checked,
    passed: report.passed,
    failed: report.failed.map((check) => ({ variant: check.variant, path: check.path, problems: check.problems })),
    deliverables,
  };
}
