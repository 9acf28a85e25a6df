import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeComposeReport } from '../src/index.js';
import { at, makeComposeDir, ranPhase, REFERENCE_ID } from './fixture-compose.js';
import { readTimeMapRows, section } from './report-html.js';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function fixture(options: Parameters<typeof makeComposeDir>[0]): Promise<string> {
  const dir = await makeComposeDir(options);
  made.push(path.dirname(dir));
  return dir;
}

describe('a compose that did not get far', () => {
  it('reports a DOOMED compose that has no phases.json, rpms.json or images.json', async () => {
    const dir = await fixture({ status: 'DOOMED', metadata: [], deliverablesJson: false });
    const page = await readFile(await writeComposeReport(dir), 'utf8');
    expect(page).toContain(`<span class="compose-id">${REFERENCE_ID}</span>`);
    expect(page).toContain('data-status="DOOMED">DOOMED<');
    expect(page).toContain('logs/global/phases.json does not exist');
    expect(page).toContain('compose/metadata/rpms.json does not exist');
    expect(page).toContain('compose/metadata/images.json does not exist');
    expect(section(page, 'images')).toContain('No images.json');
    expect(section(page, 'packages')).toContain('No rpms.json');
    expect(section(page, 'time-map')).toContain('No phases.json');
  });

  it('writes a report into a directory that has nothing at all', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'compose-report-empty-'));
    made.push(dir);
    const file = await writeComposeReport(dir);
    expect(file).toBe(path.join(dir, 'logs/global/report.html'));
    const page = await readFile(file, 'utf8');
    expect(page).toContain('unknown compose');
    expect(page).toContain('data-status="UNKNOWN"');
  });

  it('draws phases still running when the compose was killed up to the time of the report', async () => {
    const dir = await fixture({
      status: 'TERMINATED',
      phases: [ranPhase('pkgset', 0, 2), { name: 'gather', status: 'running', started: at(2) }, { name: 'createrepo', status: 'pending' }],
    });
    const page = await readFile(await writeComposeReport(dir, { asOf: new Date(at(10)) }), 'utf8');
    const rows = readTimeMapRows(page);
    const gather = rows.find((row) => row.name === 'gather')!;
    expect(gather.durationMs).toBe(8000);
    expect(gather.text).toContain('8.00 s+');
    expect(gather.text).toContain('no end recorded');
    const pkgset = rows.find((row) => row.name === 'pkgset')!;
    expect(gather.width! / pkgset.width!).toBeCloseTo(4, 2);
    expect(rows.find((row) => row.name === 'createrepo')!.width).toBeUndefined();
    expect(page).toContain('<strong class="wall-time">at least 10.0 s</strong>');
    expect(page).toContain('no end recorded when this report was written');
  });

  it('turns unreadable inputs into notices and still shows the rest', async () => {
    const dir = await fixture({ phases: [ranPhase('init', 0, 1)], finishedAt: 1, barePhases: true });
    await writeFile(path.join(dir, 'compose/metadata/rpms.json'), '{"header": ');
    const page = await readFile(await writeComposeReport(dir), 'utf8');
    expect(page).toMatch(/compose\/metadata\/rpms.json could not be read \(not JSON: [^)]*\); package counts are not shown/);
    expect(readTimeMapRows(page).map((row) => row.name)).toEqual(['init']);
    expect(section(page, 'images')).toContain('DP-1.0-20261122.t.0-Server-x86_64-dvd1.iso');
  });

  it('names failed deliverables that only deliverables.json knows about', async () => {
    const dir = await fixture({ phases: [ranPhase('createiso', 0, 3)], finishedAt: 3 });
    const deliverables = { required: {}, attempted: {}, failed: { iso: [['Client', 'i386', null]] } };
    await writeFile(path.join(dir, 'logs/global/deliverables.json'), JSON.stringify(deliverables));
    const failures = section(await readFile(await writeComposeReport(dir), 'utf8'), 'failures');
    expect(failures).toContain('<strong>iso Client.i386</strong>');
    expect(failures).toContain('No error text recorded.');
    expect(failures).toContain('<a href="createiso.global.log">');
  });
});

describe('timing the time map cannot draw', () => {
  it('ends phases left running in a dead compose at the compose end, not at the time of the report', async () => {
    const dir = await fixture({
      status: 'DOOMED',
      phases: [ranPhase('pkgset', 0, 2), { name: 'gather', status: 'running', started: at(2) }],
      finishedAt: 5,
    });
    const page = await readFile(await writeComposeReport(dir, { asOf: new Date(at(3600)) }), 'utf8');
    const gather = readTimeMapRows(page).find((row) => row.name === 'gather')!;
    expect(gather.durationMs).toBe(3000);
    expect(page).toContain('<strong class="wall-time">5.00 s</strong>');
  });

  it('sums up deliverables without times under the map instead of drawing empty rows', async () => {
    const dir = await fixture({
      phases: [ranPhase('createiso', 0, 3)],
      deliverables: [
        { kind: 'iso', variant: 'Server', arch: 'x86_64', subvariant: null, status: 'done', failable: false },
        { kind: 'iso', variant: 'Client', arch: 'i386', subvariant: null, status: 'failed', failable: true, error: 'boom' },
      ],
      finishedAt: 3,
    });
    const page = await readFile(await writeComposeReport(dir), 'utf8');
    expect(readTimeMapRows(page).map((row) => row.name)).toEqual(['createiso']);
    expect(page).toContain('<details class="note untimed" data-count="2"><summary>2 deliverables without recorded start/end (1 done, 1 failed), not drawn</summary>iso Server.x86_64; iso Client.i386</details>');
    expect(section(page, 'failures')).toContain('<strong>iso Client.i386</strong>');
  });
});
