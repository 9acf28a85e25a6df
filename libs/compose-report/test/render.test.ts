import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeComposeReport } from '../src/index.js';
import { makeComposeDir, madeDeliverable, ranPhase, REFERENCE, REFERENCE_ID } from './fixture-compose.js';
import { readPackageCounts, readTimeMapRows, section } from './report-html.js';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(path.dirname(dir), { recursive: true, force: true });
});

async function renderFixture(options: Parameters<typeof makeComposeDir>[0]): Promise<{ dir: string; file: string; page: string }> {
  const dir = await makeComposeDir(options);
  made.push(dir);
  const file = await writeComposeReport(dir);
  return { dir, file, page: await readFile(file, 'utf8') };
}

const PHASES = [
  ranPhase('init', 0, 0.5),
  ranPhase('pkgset', 0.5, 3),
  ranPhase('gather', 3, 9),
  ranPhase('createrepo', 9, 12),
  ranPhase('createiso', 12, 30, { status: 'done' }),
  ranPhase('checksum', 30, 31),
  { name: 'buildinstall', status: 'skipped' as const, reason: '--skip-phase buildinstall' },
];
const DELIVERABLES = [
  madeDeliverable('iso', 'Server', 'x86_64', 12, 20, { output: 'compose/Server/x86_64/iso/a.iso' }),
  madeDeliverable('iso', 'Client', 'i386', 12, 16),
  madeDeliverable('extra_iso', 'Server', 's390x', 14, 29, {
    status: 'failed',
    failable: true,
    error: 'xorriso failed with exit code 5: Server.s390x volume ID too long',
  }),
];

