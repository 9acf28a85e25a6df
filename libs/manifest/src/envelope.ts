import { readFile } from 'node:fs/promises';
import { InputError } from '@compose/errors';
import { writeJsonAtomic } from './atomic-write.js';
import { checkSchema } from './schema-check.js';

/** Internal manifests: `{header: {type: "compose.<name>", version: "<major>.<minor>"}, payload}`. */
export interface Envelope<T> {
  header: { type: string; version: string };
  payload: T;
}

export interface ManifestKind {
  /** e.g. "compose.pkgset" */
  type: string;
  /** "<major>.<minor>" this code writes; readers accept any minor of the same major. */
  version: string;
  /** JSON Schema of the payload. */
  schema: object;
}

export function wrapManifest<T>(kind: ManifestKind, payload: T): Envelope<T> {
  return { header: { type: kind.type, version: kind.version }, payload };
}

export async function writeManifest<T>(file: string, kind: ManifestKind, payload: T): Promise<void> {
  await writeJsonAtomic(file, wrapManifest(kind, payload), { indent: 2 });
}

/** Reads a manifest from a file, or from stdin when `source` is '-'. */
export async function readManifest<T>(source: string, kind: ManifestKind): Promise<T> {
  const text = source === '-' ? await readStdin() : await readText(source, kind);
  return parseManifest<T>(text, source === '-' ? '<stdin>' : source, kind);
}

export function parseManifest<T>(text: string, file: string, kind: ManifestKind): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError('MANIFEST_NOT_JSON', `${file} is not JSON: ${(error as Error).message}`, {
      hint: `expected a ${kind.type} manifest written by compose`,
    });
  }
  const header = (data as Partial<Envelope<unknown>>)?.header;
  if (!header || typeof header.type !== 'string' || typeof header.version !== 'string') {
    throw new InputError('MANIFEST_NO_HEADER', `${file} has no manifest header {type, version}`, {
      hint: `expected a ${kind.type} manifest`,
    });
  }
  if (header.type !== kind.type) {
    throw new InputError('MANIFEST_WRONG_TYPE', `${file} is a ${header.type} manifest, expected ${kind.type}`, {
      hint: 'pass the manifest this tool reads',
    });
  }
  const [major] = header.version.split('.');
  const [wantMajor] = kind.version.split('.');
  if (major !== wantMajor) {
    throw new InputError('MANIFEST_VERSION', `${file} is ${kind.type} version ${header.version}; this tool reads ${wantMajor}.x`, {
      hint: 'regenerate it with the same compose version as this tool',
    });
  }
  const result = checkSchema<T>(kind.schema, (data as Envelope<unknown>).payload);
  if (!result.ok) {
    const first = result.problems.slice(0, 5).map((p) => `payload${p.message}`).join('; ');
    throw new InputError('MANIFEST_INVALID', `${file} does not match the ${kind.type} schema: ${first}`);
  }
  return result.value;
}

async function readText(file: string, kind: ManifestKind): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError('MANIFEST_UNREADABLE', `cannot read ${kind.type} manifest ${file}: ${code ?? (error as Error).message}`, {
      hint: code === 'ENOENT' ? 'run the phase that writes it first, or pass --input' : undefined,
    });
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
