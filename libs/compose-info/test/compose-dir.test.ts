import { mkdir, mkdtemp, readFile, readlink, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countRespin,
  createComposeDir,
  getLatestLinkName,
  readStatus,
  updateLatestLink,
} from '@compose/compose-info';
import { InputError } from '@compose/errors';

let target: string;
beforeEach(async () => {
  target = await mkdtemp(path.join(tmpdir(), 'compose-info-'));
});
afterEach(async () => {
  await rm(target, { recursive: true, force: true });
});

const IDENTITY = { release: { short: 'DP', version: '1.0' }, date: '20261122', type: 'test' as const };

describe('countRespin', () => {
  it('is 0 for a missing or empty target dir', async () => {
    expect(await countRespin(path.join(target, 'missing'), 'DP-1.0', '20261122')).toBe(0);
    expect(await countRespin(target, 'DP-1.0', '20261122')).toBe(0);
  });

  it('is one more than the highest respin of the same prefix and date', async () => {
    for (const name of ['DP-1.0-20261122.t.0', 'DP-1.0-20261122.t.4', 'DP-1.0-20261122.1', 'DP-1.0-20261121.t.9', 'DP-2.0-20261122.t.7', 'latest-DP-1']) {
      await mkdir(path.join(target, name));
    }
    expect(await countRespin(target, 'DP-1.0', '20261122')).toBe(5);
    expect(await countRespin(target, 'DP-1.0', '20261122', { type: 'test' })).toBe(5);
    expect(await countRespin(target, 'DP-1.0', '20261122', { type: 'production' })).toBe(2);
    expect(await countRespin(target, 'DP-1.0', '20261122', { type: 'nightly' })).toBe(0);
    expect(await countRespin(target, 'DP-1.0', '20261121')).toBe(10);
  });
});

describe('createComposeDir', () => {
  it('creates the compose skeleton with COMPOSE_ID and STATUS STARTED', async () => {
    const created = await createComposeDir(target, IDENTITY);
    expect(created.composeId).toBe('DP-1.0-20261122.t.0');
    expect(created.composeDir).toBe(path.join(target, 'DP-1.0-20261122.t.0'));
    expect(await readFile(path.join(created.composeDir, 'COMPOSE_ID'), 'utf8')).toBe('DP-1.0-20261122.t.0');
    expect(await readFile(path.join(created.composeDir, 'STATUS'), 'utf8')).toBe('STARTED\n');
    expect(await readStatus(created.composeDir)).toBe('STARTED');
    expect((await readdir(created.composeDir)).sort()).toEqual(['COMPOSE_ID', 'STATUS', 'compose', 'logs', 'work']);
    expect(await readdir(path.join(created.composeDir, 'work'))).toEqual(['global']);
    expect(await readdir(path.join(created.composeDir, 'logs'))).toEqual(['global']);
  });

  it('counts respins up per date and type', async () => {
    expect((await createComposeDir(target, IDENTITY)).respin).toBe(0);
    expect((await createComposeDir(target, IDENTITY)).composeId).toBe('DP-1.0-20261122.t.1');
    expect((await createComposeDir(target, { ...IDENTITY, type: 'production' })).composeId).toBe('DP-1.0-20261122.0');
    expect((await createComposeDir(target, { ...IDENTITY, date: '20261123' })).composeId).toBe('DP-1.0-20261123.t.0');
  });

  it('skips a taken respin when one is asked for', async () => {
    await mkdir(path.join(target, 'DP-1.0-20261122.t.3'));
    expect((await createComposeDir(target, { ...IDENTITY, respin: 3 })).composeId).toBe('DP-1.0-20261122.t.4');
  });

  it('never gives two concurrent inits the same compose ID', async () => {
    const created = await Promise.all(Array.from({ length: 12 }, () => createComposeDir(target, IDENTITY)));
    const ids = created.map((c) => c.composeId);
    expect(new Set(ids).size).toBe(12);
    expect(created.map((c) => c.respin).sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
  });

  it('rejects an invalid label before creating anything', async () => {
    await expect(createComposeDir(target, { ...IDENTITY, label: 'Beta' })).rejects.toThrow(InputError);
    expect(await readdir(target)).toEqual([]);
  });
});

describe('latest link', () => {
  it('names the link by release short and major version', () => {
    expect(getLatestLinkName({ release: { short: 'DP', version: '1.0' } })).toBe('latest-DP-1');
    expect(getLatestLinkName({ release: { short: 'DP', version: '8.2.1' } })).toBe('latest-DP-8.2');
    expect(getLatestLinkName({ release: { short: 'F', version: '39' } })).toBe('latest-F-39');
    expect(getLatestLinkName({ release: { short: 'DP', version: '1.0' }, components: 0 })).toBe('latest-DP');
    expect(getLatestLinkName({ release: { short: 'DP', version: '1.0' }, components: 2 })).toBe('latest-DP-1.0');
    expect(getLatestLinkName({ release: { short: 'Gluster', version: '2.3' }, baseProduct: { short: 'RHEL', version: '7' } }))
      .toBe('latest-Gluster-2-RHEL-7');
  });

  it('creates and replaces a relative symlink without leaving temp files', async () => {
    await mkdir(path.join(target, 'DP-1.0-20261122.t.0'));
    await mkdir(path.join(target, 'DP-1.0-20261122.t.1'));
    const link = await updateLatestLink(target, 'latest-DP-1', 'DP-1.0-20261122.t.0');
    expect(await readlink(link)).toBe('DP-1.0-20261122.t.0');
    await updateLatestLink(target, 'latest-DP-1', 'DP-1.0-20261122.t.1');
    expect(await readlink(link)).toBe('DP-1.0-20261122.t.1');
    expect((await readdir(target)).sort()).toEqual(['DP-1.0-20261122.t.0', 'DP-1.0-20261122.t.1', 'latest-DP-1']);
  });

  it('replaces a link that points elsewhere', async () => {
    await symlink('/nowhere', path.join(target, 'latest-DP-1'));
    await writeFile(path.join(target, 'unrelated'), '');
    await updateLatestLink(target, 'latest-DP-1', 'DP-1.0-20261122.0');
    expect(await readlink(path.join(target, 'latest-DP-1'))).toBe('DP-1.0-20261122.0');
  });
});
