// Which dnf a repoclosure result came from. `dnf --version` costs a quarter second of CPU (it
// imports all of dnf), more than reusing saves on a small compose, so the package manager's own
// record of the installed dnf, libdnf, libsolv and repoclosure plugin is read instead.
import { readFile } from 'node:fs/promises';
import { isToolAvailable, runTool } from '@compose/exec';

/** Packages whose versions decide what `dnf repoclosure` reports (Debian and Fedora names). */
export const DNF_PACKAGES = [
  'dnf', 'python3-dnf', 'dnf-plugins-core', 'python3-dnf-plugins-core',
  'libdnf', 'libdnf2', 'python3-libdnf', 'python3-hawkey', 'libsolv', 'libsolv1',
] as const;

const DPKG_STATUS = '/var/lib/dpkg/status';

/** "name version" lines of the installed DNF_PACKAGES from a dpkg status file's text. */
export function readDpkgVersions(status: string, names: readonly string[] = DNF_PACKAGES): string[] {
  const wanted = new Set(names);
  const found: string[] = [];
  for (const stanza of status.split(/\n\n+/)) {
    const name = /^Package: (\S+)$/m.exec(stanza)?.[1];
    if (!name || !wanted.has(name) || !/^Status: .* installed$/m.test(stanza)) continue;
    found.push(`${name} ${/^Version: (\S+)$/m.exec(stanza)?.[1] ?? '?'}`);
  }
  return found.sort();
}

/** The installed dnf stack as one string; `dnf --version` only when no package database says. */
export async function describeInstalledDnf(statusFile = DPKG_STATUS): Promise<string> {
  const status = await readFile(statusFile, 'utf8').catch(() => undefined);
  if (status !== undefined) {
    const versions = readDpkgVersions(status);
    if (versions.length) return `dpkg: ${versions.join(', ')}`;
  }
  if (await isToolAvailable('rpm')) {
    const result = await runTool(['rpm', '-q', '--qf', '%{NAME} %{VERSION}-%{RELEASE}\\n', ...DNF_PACKAGES], { okExitCodes: [0, 1] });
    const versions = result.stdout.split('\n').filter((line) => /^\S+ \S+$/.test(line));
    if (versions.length) return `rpm: ${versions.sort().join(', ')}`;
  }
  const result = await runTool(['dnf', '--version']);
  return `dnf --version: ${result.stdout.trim().split('\n')[0] ?? ''}`;
}
