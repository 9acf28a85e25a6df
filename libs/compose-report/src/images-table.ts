// The images of the compose from images.json: what a release engineer checks before publishing.
import { formatBytes } from './format.js';
import { html, type Html } from './html.js';
import { linkToComposeFile } from './links.js';
import type { ImageEntry, ImagesTree } from './read-inputs.js';

export interface ImageRow extends ImageEntry {
  variant: string;
  arch: string;
}

/**
 * Every image once. productmd lists a source ISO under each binary arch of its variant, so the
 * same path shows up several times; the image's own arch ('src') is the one worth showing.
 */
export function listImages(images: ImagesTree): ImageRow[] {
  const rows: ImageRow[] = [];
  const seen = new Set<string>();
  for (const [variant, arches] of Object.entries(images)) {
    for (const [treeArch, entries] of Object.entries(arches ?? {})) {
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        const key = entry.path ?? `${variant}/${treeArch}/${rows.length}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({ ...entry, variant, arch: typeof entry.arch === 'string' && entry.arch ? entry.arch : treeArch });
      }
    }
  }
  return rows.sort((a, b) => a.variant.localeCompare(b.variant) || a.arch.localeCompare(b.arch) || (a.path ?? '').localeCompare(b.path ?? ''));
}

export function renderImages(images: ImagesTree | undefined): Html {
  if (!images) return html`<p class="empty">No images.json: no images made (yet).</p>`;
  const rows = listImages(images);
  if (rows.length === 0) return html`<p class="empty">images.json lists no images.</p>`;
  const totalSize = rows.reduce((sum, row) => sum + (typeof row.size === 'number' ? row.size : 0), 0);
  const body = rows.map((row) => {
    const checksums = Object.keys(row.checksums ?? {}).sort();
    const name = row.path ?? '(no path)';
    return html`<tr><td>${row.variant}.${row.arch}</td><td class="path">${row.path ? html`<a href="${linkToComposeFile(row.path)}">${name}</a>` : name}</td><td class="num" title="${row.size ?? ''} bytes" data-bytes="${row.size ?? ''}">${formatBytes(row.size)}</td><td class="type">${row.type ?? ''}${row.format && row.format !== row.type ? html` <span class="muted">${row.format}</span>` : null}</td><td class="${row.bootable ? 'yes' : 'no'}">${row.bootable ? 'yes' : 'no'}</td><td>${row.volume_id ?? ''}</td><td class="${checksums.length ? 'yes' : 'missing'}">${checksums.length ? checksums.join(', ') : 'none'}</td></tr>`;
  });
  return html`<table class="images">
<thead><tr><th scope="col">variant.arch</th><th scope="col">path</th><th scope="col" class="num">size</th><th scope="col">type</th><th scope="col">bootable</th><th scope="col">volume ID</th><th scope="col">checksums</th></tr></thead>
<tbody>${body}</tbody>
<tfoot><tr><th scope="row">${rows.length} image${rows.length === 1 ? '' : 's'}</th><td></td><td class="num" data-bytes="${totalSize}">${formatBytes(totalSize)}</td><td colspan="4"></td></tr></tfoot>
</table>`;
}
