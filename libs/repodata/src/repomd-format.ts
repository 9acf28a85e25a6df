import { escapeXml } from './decode-text.js';
import type { Checksum, RepoMdRecord } from './types.js';

/**
 * Serializes repomd.xml the way createrepo_c does: the same namespaces, element order and
 * two-space indentation, so tools comparing against createrepo_c output see no difference.
 */
export function formatRepomd(revision: string, records: readonly RepoMdRecord[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">',
    `  <revision>${escapeXml(revision)}</revision>`,
  ];
  for (const record of records) {
    lines.push(`  <data type="${escapeXml(record.type)}">`);
    lines.push(formatChecksum('checksum', record.checksum));
    if (record.openChecksum) lines.push(formatChecksum('open-checksum', record.openChecksum));
    lines.push(`    <location href="${escapeXml(record.location)}"/>`);
    if (record.timestamp !== undefined) lines.push(`    <timestamp>${record.timestamp}</timestamp>`);
    if (record.size !== undefined) lines.push(`    <size>${record.size}</size>`);
    if (record.openSize !== undefined) lines.push(`    <open-size>${record.openSize}</open-size>`);
    if (record.databaseVersion !== undefined) lines.push(`    <database_version>${record.databaseVersion}</database_version>`);
    lines.push('  </data>');
  }
  lines.push('</repomd>', '');
  return lines.join('\n');
}

function formatChecksum(element: string, checksum: Checksum): string {
  return `    <${element} type="${escapeXml(checksum.type)}">${escapeXml(checksum.value)}</${element}>`;
}
