import { readFile } from 'node:fs/promises';
import { getMetadataPath } from '@compose/compose-info';
import { InputError } from '@compose/errors';

export interface RpmsEntry {
  category: 'binary' | 'debug' | 'source';
  path: string;
  sigkey: string | null;
}

/** The payload of compose/metadata/rpms.json: variant -> arch -> srpm NEVRA -> rpm NEVRA -> entry. */
export interface RpmsMetadata {
  compose: { id: string; date: string; respin: number; type: string };
  rpms: Record<string, Record<string, Record<string, Record<string, RpmsEntry>>>>;
}

/** Reads the gather phase's public rpms.json (productmd 1.x), which says what each tree holds. */
export async function readRpmsMetadata(composeDir: string): Promise<RpmsMetadata> {
  const file = getMetadataPath(composeDir, 'rpms.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError('NO_RPMS_JSON', `${file} does not exist`, { hint: 'run compose-gather on this compose first' });
  }
  let parsed: { header?: { type?: string; version?: string }; payload?: RpmsMetadata };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    throw new InputError('BAD_RPMS_JSON', `${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (parsed.header?.type !== 'productmd.rpms' || !parsed.header.version?.startsWith('1.') || !parsed.payload?.rpms) {
    throw new InputError('BAD_RPMS_JSON', `${file} is not productmd.rpms 1.x metadata (found ${parsed.header?.type ?? 'no type'} ${parsed.header?.version ?? ''})`);
  }
  return parsed.payload;
}
