// Which package arches belong in a tree of a given arch, following pungi/arch.py.
import { ARCH_PARENTS, MULTILIB_ARCHES, TREE_ARCH_TO_YUM_ARCH } from './arch-tables.js';

export interface ValidArchesOptions {
  /** Include the multilib (32-bit compat) arches; default true. */
  multilib?: boolean;
  /** Append noarch; default true. */
  addNoarch?: boolean;
  /** Append src; default false. */
  addSrc?: boolean;
}

function hasOwn(table: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** The package arch a tree arch is built from (`i386` -> `athlon`); the opposite of getBaseArch. */
export function treeArchToYumArch(treeArch: string): string {
  return hasOwn(TREE_ARCH_TO_YUM_ARCH, treeArch) ? TREE_ARCH_TO_YUM_ARCH[treeArch]! : treeArch;
}

/**
 * The arch followed by every arch it can run, best first, ending in noarch
 * (`x86_64` -> x86_64, athlon, i686, i586, i486, i386, noarch). Unknown arches get just noarch.
 */
export function getArchChain(arch: string): string[] {
  const chain = [arch];
  let current = arch;
  while (hasOwn(ARCH_PARENTS, current)) {
    current = ARCH_PARENTS[current]!;
    chain.push(current);
  }
  // sparc64v also runs plain sparc64 packages, which the parent chain skips.
  if (chain[0] === 'sparc64v') chain.splice(1, 0, 'sparc64');
  if (chain.length === 1 && chain[0] !== 'noarch') chain.push('noarch');
  return chain;
}

/** The 32-bit compat arch of a biarch yum arch (`x86_64` -> athlon), or undefined. */
export function getMultilibArch(yumArch: string): string | undefined {
  let current = yumArch;
  for (;;) {
    if (hasOwn(MULTILIB_ARCHES, current)) return MULTILIB_ARCHES[current]![0];
    if (!hasOwn(ARCH_PARENTS, current) || ARCH_PARENTS[current] === 'noarch') return undefined;
    current = ARCH_PARENTS[current]!;
  }
}

/** The multilib package arches of a tree arch (`x86_64` -> athlon..i386, `s390x` -> s390, `ppc64` -> ppc). */
export function getValidMultilibArches(treeArch: string): string[] {
  const multilibArch = getMultilibArch(treeArchToYumArch(treeArch));
  if (!multilibArch) return [];
  return getArchChain(multilibArch).filter((arch) => arch !== 'noarch' && arch !== 'src');
}

/** Package arches that may go into a tree of `treeArch`, best first. */
export function getValidArches(treeArch: string, options: ValidArchesOptions = {}): string[] {
  const { multilib = true, addNoarch = true, addSrc = false } = options;
  let result = [...new Set(getArchChain(treeArchToYumArch(treeArch)))];
  if (!multilib) {
    const multilibArches = new Set(getValidMultilibArches(treeArch));
    result = result.filter((arch) => !multilibArches.has(arch));
  }
  if (addNoarch && !result.includes('noarch')) result.push('noarch');
  if (addSrc && !result.includes('src')) result.push('src');
  return result;
}

/** Arches a package of `arch` is compatible with: the valid non-multilib arches of its base arch. */
export function getCompatibleArches(arch: string, options: { multilib?: boolean } = {}): string[] {
  return getValidArches(getBaseArch(arch), { multilib: options.multilib ?? false });
}

function isMultilibArch(arch: string): boolean {
  if (!hasOwn(ARCH_PARENTS, arch)) return false;
  return hasOwn(MULTILIB_ARCHES, arch) || hasOwn(MULTILIB_ARCHES, ARCH_PARENTS[arch]!);
}

/** The tree (base) arch of a package arch: `i686` -> i386, `amd64` -> x86_64, `armv7hl` -> armhfp. */
export function getBaseArch(arch: string): string {
  if (!hasOwn(ARCH_PARENTS, arch)) return arch;
  if (arch.startsWith('sparc64')) return 'sparc';
  if (arch === 'ppc64le') return 'ppc64le';
  if (arch.startsWith('arm64')) return 'arm64';
  if (arch.startsWith('armv6h') || arch.startsWith('armv7h')) return 'armhfp';
  if (arch.startsWith('arm')) return 'arm';
  if (isMultilibArch(arch)) return hasOwn(MULTILIB_ARCHES, arch) ? arch : ARCH_PARENTS[arch]!;
  let base = arch;
  while (ARCH_PARENTS[base] !== 'noarch') base = ARCH_PARENTS[base]!;
  return base;
}

/** Whether `arch` is a package arch rpm knows (noarch, src and nosrc included). */
export function isValidArch(arch: string): boolean {
  return arch === 'noarch' || arch === 'src' || arch === 'nosrc' || hasOwn(ARCH_PARENTS, arch);
}

/** Split `name.arch` when the suffix is a real arch (`foo.x86_64`); otherwise the whole is the name. */
export function splitNameArch(nameArch: string): { name: string; arch: string | undefined } {
  const dot = nameArch.lastIndexOf('.');
  if (dot >= 0) {
    const arch = nameArch.slice(dot + 1);
    if (isValidArch(arch)) return { name: nameArch.slice(0, dot), arch };
  }
  return { name: nameArch, arch: undefined };
}
