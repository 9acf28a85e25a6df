// The top of the report: which compose, how it ended, when, and how long it took.
import { formatDuration, formatTimestamp, parseTime } from './format.js';
import { html, type Html } from './html.js';
import type { ReportInputs } from './read-inputs.js';

const KNOWN_STATUSES = ['STARTED', 'FINISHED', 'FINISHED_INCOMPLETE', 'DOOMED', 'TERMINATED'];

export function renderHeader(inputs: ReportInputs, asOf: number): Html {
  const status = inputs.status ?? 'UNKNOWN';
  const statusClass = KNOWN_STATUSES.includes(status) ? status.toLowerCase() : 'unknown';
  const started = inputs.phases?.started || undefined;
  const finished = inputs.phases?.finished;
  const facts: [string, Html | string | undefined][] = [
    ['release', [inputs.info.releaseName, inputs.info.releaseVersion].filter(Boolean).join(' ') || undefined],
    ['label', inputs.info.label ?? 'none'],
    ['compose type', inputs.info.type],
    ['date / respin', inputs.info.date ? `${inputs.info.date}.${inputs.info.respin ?? '?'}` : undefined],
    ['started', started ? formatTimestamp(started) : undefined],
    ['finished', finished ? formatTimestamp(finished) : started ? 'not recorded' : undefined],
    ['wall time', describeWallTime(started, finished, status, asOf)],
  ];
  return html`<header class="summary">
<h1><span class="compose-id">${inputs.composeId ?? 'unknown compose'}</span> <span class="status status-${statusClass}" data-status="${status}">${status}</span></h1>
<dl class="facts">${facts.filter(([, value]) => value !== undefined && value !== '').map(([name, value]) => html`<div><dt>${name}</dt><dd>${value}</dd></div>`)}</dl>
${renderTotals(inputs)}
</header>`;
}

function describeWallTime(started: string | undefined, finished: string | undefined, status: string, asOf: number): Html | undefined {
  const start = parseTime(started);
  if (start === undefined) return undefined;
  const end = parseTime(finished);
  if (end !== undefined) return html`<strong class="wall-time">${formatDuration(end - start)}</strong>`;
  const running = status === 'STARTED' ? 'still running' : 'no end recorded';
  return html`<strong class="wall-time">at least ${formatDuration(Math.max(asOf - start, 0))}</strong> <span class="muted">(${running} when this report was written)</span>`;
}

function renderTotals(inputs: ReportInputs): Html | null {
  const phases = inputs.phases?.phases ?? [];
  const deliverables = inputs.phases?.deliverables ?? [];
  if (phases.length === 0 && deliverables.length === 0) return null;
  const phaseCounts = countStatuses(phases.map((phase) => phase.status));
  const deliverableCounts = countStatuses(deliverables.map((deliverable) => deliverable.status));
  const chips = (counts: Record<string, number>) =>
    Object.entries(counts).map(([status, count]) => html`<span class="chip status-${status}">${count} ${status}</span>`);
  return html`<p class="totals"><span class="totals-name">phases</span> ${chips(phaseCounts)}${deliverables.length ? html` <span class="totals-name">deliverables</span> ${chips(deliverableCounts)}` : null}</p>`;
}

function countStatuses(statuses: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
