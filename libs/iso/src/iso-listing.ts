/**
 * Turns `xorriso -find /` output ('/dir', '/dir/file', quoted) into the .manifest lines Pungi
 * writes: every path on the image but the root, unquoted, sorted.
 */
export function parseIsoListing(stdout: string): string[] {
  const paths: string[] = [];
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith("'")) continue;
    const unquoted = line.slice(1, line.lastIndexOf("'")).replace(/'"'"'/g, "'");
    if (unquoted === '/' || unquoted === '') continue;
    paths.push(unquoted);
  }
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function formatIsoManifest(paths: readonly string[]): string {
  return paths.length ? `${paths.join('\n')}\n` : '';
}

/** The volume ID from `xorriso -pvd_info` ("Volume Id    : DP-1.0 Server.x86_64"). */
export function parseVolumeId(stdout: string): string | undefined {
  const match = /^Volume Id\s*:\s*(.*)$/m.exec(stdout);
  return match ? match[1]!.trimEnd() : undefined;
}
