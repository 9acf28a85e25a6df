import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ManifestKind } from '@compose/manifest';
import { readPhaseInput, requireComposeDir, writePhaseOutput } from '../src/index.js';

const kind: ManifestKind = { type: 'compose.test', version: '1.0', schema: { type: 'object', required: ['n'] } };

describe('phase io', () => {
  it('reads from the compose dir by default and from --input when given', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'phase-io-'));
    await mkdir(path.join(dir, 'work/global'), { recursive: true });
    await writeFile(path.join(dir, 'COMPOSE_ID'), 'X-1-20260101.0');
    await writePhaseOutput(kind, { n: 1 }, { composeDir: dir }, 'work/global/test.json');
    expect(await readPhaseInput(kind, { composeDir: dir }, 'work/global/test.json')).toEqual({ n: 1 });
    const other = path.join(dir, 'other.json');
    await writePhaseOutput(kind, { n: 2 }, { output: other }, 'unused.json');
    expect(JSON.parse(await readFile(other, 'utf8'))).toEqual({ header: { type: 'compose.test', version: '1.0' }, payload: { n: 2 } });
    expect(await readPhaseInput(kind, { composeDir: dir, input: other }, 'work/global/test.json')).toEqual({ n: 2 });
    expect(requireComposeDir({ composeDir: dir }, 'compose-x')).toBe(dir);
  });

  it('explains a missing compose dir or input', async () => {
    expect(() => requireComposeDir({}, 'compose-x')).toThrow(/needs --compose-dir/);
    const dir = await mkdtemp(path.join(tmpdir(), 'phase-io-'));
    expect(() => requireComposeDir({ composeDir: dir }, 'compose-x')).toThrow(/not a compose directory/);
    await expect(readPhaseInput(kind, {}, 'x.json')).rejects.toThrow(/no compose.test manifest given/);
  });
});

describe('joinDashValues', () => {
  it('keeps "-" as the value of --input and --output', async () => {
    const { joinDashValues } = await import('../src/index.js');
    expect(joinDashValues(['--input', '-', '--output', '-', '--x', '-'])).toEqual(['--input=-', '--output=-', '--x', '-']);
  });
});
