// Package counts per variant.arch from rpms.json, by productmd category.
import { html, type Html } from './html.js';
import type { RpmsTree } from './read-inputs.js';

export interface PackageCount {
  variant: string;
  arch: string;
  binary: number;
  debug: number;
  source: number;
  /** Entries with a category productmd does not define. */
  other: number;
}

export function countPackages(rpms: RpmsTree): PackageCount[] {
  const counts: PackageCount[] = [];
  for (const [variant, arches] of Object.entries(rpms)) {
    for (const [arch, bySrpm] of Object.entries(arches ?? {})) {
      const count: PackageCount = { variant, arch, binary: 0, debug: 0, source: 0, other: 0 };
      // An RPM may be listed under more than one SRPM key only by mistake; count each NEVRA once.
      const seen = new Set<string>();
      for (const rpmsOfSrpm of Object.values(bySrpm ?? {})) {
        for (const [nevra, entry] of Object.entries(rpmsOfSrpm ?? {})) {
          if (seen.has(nevra)) continue;
          seen.add(nevra);
          const category = entry?.category;
          if (category === 'binary' || category === 'debug' || category === 'source') count[category] += 1;
          else count.other += 1;
        }
      }
      counts.push(count);
    }
  }
  return counts.sort((a, b) => a.variant.localeCompare(b.variant) || a.arch.localeCompare(b.arch));
}

export function renderPackageCounts(rpms: RpmsTree | undefined): Html {
  if (!rpms) return html`<p class="empty">No rpms.json: no packages gathered yet.</p>`;
  const counts = countPackages(rpms);
  if (counts.length === 0) return html`<p class="empty">rpms.json lists no packages.</p>`;
  const showOther = counts.some((count) => count.other > 0);
  const total = (key: keyof Omit<PackageCount, 'variant' | 'arch'>) => counts.reduce((sum, count) => sum + count[key], 0);
  const rows = counts.map(
    (count) => html`<tr data-variant-arch="${count.variant}.${count.arch}"><th scope="row">${count.variant}.${count.arch}</th><td class="num" data-category="binary">${count.binary}</td><td class="num" data-category="debug">${count.debug}</td><td class="num" data-category="source">${count.source}</td>${showOther ? html`<td class="num" data-category="other">${count.other}</td>` : null}<td class="num total">${count.binary + count.debug + count.source + count.other}</td></tr>`,
  );
  return html`<table class="counts">
<thead><tr><th scope="col">variant.arch</th><th scope="col" class="num">binary</th><th scope="col" class="num">debug</th><th scope="col" class="num">source</th>${showOther ? html`<th scope="col" class="num">other</th>` : null}<th scope="col" class="num">total</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row">all entries</th><td class="num">${total('binary')}</td><td class="num">${total('debug')}</td><td class="num">${total('source')}</td>${showOther ? html`<td class="num">${total('other')}</td>` : null}<td class="num total">${total('binary') + total('debug') + total('source') + total('other')}</td></tr></tfoot>
</table>
<p class="note">Counted from compose/metadata/rpms.json; a source package appears once per variant.arch that ships its binaries, so the totals count entries, not distinct packages.</p>`;
}
