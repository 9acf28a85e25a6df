import { InputError } from '@compose/errors';
import { checkImages } from '@compose/image-check';
import { readImages } from '@compose/images';
import type { Logger } from '@compose/log';

export interface TestReport {
  checked: number;
  passed: number;
  failed: { variant: string; path: string; problems: string[] }[];
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
  return {
    checked: report.checked,
    passed: report.passed,
    failed: report.failed.map((check) => ({ variant: check.variant, path: check.path, problems: check.problems })),
  };
}
