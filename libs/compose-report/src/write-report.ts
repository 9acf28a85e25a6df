// Writes logs/global/report.html for a compose, whatever state it is in.
import path from 'node:path';
import { writeFileAtomic } from '@compose/manifest';
import { REPORT_DIR, REPORT_FILE_NAME } from './links.js';
import { readReportInputs } from './read-inputs.js';
import { renderComposeReport, type RenderOptions } from './render.js';

/** Renders the compose in `composeDir` and returns the path of the written report. */
export async function writeComposeReport(composeDir: string, options: RenderOptions = {}): Promise<string> {
  const inputs = await readReportInputs(composeDir);
  const file = path.join(composeDir, REPORT_DIR, REPORT_FILE_NAME);
  await writeFileAtomic(file, renderComposeReport(inputs, options));
  return file;
}
