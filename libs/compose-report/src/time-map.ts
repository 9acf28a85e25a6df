// The time map: a Gantt chart of phases and deliverables as inline SVG, so it needs no script,
// scales with the window (viewBox) and prints. Hover titles carry the exact times.
import type { PhaseDeliverable, PhaseRecord, PhasesManifest } from '@compose/contracts';
import { formatDuration, formatOffset, formatTimestamp, parseTime } from './format.js';
import { html, type Html } from './html.js';

export interface TimeMapRow {
  kind: 'phase' | 'deliverable';
  name: string;
  status: string;
  start?: number;
  /** End time; for rows still running it is the time the report was made. */
  end?: number;
  /** True when the end is not recorded (still running, or killed without an end). */
  open: boolean;
  note?: string;
}

const WIDTH = 1000;
const LABEL_WIDTH = 240;
const DURATION_WIDTH = 90;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - DURATION_WIDTH - 10;
// Deliverables are many (one per ISO); thinner rows keep the map on one laptop screen.
const ROW_HEIGHT = { phase: 22, deliverable: 18 } as const;
const BAR_HEIGHT = { phase: 14, deliverable: 11 } as const;
const AXIS_HEIGHT = 26;
const SECTION_HEIGHT = 22;
const NICE_STEPS_MS = [100, 200, 500, 1e3, 2e3, 5e3, 10e3, 15e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3, 3600e3, 7200e3];

export function collectTimeMapRows(manifest: PhasesManifest, asOf: number): TimeMapRow[] {
  // A row without an end ran until the compose ended, or is still running now.
  const openEnd = parseTime(manifest.finished) ?? asOf;
  const phases = manifest.phases.map((phase) => phaseRow(phase, openEnd));
  // Deliverables without times would be rows without bars; they are summed up under the map.
  const deliverables = manifest.deliverables
    .filter((deliverable) => parseTime(deliverable.started) !== undefined)
    .map((deliverable) => deliverableRow(deliverable, openEnd))
    .sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || a.name.localeCompare(b.name));
  return [...phases, ...deliverables];
}

export function renderTimeMap(manifest: PhasesManifest, asOf: number): Html {
  return html`${drawTimeMap(manifest, asOf)}${describeUntimed(manifest.deliverables)}`;
}

function drawTimeMap(manifest: PhasesManifest, asOf: number): Html {
  const rows = collectTimeMapRows(manifest, asOf);
  if (rows.length === 0) return html`<p class="empty">No phases recorded.</p>`;
  const origin = Math.min(...rows.map((row) => row.start ?? Infinity), parseTime(manifest.started) ?? Infinity);
  const last = Math.max(...rows.map((row) => row.end ?? -Infinity), parseTime(manifest.finished) ?? -Infinity);
  if (!Number.isFinite(origin)) return html`<p class="empty">No phase has started yet.</p>`;
  const span = Math.max(last - origin, 1);
  const scale = PLOT_WIDTH / span;

  let y = AXIS_HEIGHT;
  const parts: Html[] = [];
  let previousKind: string | undefined;
  for (const row of rows) {
    if (row.kind !== previousKind) {
      parts.push(html`<text class="section" x="4" y="${y + 15}">${row.kind === 'phase' ? 'Phases' : 'Deliverables'}</text>`);
      y += SECTION_HEIGHT;
      previousKind = row.kind;
    }
    parts.push(renderRow(row, y, origin, scale));
    y += ROW_HEIGHT[row.kind];
  }
  const height = y + 6;
  return html`<svg class="time-map" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="Time map of phases and deliverables" xmlns="http://www.w3.org/2000/svg" data-span-ms="${Math.round(span)}">
<defs><pattern id="running-stripes" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#f2b233"/><rect width="4" height="8" fill="#f7cf7a"/></pattern></defs>
${renderAxis(span, height)}
${parts}
</svg>`;
}

function describeUntimed(deliverables: PhaseDeliverable[]): Html | null {
  const untimed = deliverables.filter((deliverable) => parseTime(deliverable.started) === undefined);
  if (untimed.length === 0) return null;
  const byStatus = new Map<string, number>();
  for (const deliverable of untimed) byStatus.set(deliverable.status, (byStatus.get(deliverable.status) ?? 0) + 1);
  const counts = [...byStatus].map(([status, count]) => `${count} ${status}`).join(', ');
  return html`<details class="note untimed" data-count="${untimed.length}"><summary>${untimed.length} deliverable${untimed.length === 1 ? '' : 's'} without recorded start/end (${counts}), not drawn</summary>${untimed.map((deliverable) => describeDeliverable(deliverable)).join('; ')}</details>`;
}

