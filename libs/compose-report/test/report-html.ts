// Reads back what the report shows, the way a reader sees it: bars of the time map and table rows.
export interface Bar {
  kind: string;
  name: string;
  status: string;
  x?: number;
  width?: number;
  durationMs?: number;
  text: string;
}

/** Rows of the time map, from the SVG's <g class="row ..."> groups. */
export function readTimeMapRows(page: string): Bar[] {
  const svg = page.slice(page.indexOf('<svg class="time-map"'), page.indexOf('</svg>'));
  return [...svg.matchAll(/<g class="row (phase|deliverable) [^"]*" data-name="([^"]*)" data-status="([^"]*)">(.*?)<\/g>/gs)].map((match) => {
    const body = match[4] ?? '';
    const bar = /<rect class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*data-duration-ms="(\d+)"/.exec(body);
    return {
      kind: match[1] ?? '',
      name: unescape(match[2] ?? ''),
      status: match[3] ?? '',
      x: bar ? Number(bar[1]) : undefined,
      width: bar ? Number(bar[2]) : undefined,
      durationMs: bar ? Number(bar[3]) : undefined,
      text: body.replace(/<[^>]+>/g, ' '),
    };
  });
}

/** Cells of the package count table: variant.arch -> category -> number. */
export function readPackageCounts(page: string): Map<string, Record<string, number>> {
  const counts = new Map<string, Record<string, number>>();
  for (const row of page.matchAll(/<tr data-variant-arch="([^"]+)">(.*?)<\/tr>/gs)) {
    const cells: Record<string, number> = {};
    for (const cell of (row[2] ?? '').matchAll(/data-category="(\w+)">(\d+)</g)) cells[cell[1] ?? ''] = Number(cell[2]);
    counts.set(unescape(row[1] ?? ''), cells);
  }
  return counts;
}

export function section(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}">`);
  if (start < 0) throw new Error(`no section ${id}`);
  return page.slice(start, page.indexOf('</section>', start));
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
