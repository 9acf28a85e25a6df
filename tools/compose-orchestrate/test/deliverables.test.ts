import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PhaseDeliverable } from '@compose/contracts';
import { buildDeliverablesLog, collectDeliverables, formatDeliverablesLog } from '../src/compose/deliverables.js';
import { decideStatus } from '../src/compose/finish-compose.js';
import { reference } from './cli-helpers.js';

const iso = (variant: string, arch: string, fields: Partial<PhaseDeliverable> = {}): PhaseDeliverable => ({ kind: 'iso', variant, arch, subvariant: null, status: 'done', failable: false, ...fields });

describe('deliverables.json', () => {
  it('has the reference layout: required/failed/attempted, kind -> [variant, arch, subvariant]', async () => {
    const expected = JSON.parse(await readFile(path.join(reference, 'logs-global-deliverables.json'), 'utf8')) as { required: Record<string, unknown[][]> };
    // Rebuild the reference from deliverables as the tools list them: same text, byte for byte.
    const deliverables = Object.entries(expected.required).flatMap(([kind, keys]) =>
      keys.map(([variant, arch, subvariant]) => ({ kind, variant: String(variant), arch: String(arch), subvariant: (subvariant as string | null) ?? null, status: 'done' as const, failable: false })),
    );
    const text = formatDeliverablesLog(buildDeliverablesLog(deliverables));
    expect(text).toBe(await readFile(path.join(reference, 'logs-global-deliverables.json'), 'utf8'));
  });

  it('puts failable deliverables under attempted and failed ones also under failed', () => {
    const log = buildDeliverablesLog([
      iso('Server', 'x86_64'),
      iso('Client', 'i386', { failable: true, status: 'failed' }),
      iso('Client', 'src', { status: 'skipped' }),
      { ...iso('Server', 'x86_64'), kind: 'ostree', subvariant: 'Server' },
    ]);
    expect(log).toEqual({
      required: { iso: [['Server', 'x86_64', null]], ostree: [['Server', 'x86_64', 'Server']] },
      attempted: { iso: [['Client', 'i386', null]] },
      failed: { iso: [['Client', 'i386', null]] },
    });
  });

  it('reads the deliverables every tool manifest in work/global lists', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'deliverables-'));
    await mkdir(path.join(dir, 'work/global'), { recursive: true });
    const envelope = (type: string, payload: unknown) => JSON.stringify({ header: { type, version: '1.0' }, payload });
    await writeFile(path.join(dir, 'work/global/createiso.json'), envelope('compose.createiso', { deliverables: [iso('Server', 'x86_64')] }));
    await writeFile(path.join(dir, 'work/global/ostree.json'), envelope('compose.ostree', { deliverables: [{ ...iso('Server', 'x86_64'), kind: 'ostree' }, { bogus: true }] }));
    await writeFile(path.join(dir, 'work/global/pkgset.json'), envelope('compose.pkgset', { packages: [] }));
    expect((await collectDeliverables(dir)).map((d) => d.kind)).toEqual(['iso', 'ostree']);
  });
});

describe('decideStatus', () => {
  const done = new Map([['pkgset', 'done' as const]]);
  it('follows Pungi: TERMINATED, DOOMED, FINISHED_INCOMPLETE, FINISHED', () => {
    expect(decideStatus(true, done, [])).toBe('TERMINATED');
    expect(decideStatus(false, new Map([['createiso', 'failed' as const]]), [])).toBe('DOOMED');
    expect(decideStatus(false, done, [iso('Server', 'x86_64', { status: 'failed' })])).toBe('DOOMED');
    expect(decideStatus(false, done, [iso('Server', 'x86_64', { status: 'failed', failable: true })])).toBe('FINISHED_INCOMPLETE');
    expect(decideStatus(false, done, [iso('Server', 'x86_64')])).toBe('FINISHED');
  });
});
