import { execa } from 'execa';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DUMMY_REFERENCE, prepareDummyCompose, toolBin } from '@compose/testkit';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runChecksumCli(args: string[], input?: string): Promise<CliResult> {
  const r = await execa('node', [toolBin('compose-checksum'), ...args], { reject: false, input, env: { NO_COLOR: '1' } });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export const REFERENCE_ID = 'DP-1.0-20261122.t.0';

export async function readJson(file: string): Promise<any> {
  return JSON.parse(await readFile(file, 'utf8'));
}

/**
 * A compose of the dummy product (init only) holding the reference's images: images.json is
 * the reference's with our compose ID and no checksums, and each image is a file of random
 * bytes of the reference's size, so names and sizes in the checksum files match Pungi's.
 */
export async function stageReferenceImages(overrides = ''): Promise<{ composeDir: string; composeId: string; configDir: string }> {
  const { composeDir, configDir } = await prepareDummyCompose([], overrides);
  const composeId = (await readFile(path.join(composeDir, 'COMPOSE_ID'), 'utf8')).trim();
  const reference = await readJson(path.join(DUMMY_REFERENCE, 'compose/metadata/images.json'));
  const text = JSON.stringify(reference).replaceAll(REFERENCE_ID, composeId);
  const document = JSON.parse(text);
  document.payload.compose = { ...document.payload.compose, id: composeId, date: composeId.split('-').at(-1)!.slice(0, 8) };
  const written = new Set<string>();
  for (const arches of Object.values<any>(document.payload.images)) {
    for (const list of Object.values<any[]>(arches)) {
      for (const image of list) {
        image.checksums = {};
        if (written.has(image.path)) continue;
        written.add(image.path);
        const file = path.join(composeDir, 'compose', image.path);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, randomBytes(image.size));
      }
    }
  }
  await writeFile(path.join(composeDir, 'compose/metadata/images.json'), JSON.stringify(document, null, 4));
  return { composeDir, composeId, configDir };
}

/** Digest computed here with node:crypto, independently of libs/checksum. */
export async function digestOf(file: string, algorithm: string): Promise<string> {
  return createHash(algorithm).update(await readFile(file)).digest('hex');
}

/** Every file under dir whose name matches, relative to dir, sorted. */
export async function listFiles(dir: string, pattern: RegExp): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && pattern.test(entry.name)) found.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return found.sort();
}

/** Removes the temporary config dir (the compose lives inside it). */
export async function removeStaged(configDir: string): Promise<void> {
  await rm(configDir, { recursive: true, force: true });
}
