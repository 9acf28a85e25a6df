// Every phase with its times, its command line (to rerun it by hand) and its log.
import type { PhaseRecord, PhasesManifest } from '@compose/contracts';
import { formatDuration, formatTimestamp, parseTime } from './format.js';
import { html, type Html } from './html.js';
import { linkFromReport } from './links.js';

export function renderPhaseTable(phases: PhasesManifest | undefined): Html {
  if (!phases || phases.phases.length === 0) return html`<p class="empty">No phases recorded.</p>`;
  const rows = phases.phases.map((phase) => renderPhaseRow(phase));
  return html`<table class="phases">
<thead><tr><th scope="col">phase</th><th scope="col">status</th><th scope="col">start</th><th scope="col">end</th><th scope="col" class="num">duration</th><th scope="col">command and log</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function renderPhaseRow(phase: PhaseRecord): Html {
  const duration = phaseDuration(phase);
  const details = [
    phase.command ? html`<code class="command">${phase.command}</code>` : null,
    phase.log ? html`<div class="log"><a href="${linkFromReport(phase.log)}">${phase.log}</a></div>` : null,
    phase.reason ? html`<div class="reason">${phase.reason}</div>` : null,
  ];
  return html`<tr class="status-${phase.status}" data-phase="${phase.name}"><th scope="row">${phase.name}</th><td><span class="badge status-${phase.status}">${phase.status}</span>${phase.exit_code !== undefined && phase.exit_code !== null && phase.exit_code !== 0 ? html` <span class="muted">exit ${phase.exit_code}</span>` : null}</td><td class="time">${formatTimestamp(phase.started)}</td><td class="time">${formatTimestamp(phase.finished)}</td><td class="num">${duration === undefined ? '' : formatDuration(duration)}</td><td class="details">${details}</td></tr>`;
}

function phaseDuration(phase: PhaseRecord): number | undefined {
  if (typeof phase.duration_ms === 'number') return phase.duration_ms;
  const start = parseTime(phase.started);
  const end = parseTime(phase.finished);
  return start !== undefined && end !== undefined ? end - start : undefined;
}