function renderRow(row: TimeMapRow, y: number, origin: number, scale: number): Html {
  const label = row.name.length > 34 ? `${row.name.slice(0, 33)}…` : row.name;
  const title = describeRow(row);
  const rowHeight = ROW_HEIGHT[row.kind];
  const barHeight = BAR_HEIGHT[row.kind];
  const baseline = y + rowHeight / 2 + 4;
  const stripe = html`<rect class="stripe" x="0" y="${y}" width="${WIDTH}" height="${rowHeight}"/>`;
  const text = html`<text class="label" x="${LABEL_WIDTH - 8}" y="${baseline}" text-anchor="end">${label}</text>`;
  if (row.start === undefined || row.end === undefined) {
    return html`<g class="row ${row.kind} status-${row.status}" data-name="${row.name}" data-status="${row.status}"><title>${title}</title>${stripe}${text}<text class="no-bar" x="${LABEL_WIDTH + 4}" y="${baseline}">${row.status}${row.note ? ` — ${row.note}` : ''}</text></g>`;
  }
  const duration = row.end - row.start;
  const x = LABEL_WIDTH + (row.start - origin) * scale;
  const width = duration * scale;
  const barY = y + (rowHeight - barHeight) / 2;
  // A zero-length bar would be invisible; a tick marks where it happened without distorting widths.
  const tick = width < 2 ? html`<line class="tick" x1="${fixed(x)}" x2="${fixed(x)}" y1="${barY - 2}" y2="${barY + barHeight + 2}"/>` : null;
  return html`<g class="row ${row.kind} status-${row.status}${row.open ? ' open' : ''}" data-name="${row.name}" data-status="${row.status}"><title>${title}</title>${stripe}${text}<rect class="bar" x="${fixed(x)}" y="${barY}" width="${fixed(width)}" height="${barHeight}" rx="2" data-duration-ms="${Math.round(duration)}"/>${tick}<text class="duration" x="${WIDTH - 6}" y="${baseline}" text-anchor="end">${formatDuration(duration)}${row.open ? '+' : ''}</text></g>`;
}

function renderAxis(span: number, height: number): Html {
  const step = NICE_STEPS_MS.find((candidate) => span / candidate <= 10) ?? Math.ceil(span / 10 / 3600e3) * 3600e3;
  const ticks: Html[] = [];
  for (let offset = 0; offset <= span + 1e-6; offset += step) {
    const x = fixed(LABEL_WIDTH + (offset / span) * PLOT_WIDTH);
    ticks.push(html`<line class="grid" x1="${x}" x2="${x}" y1="${AXIS_HEIGHT - 4}" y2="${height - 4}"/><text class="axis" x="${x}" y="${AXIS_HEIGHT - 9}" text-anchor="middle">${formatOffset(offset)}</text>`);
  }
  return html`<g class="axis">${ticks}</g>`;
}

function phaseRow(phase: PhaseRecord, openEnd: number): TimeMapRow {
  const start = parseTime(phase.started);
  const recordedEnd = parseTime(phase.finished) ?? (start !== undefined && phase.duration_ms !== undefined ? start + phase.duration_ms : undefined);
  const open = start !== undefined && recordedEnd === undefined;
  return {
    kind: 'phase',
    name: phase.name,
    status: phase.status,
    start,
    end: open ? Math.max(openEnd, start ?? openEnd) : recordedEnd,
    open,
    note: phase.reason,
  };
}

function deliverableRow(deliverable: PhaseDeliverable, openEnd: number): TimeMapRow {
  const start = parseTime(deliverable.started);
  const end = parseTime(deliverable.finished);
  const open = start !== undefined && end === undefined;
  return {
    kind: 'deliverable',
    name: describeDeliverable(deliverable),
    status: deliverable.status,
    start,
    end: open ? Math.max(openEnd, start ?? openEnd) : end,
    open,
    note: deliverable.failable && deliverable.status === 'failed' ? 'failable' : undefined,
  };
}

export function describeDeliverable(deliverable: PhaseDeliverable): string {
  const subvariant = deliverable.subvariant && deliverable.subvariant !== deliverable.variant ? ` (${deliverable.subvariant})` : '';
  return `${deliverable.kind} ${deliverable.variant}.${deliverable.arch}${subvariant}`;
}

function describeRow(row: TimeMapRow): string {
  const lines = [`${row.kind} ${row.name}: ${row.status}${row.note ? ` (${row.note})` : ''}`];
  if (row.start !== undefined) lines.push(`start ${formatTimestamp(new Date(row.start).toISOString())}`);
  if (row.end !== undefined) {
    lines.push(row.open ? 'no end recorded' : `end   ${formatTimestamp(new Date(row.end).toISOString())}`);
    if (row.start !== undefined) lines.push(`${row.open ? 'at least ' : ''}${formatDuration(row.end - row.start)}`);
  }
  return lines.join('\n');
}

function fixed(value: number): string {
  return value.toFixed(2);
}
