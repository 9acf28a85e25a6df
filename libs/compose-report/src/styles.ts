// The report's only stylesheet, inlined: system fonts, no network, readable on a laptop and on paper.
import { raw, type Html } from './html.js';

const CSS = `
:root { --ok: #2e7d32; --done: #3a72c4; --deliverable: #2e9d5b; --failed: #c62828; --skipped: #9e9e9e;
  --running: #e09b00; --terminated: #6a1b9a; --muted: #616161; --line: #d8dde3; --band: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 16px 24px 40px; color: #1f2328; background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", sans-serif; }
h1 { font-size: 22px; margin: 0 0 8px; display: flex; flex-wrap: wrap; align-items: center; gap: 12px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
.compose-id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.status { font-size: 15px; padding: 3px 10px; border-radius: 4px; color: #fff; letter-spacing: .04em; }
.status-finished { background: var(--ok); }
.status-finished_incomplete { background: #ef6c00; }
.status-doomed { background: var(--failed); }
.status-terminated { background: var(--terminated); }
.status-started { background: var(--done); }
.status-unknown { background: var(--skipped); }
dl.facts { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 8px 0; }
dl.facts div { min-width: 120px; }
dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
dd { margin: 0; }
.wall-time { font-size: 16px; }
.totals { margin: 6px 0 0; }
.totals-name { color: var(--muted); margin-left: 4px; }
.chip, .badge { display: inline-block; padding: 0 7px; margin: 1px 2px; border-radius: 9px; font-size: 12px;
  border: 1px solid currentColor; white-space: nowrap; }
.chip.status-done, .badge.status-done { color: var(--ok); }
.chip.status-failed, .badge.status-failed { color: var(--failed); font-weight: 600; }
.chip.status-skipped, .badge.status-skipped { color: var(--skipped); }
.chip.status-running, .badge.status-running { color: var(--running); }
.chip.status-terminated, .badge.status-terminated { color: var(--terminated); }
.chip.status-pending, .badge.status-pending { color: var(--muted); }
.badge.failable { color: #ef6c00; }
.notices { background: #fff8e1; border-left: 4px solid var(--running); padding: 6px 12px; margin: 12px 0; }
.notices ul { margin: 4px 0; padding-left: 18px; }
.empty, .muted, .note { color: var(--muted); }
.note { font-size: 12px; }
.ok { color: var(--ok); font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--band); position: sticky; top: 0; }
tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.counts { width: auto; min-width: 50%; }
td.path { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; overflow-wrap: anywhere; }
td.type, td.num, th.num { white-space: nowrap; }
td.yes { color: var(--ok); } td.missing { color: var(--failed); font-weight: 600; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
code.command { display: block; font-size: 12px; white-space: pre-wrap; word-break: break-all; color: #333; }
tr.status-failed th, tr.status-terminated th { color: var(--failed); }
tr.status-skipped { color: var(--muted); }
ul.failures { list-style: none; padding: 0; }
li.failure { border-left: 4px solid var(--failed); padding: 6px 12px; margin: 8px 0; background: #fdf3f3; }
pre.error { white-space: pre-wrap; word-break: break-word; margin: 6px 0; font-size: 12px; max-height: 18em; overflow: auto; }
p.log { margin: 4px 0 0; font-size: 12px; }
a { color: #0b5cad; }
svg.time-map { display: block; font: 12px system-ui, "DejaVu Sans", sans-serif; }
svg.time-map .stripe { fill: transparent; }
svg.time-map .row:nth-of-type(even) .stripe { fill: var(--band); }
svg.time-map .row:hover .stripe { fill: #e8eef7; }
svg.time-map .section { font-weight: 700; fill: #333; }
svg.time-map .label { fill: #1f2328; }
svg.time-map .axis text { fill: var(--muted); font-size: 11px; }
svg.time-map line.grid { stroke: var(--line); stroke-width: 1; }
svg.time-map .duration { fill: var(--muted); font-variant-numeric: tabular-nums; }
svg.time-map .no-bar { fill: var(--muted); font-style: italic; }
svg.time-map .bar { fill: var(--done); }
svg.time-map .deliverable .bar { fill: var(--deliverable); }
svg.time-map .status-failed .bar { fill: var(--failed); }
svg.time-map .status-failed .label { fill: var(--failed); font-weight: 600; }
svg.time-map .status-skipped .bar { fill: var(--skipped); }
svg.time-map .status-terminated .bar { fill: var(--terminated); }
svg.time-map .status-running .bar, svg.time-map .open .bar { fill: url(#running-stripes); }
svg.time-map line.tick { stroke: #333; stroke-width: 2; }
.legend { font-size: 12px; color: var(--muted); margin: 4px 0 0; }
.legend span::before { content: ""; display: inline-block; width: 12px; height: 10px; margin: 0 4px 0 10px; vertical-align: -1px; }
.legend .l-phase::before { background: var(--done); } .legend .l-deliverable::before { background: var(--deliverable); }
.legend .l-failed::before { background: var(--failed); } .legend .l-skipped::before { background: var(--skipped); }
.legend .l-running::before { background: var(--running); } .legend .l-terminated::before { background: var(--terminated); }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  h2 { break-after: avoid; }
  tr, li.failure, svg.time-map { break-inside: avoid; }
  thead th { position: static; }
  a { color: inherit; text-decoration: none; }
  pre.error { max-height: none; overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export function renderStyles(): Html {
  return raw(`<style>${CSS}</style>`);
}
