// Debian's headless Chromium, run through @compose/exec like every other external tool.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTool } from '@compose/exec';

async function runChromium(args: string[]): Promise<string> {
  // A profile of its own: parallel runs must not share (and lock) one.
  const profile = await mkdtemp(path.join(tmpdir(), 'compose-report-chromium-'));
  try {
    const result = await runTool(
      ['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--hide-scrollbars', `--user-data-dir=${profile}`, ...args],
      { signal: AbortSignal.timeout(90_000), processGroup: true },
    );
    return result.stdout;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

export async function takeScreenshot(htmlFile: string, pngFile: string, width: number, height: number): Promise<void> {
  await runChromium([`--screenshot=${pngFile}`, `--window-size=${width},${height}`, pathToFileURL(htmlFile).href]);
}

/** The DOM after parsing, serialized by the browser. */
export async function dumpDom(htmlFile: string): Promise<string> {
  return runChromium(['--dump-dom', pathToFileURL(htmlFile).href]);
}
