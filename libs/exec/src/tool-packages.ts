/** Which Debian package provides each external tool we delegate to (DESIGN.md section 6). */
export const DEBIAN_PACKAGE_OF: Readonly<Record<string, string>> = {
  createrepo_c: 'createrepo-c',
  mergerepo_c: 'createrepo-c',
  modifyrepo_c: 'createrepo-c',
  xorriso: 'xorriso',
  xorrisofs: 'xorriso',
  genisoimage: 'genisoimage',
  implantisomd5: 'isomd5sum',
  checkisomd5: 'isomd5sum',
  isohybrid: 'syslinux-utils',
  ostree: 'ostree',
  rpm: 'rpm',
  rpmbuild: 'rpm',
  rpmsign: 'rpm',
  rpm2cpio: 'rpm2cpio',
  cpio: 'cpio',
  dnf: 'dnf',
  git: 'git',
  gpg: 'gnupg',
  chromium: 'chromium',
  xz: 'xz-utils',
  bzip2: 'bzip2',
  zstd: 'zstd',
};

export function describeMissingTool(tool: string): string {
  const pkg = DEBIAN_PACKAGE_OF[tool];
  return pkg ? `install it with: apt-get install ${pkg}` : `install ${tool} and make sure it is on PATH`;
}
