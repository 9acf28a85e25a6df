// Where Koji keeps a build's files under its topdir (or topurl), as koji.PathInfo lays them out.

/** The parts of a build PathInfo needs: the build's (source package's) name, version, release. */
export interface BuildPathInfo {
  name: string;
  version: string;
  release: string;
}

/** The parts of an RPM PathInfo needs: its own name (a subpackage's, not the build's) and arch. */
export interface RpmPathInfo extends BuildPathInfo {
  arch: string;
}

function trimTrailingSlashes(topdir: string): string {
  return topdir.replace(/\/+$/, '');
}

/** `<topdir>/packages/<name>/<version>/<release>` */
export function formatKojiBuildDir(topdir: string, build: BuildPathInfo): string {
  return `${trimTrailingSlashes(topdir)}/packages/${build.name}/${build.version}/${build.release}`;
}

/** `<arch>/<name>-<version>-<release>.<arch>.rpm`, relative to the build dir. */
export function formatKojiRpmRelPath(rpm: RpmPathInfo): string {
  return `${rpm.arch}/${rpm.name}-${rpm.version}-${rpm.release}.${rpm.arch}.rpm`;
}

/** The unsigned copy Koji imported from the build. */
export function formatKojiUnsignedRpmPath(topdir: string, build: BuildPathInfo, rpm: RpmPathInfo): string {
  return `${formatKojiBuildDir(topdir, build)}/${formatKojiRpmRelPath(rpm)}`;
}

/**
 * The copy written with `sigkey`'s signature (`koji write-signed-rpm`). Koji stores sigkeys
 * lower-case, and Pungi lower-cases configured keys before building this path.
 */
export function formatKojiSignedRpmPath(topdir: string, build: BuildPathInfo, rpm: RpmPathInfo, sigkey: string): string {
  return `${formatKojiBuildDir(topdir, build)}/data/signed/${sigkey.toLowerCase()}/${formatKojiRpmRelPath(rpm)}`;
}
