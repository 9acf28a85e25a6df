// The report in a real browser: what a release engineer sees when they open it from disk.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeComposeReport } from '../src/index.js';
import { dumpDom, takeScreenshot } from './chromium.js';
import { EVIL, makeEvilComposeDir } from './evil-compose.js';
import { madeDeliverable, makeComposeDir, ranPhase, REFERENCE_ID } from './fixture-compose.js';
import { countColours, decodePng } from './png.js';

// Fill colours of the stylesheet, as the browser paints them.
const PHASE_BLUE = '58,114,196';
const FAILED_RED = '198,40,40';
const DELIVERABLE_GREEN = '46,157,91';
const INCOMPLETE_ORANGE = '239,108,0';

const made: string[] = [];
let report: string;
// Screenshots are kept (test artifacts) in their own temp dir; the composes are removed.
let artifacts: string;

beforeAll(async () => {
  artifacts = await mkdtemp(path.join(tmpdir(), 'compose-report-screenshots-'));
  const dir = await makeComposeDir({
    status: 'FINISHED_INCOMPLETE',
    phases: [
      ranPhase('init', 0, 1),
      ranPhase('pkgset', 1, 4),
      ranPhase('gather', 4, 10),
      ranPhase('createrepo', 10, 14),
      ranPhase('createiso', 14, 30),
      { name: 'buildinstall', status: 'skipped', reason: '--skip-phase buildinstall' },
    ],
    deliverables: [
      madeDeliverable('iso', 'Server', 'x86_64', 14, 22),
      madeDeliverable('iso', 'Client', 'x86_64', 14, 20),
      madeDeliverable('extra_iso', 'Server', 's390x', 15, 29, { status: 'failed', failable: true, error: 'xorriso failed with exit code 5' }),
    ],
    finishedAt: 30,
  });
  made.push(path.dirname(dir));
  report = await writeComposeReport(dir);
});

afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

describe('the report in headless Chromium', () => {
  it('renders a full, coloured page at 1280x1600', async () => {
    const png = path.join(artifacts, 'report.png');
    await takeScreenshot(report, png, 1280, 1600);
    expect((await stat(png)).size).toBeGreaterThan(10_000);
    const image = decodePng(await readFile(png));
    expect([image.width, image.height]).toEqual([1280, 1600]);
    const colours = countColours(image);
    const white = colours.get('255,255,255') ?? 0;
    // Not blank: text and tables cover a good share of the page, in many shades (anti-aliased text).
    expect(white / (image.width * image.height)).toBeLessThan(0.92);
    expect(colours.size).toBeGreaterThan(200);
    // The time map is drawn: phase bars, deliverable bars and the failed deliverable's red bar.
    expect(colours.get(PHASE_BLUE) ?? 0).toBeGreaterThan(2000);
    expect(colours.get(DELIVERABLE_GREEN) ?? 0).toBeGreaterThan(500);
    expect(colours.get(FAILED_RED) ?? 0).toBeGreaterThan(500);
    // The status badge at the top carries the compose's status colour.
    expect(countColours(image, { top: 0, bottom: 80 }).get(INCOMPLETE_ORANGE) ?? 0).toBeGreaterThan(300);
  });

  it('parses into a DOM holding the compose ID, the time map and the tables', async () => {
    const dom = await dumpDom(report);
    expect(dom).toContain(`<span class="compose-id">${REFERENCE_ID}</span>`);
    expect(dom).toContain('<svg class="time-map"');
    expect(dom.match(/<g class="row phase /g)).toHaveLength(6);
    expect(dom).toContain('<tr data-variant-arch="Server.x86_64">');
    expect(dom).toContain('xorriso failed with exit code 5');
  });

  it('shows injected markup as text, creating no elements from it', async () => {
    const dir = await makeEvilComposeDir();
    made.push(path.dirname(dir));
    const file = await writeComposeReport(dir);
    const dom = await dumpDom(file);
    expect(dom).toMatch(/<title>DP-1.0-&lt;b id="evil-id"&gt;bold&lt;\/b&gt; DOOMED<\/title>/);
    expect(dom).not.toMatch(/<(script|img|iframe|b|u|i|em|s)[\s>]/i);
    expect(dom).not.toContain('id="evil-id"><');
    expect(dom).toContain('&lt;script&gt;document.title="pwned"&lt;/script&gt;');
    expect(dom).toContain(`<td>${EVIL.volumeId}</td>`);
    await takeScreenshot(file, path.join(artifacts, 'injection.png'), 1280, 900);
  });
});
