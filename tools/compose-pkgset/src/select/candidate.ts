/** A package offered by a source, before selection. */
export interface Candidate {
  name: string;
  epoch: number;
  version: string;
  release: string;
  arch: string;
  file: string;
  /** Absolute local path, or null while only metadata is known (remote or metadata-only repo). */
  path: string | null;
  /** Remote URL of the package for http sources. */
  url: string | null;
  source: string;
  checksum: { type: string; value: string } | null;
  size: number | null;
  sourcerpm: string;
  /** Filled in when signatures are checked. */
  sigkey: string | null;
  /** rpm-md identity of the entry (location href and pkgid), when read from repodata. */
  href?: string;
  pkgid?: string;
  /** From the package header when known (SRPMs of local sources): Pungi copies them to noarch packages. */
  exclusiveArch?: string[];
  excludeArch?: string[];
}

export function isSourceArch(arch: string): boolean {
  return arch === 'src' || arch === 'nosrc';
}

/** Name of the source package from a sourcerpm file name (`dummy-bash-4.2.37-6.src.rpm` -> `dummy-bash`). */
export function sourceNameOf(sourcerpm: string): string {
  const withoutSuffix = sourcerpm.replace(/\.(no)?src\.rpm$/, '');
  const parts = withoutSuffix.split('-');
  return parts.slice(0, -2).join('-');
}
