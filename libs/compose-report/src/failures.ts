// Failed deliverables and phases, with the error and the log to open next.
import type { PhaseDeliverable, PhaseRecord, PhasesManifest } from '@compose/contracts';
import { html, type Html } from './html.js';
import { linkFromReport } from './links.js';
import type { DeliverablesJson } from './read-inputs.js';
import { describeDeliverable } from './time-map.js';

// Which phase makes which deliverables.json kind, for the log link when a deliverable names none.
const PHASE_OF_KIND: Record<string, string[]> = {
  iso: ['createiso'],
  extra_iso: ['extra_isos', 'createiso'],
  ostree: ['ostree'],
  ostree_installer: ['ostree_installer'],
  ostree_container: ['ostree_container'],
  image: ['image_build'],
  live: ['live_images'],
  live_media: ['live_media'],
  osbuild: ['osbuild'],
  kiwibuild: ['kiwibuild'],
  imagebuilder: ['imagebuilder'],
};

export interface FailedItem {
  what: string;
  failable: boolean;
  error?: string;
  log?: string;
}

export function listFailures(phases: PhasesManifest | undefined, deliverables: DeliverablesJson | undefined): FailedItem[] {
  const records = phases?.phases ?? [];
  const items: FailedItem[] = (phases?.deliverables ?? [])
    .filter((deliverable) => deliverable.status === 'failed')
    .map((deliverable) => ({
      what: describeDeliverable(deliverable),
      failable: deliverable.failable === true,
      error: deliverable.error,
      log: logOfDeliverable(deliverable, records),
    }));
  // deliverables.json alone (phases.json lost or older) still names what failed, without details.
  const known = new Set(items.map((item) => item.what));
  for (const [kind, entries] of Object.entries(deliverables?.failed ?? {})) {
    for (const [variant, arch, subvariant] of Array.isArray(entries) ? entries : []) {
      const what = describeDeliverable({ kind, variant, arch, subvariant, status: 'failed', failable: true });
      if (!known.has(what)) items.push({ what, failable: true, log: logOfPhases(PHASE_OF_KIND[kind] ?? [], records) });
    }
  }
  return items;
}

export function renderFailures(phases: PhasesManifest | undefined, deliverables: DeliverablesJson | undefined): Html {
  const failedPhases = (phases?.phases ?? []).filter((phase) => phase.status === 'failed' || phase.status === 'terminated');
  const items = listFailures(phases, deliverables);
  if (items.length === 0 && failedPhases.length === 0) return html`<p class="ok">Nothing failed.</p>`;
  const phaseItems = failedPhases.map(
    (phase) => html`<li class="failure phase"><strong>phase ${phase.name}</strong> <span class="badge status-${phase.status}">${phase.status}</span>${phase.exit_code !== undefined && phase.exit_code !== null ? html` exit code ${phase.exit_code}` : null}${phase.reason ? html`<pre class="error">${phase.reason}</pre>` : null}${renderLog(phase.log)}</li>`,
  );
  const deliverableItems = items.map(
    (item) => html`<li class="failure deliverable"><strong>${item.what}</strong> ${item.failable ? html`<span class="badge failable">failable</span>` : html`<span class="badge status-failed">blocking</span>`}${item.error ? html`<pre class="error">${item.error}</pre>` : html`<p class="muted">No error text recorded.</p>`}${renderLog(item.log)}</li>`,
  );
  return html`<ul class="failures">${phaseItems}${deliverableItems}</ul>`;
}

function renderLog(log: string | undefined): Html | null {
  return log ? html`<p class="log">log: <a href="${linkFromReport(log)}">${log}</a></p>` : null;
}

function logOfDeliverable(deliverable: PhaseDeliverable, records: PhaseRecord[]): string | undefined {
  // Phase tools may name the deliverable's own log; the contract does not require it.
  const own = (deliverable as PhaseDeliverable & { log?: unknown }).log;
  if (typeof own === 'string' && own !== '') return own;
  return logOfPhases(PHASE_OF_KIND[deliverable.kind] ?? [], records);
}

function logOfPhases(names: string[], records: PhaseRecord[]): string | undefined {
  for (const name of names) {
    const log = records.find((record) => record.name === name)?.log;
    if (log) return log;
  }
  return undefined;
}
