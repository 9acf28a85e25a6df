import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '@compose/errors';
import { readRpmHeader } from '@compose/rpm-header';
import { fixtureRpm } from './helpers/fixtures.js';

const SOURCE = fixtureRpm('dummy-atlas-3.8.4-7.src.rpm');

/** Awaits the read and returns the InputError it must fail with. */
async function expectInputError(file: string): Promise<InputError> {
  const error = await readRpmHeader(file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `${file} should be rejected`).toBeInstanceOf(InputError);
  const inputError = error as InputError;
  expect(inputError.message).toContain(file);
  expect(inputError.location?.file).toBe(file);
  return inputError;
}

describe('readRpmHeader on bad input', () => {
  let work: string;
  const original = readFileSync(SOURCE);
  // dummy-atlas src: lead 96 bytes, signature header up to 4504, main header 4504-7401, payload after.
  const mainStart = 4504;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'rpm-header-errors-'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function writeVariant(name: string, bytes: Buffer): Promise<string> {
    const file = path.join(work, name);
    await writeFile(file, bytes);
    return file;
  }

  it.each([
    ['empty file', 0],
    ['inside the lead', 50],
    ['inside the signature intro', 100],
    ['inside the signature index', 200],
    ['inside the signature store', 2000],
    ['inside the main header intro', mainStart + 8],
    ['inside the main header store', 7000],
    ['inside the payload', 7600],
    ['one byte short', original.length - 1],
  ])('rejects a copy truncated %s', async (_label, length) => {
    const file = await writeVariant(`truncated-${length}.rpm`, original.subarray(0, length));
    const error = await expectInputError(file);
    expect(error.code).toBe('RPM_TRUNCATED');
    expect(error.message).toMatch(/file is truncated/);
  });

  it('rejects a file of random bytes as not an RPM', async () => {
    const file = await writeVariant('random.rpm', randomBytes(9000));
    const error = await expectInputError(file);
    expect(error.code).toBe('RPM_BAD_LEAD');
    expect(error.message).toMatch(/not an RPM package.*edabeedb/);
  });

  it('rejects a short file that is not an RPM as not an RPM rather than truncated', async () => {
    const error = await expectInputError(await writeVariant('short.txt', Buffer.from('hello\n')));
    expect(error.code).toBe('RPM_BAD_LEAD');
  });

  it('rejects a bad signature header magic', async () => {
    const bytes = Buffer.from(original);
    bytes[96] = 0x00;
    const error = await expectInputError(await writeVariant('bad-sig-magic.rpm', bytes));
    expect(error.code).toBe('RPM_BAD_HEADER');
    expect(error.message).toMatch(/signature header does not start with the header magic 8e ad e8/);
  });

  it('rejects a bad main header magic', async () => {
    const bytes = Buffer.from(original);
    bytes.write('junk', mainStart, 'latin1');
    const error = await expectInputError(await writeVariant('bad-main-magic.rpm', bytes));
    expect(error.code).toBe('RPM_BAD_HEADER');
    expect(error.message).toMatch(/main header does not start with the header magic/);
  });

  it('rejects a header index entry pointing outside the data store', async () => {
    const bytes = Buffer.from(original);
    // Third index entry of the main header: its offset field sits 8 bytes into the entry.
    bytes.writeUInt32BE(0x7fff0000, mainStart + 16 + 2 * 16 + 8);
    const error = await expectInputError(await writeVariant('bad-index.rpm', bytes));
    expect(error.code).toBe('RPM_BAD_HEADER');
    expect(error.message).toMatch(/main header entry 2 .* outside its \d+-byte data store/);
  });

  it('rejects an absurd header entry count', async () => {
    const bytes = Buffer.from(original);
    bytes.writeUInt32BE(0x01000000, mainStart + 8);
    const error = await expectInputError(await writeVariant('bad-count.rpm', bytes));
    expect(error.code).toBe('RPM_BAD_HEADER');
    expect(error.message).toMatch(/outside rpm's limits/);
  });

  it('rejects a missing file', async () => {
    const error = await expectInputError(path.join(work, 'does-not-exist.rpm'));
    expect(error.code).toBe('RPM_UNREADABLE');
    expect(error.message).toMatch(/no such file/);
  });
});
