// The arch compatibility tables Pungi uses (pungi/arch_utils.py, a copy of yum's rpmUtils.arch
// with ppc64 native-is-best switched on). Kept as data so every decision can be traced to them.

/** Each arch -> the next older arch it can run packages of; chains end in noarch. */
export const ARCH_PARENTS: Readonly<Record<string, string>> = {
  // ia32
  athlon: 'i686',
  i686: 'i586',
  geode: 'i586',
  i586: 'i486',
  i486: 'i386',
  i386: 'noarch',
  // amd64
  x86_64: 'athlon',
  amd64: 'x86_64',
  ia32e: 'x86_64',
  // ppc64le
  ppc64le: 'noarch',
  // ppc
  ppc64p7: 'ppc64',
  ppc64pseries: 'ppc64',
  ppc64iseries: 'ppc64',
  ppc64: 'ppc',
  ppc: 'noarch',
  // s390
  s390x: 's390',
  s390: 'noarch',
  // sparc
  sparc64v: 'sparcv9v',
  sparc64: 'sparcv9',
  sparcv9v: 'sparcv9',
  sparcv9: 'sparcv8',
  sparcv8: 'sparc',
  sparc: 'noarch',
  // alpha
  alphaev7: 'alphaev68',
  alphaev68: 'alphaev67',
  alphaev67: 'alphaev6',
  alphaev6: 'alphapca56',
  alphapca56: 'alphaev56',
  alphaev56: 'alphaev5',
  alphaev5: 'alphaev45',
  alphaev45: 'alphaev4',
  alphaev4: 'alpha',
  alpha: 'noarch',
  // arm
  armv7l: 'armv6l',
  armv6l: 'armv5tejl',
  armv5tejl: 'armv5tel',
  armv5tel: 'noarch',
  // arm, hardware floating point
  armv7hnl: 'armv7hl',
  armv7hl: 'armv6hl',
  armv6hl: 'noarch',
  arm64: 'noarch',
  aarch64: 'noarch',
  // super-h
  sh4a: 'sh4',
  sh4: 'noarch',
  sh3: 'noarch',
  // itanium
  ia64: 'noarch',
};

/** Biarch arches -> [multilib compat arch, best personality, biarch personality]. */
export const MULTILIB_ARCHES: Readonly<Record<string, readonly [string, string, string]>> = {
  x86_64: ['athlon', 'x86_64', 'athlon'],
  sparc64v: ['sparcv9v', 'sparcv9v', 'sparc64v'],
  sparc64: ['sparcv9', 'sparcv9', 'sparc64'],
  ppc64: ['ppc', 'ppc64', 'ppc64'],
  s390x: ['s390', 's390x', 's390'],
};

/**
 * Tree arches whose best package arch differs from their name (pungi/arch.py): an i386 tree
 * takes athlon packages and everything below.
 */
export const TREE_ARCH_TO_YUM_ARCH: Readonly<Record<string, string>> = {
  i386: 'athlon',
  ppc64: 'ppc64p7',
  sparc: 'sparc64v',
  arm: 'armv7l',
  armhfp: 'armv7hnl',
};
