// Assembles the one-file report from what the compose produced.
import { formatTimestamp } from './format.js';
import { renderFailures } from './failures.js';
import { renderHeader } from './header.js';
import { html, type Html } from './html.js';
import { renderImages } from './images-table.js';
import { renderPackageCounts } from './package-counts.js';
import { renderPhaseTable } from './phase-table.js';
import type { ReportInputs } from './read-inputs.js';
import { renderStyles } from './styles.js';
import { renderTimeMap } from './time-map.js';

export interface RenderOptions {
  /** The moment the report describes (running phases end here); defaults to now. */
  asOf?: Date;
}

export function renderComposeReport(inputs: ReportInputs, options: RenderOptions = {}): string {
  const asOf = (options.asOf ?? new Date()).getTime();
  const title = `${inputs.composeId ?? 'compose'} ${inputs.status ?? ''}`.trim();
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="compose-report">
<title>${title}</title>
${renderStyles()}
</head>
<body>
${renderHeader(inputs, asOf)}
${renderNotices(inputs.notices)}
<section id="failures"><h2>Failures</h2>
${renderFailures(inputs.phases, inputs.deliverables)}
</section>
<section id="time-map"><h2>Time map</h2>
${inputs.phases ? renderTimeMap(inputs.phases, asOf) : html`<p class="empty">No phases.json: no timing to show.</p>`}
<p class="legend"><span class="l-phase">phase</span><span class="l-deliverable">deliverable</span><span class="l-failed">failed</span><span class="l-skipped">skipped</span><span class="l-running">running / no end</span><span class="l-terminated">terminated</span> — hover a bar for exact times</p>
</section>
<section id="packages"><h2>Packages per variant.arch</h2>
${renderPackageCounts(inputs.rpms)}
</section>
<section id="images"><h2>Images</h2>
${renderImages(inputs.images)}
</section>
<section id="phases"><h2>Phases</h2>
${renderPhaseTable(inputs.phases)}
</section>
<footer>Written ${formatTimestamp(new Date(asOf).toISOString())} from ${inputs.composeDir}. Links are relative to logs/global/ of the compose.</footer>
</body>
</html>
`;
  return page.markup;
}

function renderNotices(notices: string[]): Html | null {
  if (notices.length === 0) return null;
  return html`<div class="notices"><strong>Not everything is there yet:</strong><ul>${notices.map((notice) => html`<li>${notice}</li>`)}</ul></div>`;
}