describe('writeComposeReport', () => {
  it('writes logs/global/report.html with the compose ID, status, label and wall time', async () => {
    const { dir, file, page } = await renderFixture({ phases: PHASES, deliverables: DELIVERABLES, finishedAt: 31.5, status: 'FINISHED_INCOMPLETE' });
    expect(file).toBe(path.join(dir, 'logs/global/report.html'));
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain(`<span class="compose-id">${REFERENCE_ID}</span>`);
    expect(page).toMatch(/class="status status-finished_incomplete" data-status="FINISHED_INCOMPLETE">FINISHED_INCOMPLETE</);
    expect(page).toContain('<strong class="wall-time">31.5 s</strong>');
    expect(page).toContain('Dummy Product 1.0');
    expect(page).toContain('2026-11-22 10:00:00 UTC');
  });

  it('draws each phase in the time map with a width proportional to its duration, at its start', async () => {
    const { page } = await renderFixture({ phases: PHASES, deliverables: DELIVERABLES, finishedAt: 31.5 });
    const rows = readTimeMapRows(page);
    const phases = rows.filter((row) => row.kind === 'phase');
    expect(phases.map((row) => row.name)).toEqual(PHASES.map((phase) => phase.name));
    const drawn = phases.filter((row) => row.width !== undefined);
    expect(drawn).toHaveLength(6);
    // Scale from the longest bar, where rounding to 0.01 px matters least.
    const longest = drawn.reduce((a, b) => (b.durationMs! > a.durationMs! ? b : a));
    const pxPerMs = longest.width! / longest.durationMs!;
    for (const row of drawn) {
      const phase = PHASES.find((candidate) => candidate.name === row.name)!;
      expect(row.durationMs).toBe(phase.duration_ms);
      expect(row.width!).toBeCloseTo(phase.duration_ms! * pxPerMs, 1);
    }
    // gather (6 s) is twice createrepo (3 s) and a third of createiso (18 s).
    const width = (name: string) => drawn.find((row) => row.name === name)!.width!;
    expect(width('gather') / width('createrepo')).toBeCloseTo(2, 2);
    expect(width('createiso') / width('gather')).toBeCloseTo(3, 2);
    // Bars follow each other: one phase starts where the previous one ended.
    const gather = drawn.find((row) => row.name === 'gather')!;
    const createrepo = drawn.find((row) => row.name === 'createrepo')!;
    expect(createrepo.x!).toBeCloseTo(gather.x! + gather.width!, 1);
    const skipped = phases.find((row) => row.name === 'buildinstall')!;
    expect(skipped.width).toBeUndefined();
    expect(skipped.status).toBe('skipped');
    expect(skipped.text).toContain('--skip-phase buildinstall');
  });

  it('draws deliverables too, failed ones marked failed with hover titles', async () => {
    const { page } = await renderFixture({ phases: PHASES, deliverables: DELIVERABLES, finishedAt: 31.5 });
    const deliverables = readTimeMapRows(page).filter((row) => row.kind === 'deliverable');
    expect(deliverables.map((row) => `${row.name}:${row.status}`).sort()).toEqual([
      'extra_iso Server.s390x:failed',
      'iso Client.i386:done',
      'iso Server.x86_64:done',
    ]);
    const failed = deliverables.find((row) => row.status === 'failed')!;
    expect(failed.durationMs).toBe(15_000);
    expect(failed.text).toContain('start 2026-11-22 10:00:14 UTC');
    expect(failed.text).toContain('15.0 s');
  });

  it('counts packages per variant.arch exactly as rpms.json lists them', async () => {
    const { page } = await renderFixture({ phases: PHASES });
    const counts = readPackageCounts(page);
    // Classify the reference's entries by their paths, independently of the category field.
    const rpms = JSON.parse(await readFile(path.join(REFERENCE, 'compose/metadata/rpms.json'), 'utf8')).payload.rpms;
    let variantArches = 0;
    for (const [variant, arches] of Object.entries<Record<string, Record<string, Record<string, { path: string }>>>>(rpms)) {
      for (const [arch, bySrpm] of Object.entries(arches)) {
        variantArches += 1;
        const expected = { binary: 0, debug: 0, source: 0 };
        for (const entries of Object.values(bySrpm)) {
          for (const entry of Object.values(entries)) {
            if (entry.path.endsWith('.src.rpm')) expected.source += 1;
            else if (entry.path.includes('/debug/')) expected.debug += 1;
            else expected.binary += 1;
          }
        }
        expect(counts.get(`${variant}.${arch}`), `${variant}.${arch}`).toEqual(expected);
      }
    }
    expect(counts.size).toBe(variantArches);
    expect(counts.get('Server.x86_64')).toEqual({ binary: 11, debug: 8, source: 6 });
    expect(section(page, 'packages')).toMatch(/all entries<\/th><td class="num">123<\/td><td class="num">78<\/td><td class="num">66<\/td><td class="num total">267</);
  });

  it('lists every image once with a human size, bootable flag, volume ID and checksum presence', async () => {
    const { page } = await renderFixture({ phases: PHASES });
    const images = section(page, 'images');
    const data = JSON.parse(await readFile(path.join(REFERENCE, 'compose/metadata/images.json'), 'utf8')).payload.images;
    const paths = new Set<string>();
    for (const arches of Object.values<Record<string, { path: string }[]>>(data)) {
      for (const list of Object.values(arches)) for (const image of list) paths.add(image.path);
    }
    const rows = images.match(/<tr><td>/g) ?? [];
    expect(rows).toHaveLength(paths.size);
    for (const imagePath of paths) expect(images).toContain(`href="../../compose/${imagePath}"`);
    expect(images).toContain('<td class="num" title="475136 bytes" data-bytes="475136">464 KiB</td>');
    expect(images).toContain('DP-1.0 Server.s390x');
    expect(images).toContain('md5, sha1, sha256');
    expect(images).not.toContain('>none<');
    expect(images).toContain(`${paths.size} images`);
  });

  it('lists failed deliverables with their error text and a relative link to the log', async () => {
    const phases = [...PHASES.slice(0, 4), ranPhase('createiso', 12, 30, { log: 'logs/global/createiso.global.log' })];
    const { page } = await renderFixture({ phases, deliverables: DELIVERABLES, finishedAt: 31.5 });
    const failures = section(page, 'failures');
    expect(failures).toContain('<strong>extra_iso Server.s390x</strong>');
    expect(failures).toContain('xorriso failed with exit code 5: Server.s390x volume ID too long');
    expect(failures).toContain('<a href="createiso.global.log">logs/global/createiso.global.log</a>');
    expect(failures).toContain('failable');
    expect(failures).not.toContain('iso Server.x86_64');
  });

  it('links phase logs relative to logs/global and shows the commands', async () => {
    const phases = [ranPhase('gather', 0, 1, { log: 'logs/x86_64/gather Server.x86_64.log' })];
    const { page } = await renderFixture({ phases, finishedAt: 1 });
    const table = section(page, 'phases');
    expect(table).toContain('<a href="../x86_64/gather%20Server.x86_64.log">logs/x86_64/gather Server.x86_64.log</a>');
    expect(table).toContain(`<code class="command">compose-gather --compose-dir /srv/composes/${REFERENCE_ID}</code>`);
  });

  it('says nothing failed when nothing did', async () => {
    const { page } = await renderFixture({ phases: PHASES, deliverables: DELIVERABLES.slice(0, 2), finishedAt: 31.5 });
    expect(section(page, 'failures')).toContain('Nothing failed.');
  });

  it('is self-contained: no scripts, no external URLs, no external fonts', async () => {
    const { page } = await renderFixture({ phases: PHASES, deliverables: DELIVERABLES, finishedAt: 31.5 });
    expect(page).not.toMatch(/<script|<link|@import|url\((?!#)/i);
    expect(page.match(/(?:src|href)="[a-z]+:/gi) ?? []).toEqual([]);
    expect(page.match(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/g) ?? []).toEqual([]);
  });
});
