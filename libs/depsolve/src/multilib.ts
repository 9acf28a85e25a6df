// Whether a 32-bit package joins a 64-bit tree: Pungi's multilib_dnf over python-multilib's methods.
import { InputError } from '@compose/errors';
import { matchesAnyGlob, globToRegExp } from './glob.js';
import type { Pkg } from './package-index.js';

// python-multilib's default /etc/multilib.conf lists.
const RUNTIME_WHITELIST = new Set([
  'libflashsupport', 'libgnat', 'lmms-vst', 'nspluginwrapper', 'perl-libs', 'redhat-lsb',
  'syslinux-extlinux-nonlinux', 'syslinux-nonlinux', 'syslinux-tftpboot', 'valgrind', 'wine', 'yaboot',
]);
const RUNTIME_BLACKLIST = new Set(['httpd', 'php', 'tomcat-native']);
const DEVEL_WHITELIST = new Set<string>();
const DEVEL_BLACKLIST = new Set([
  'dmraid-devel', 'httpd-devel', 'kdeutils-devel', 'mkinitrd-devel', 'java-1.5.0-gcj-devel',
  'java-1.6.0-openjdk-devel', 'java-1.7.0-icedtea-devel', 'java-1.7.0-openjdk-devel',
  'java-1.8.0-openjdk-devel', 'php-devel',
]);
const PREFER_64 = new Set(['gdb', 'frysk', 'systemtap', 'systemtap-runtime', 'ltrace', 'strace']);

const ROOT_LIB_DIRS = new Set(['/lib', '/lib64']);
const USR_LIB_DIRS = ['/usr/lib', '/usr/lib64'];
const LIB_DIRS = new Set([...ROOT_LIB_DIRS, ...USR_LIB_DIRS]);
const BY_DIR = new Set([
  ...['alsa-lib', 'dri', 'gtk-2.0/modules', 'gtk-2.0/immodules', 'krb5/plugins', 'sasl2', 'vdpau'].flatMap((sub) =>
    USR_LIB_DIRS.map((dir) => `${dir}/${sub}`),
  ),
  '/lib/security',
  '/lib64/security',
  '/etc/lsb-release.d',
]);
const GTK2_DIR_GLOBS = ['engines', 'modules', 'immodules', 'loaders', 'printbackends', 'filesystems'].map((leaf) =>
  globToRegExp(`/usr/lib*/gtk-2.0/*/${leaf}`),
);
const USR_LIB_DIR_GLOBS = [
  '/usr/lib*/qt*/plugins/*',
  '/usr/lib*/kde*/plugins/*',
  '/usr/lib*/qt5/qml/*',
  '/usr/lib*/gdk-pixbuf-2.0/*/loaders',
  '/usr/lib*/xine/plugins/*',
].map(globToRegExp);
const SO_VERSIONED = globToRegExp('*.so.*');

function providesName(pkg: Pkg, test: (name: string) => boolean): boolean {
  return pkg.provides.some((provide) => test(provide.name));
}

/** python-multilib MultilibMethod.select: a few tools and kernels prefer 64-bit. */
function selectBase(pkg: Pkg): boolean {
  if (!pkg.arch.includes('64')) return false;
  if (PREFER_64.has(pkg.name)) return true;
  return pkg.name.startsWith('kernel') && providesName(pkg, (name) => name === 'kernel' || name === 'kernel-devel');
}

/** Whether one file makes the package a runtime library package. */
export function isRuntimeFile(file: string): boolean {
  const slash = file.lastIndexOf('/');
  const dir = file.slice(0, slash);
  const base = file.slice(slash + 1);
  if (LIB_DIRS.has(dir) && SO_VERSIONED.test(base)) return true;
  if (BY_DIR.has(dir)) return true;
  if (dir === '/etc/ld.so.conf.d' && base.endsWith('.conf')) return true;
  if (ROOT_LIB_DIRS.has(dir) && (base.startsWith('libnss_') || base.startsWith('libdb-'))) return true;
  if (!USR_LIB_DIRS.some((prefix) => dir.startsWith(prefix))) return false;
  if (dir.startsWith('/usr/lib/gtk-2.0') || dir.startsWith('/usr/lib64/gtk-2.0')) return GTK2_DIR_GLOBS.some((re) => re.test(dir));
  if (dir.startsWith('/usr/lib/gstreamer-') || dir.startsWith('/usr/lib64/gstreamer-')) return true;
  if (USR_LIB_DIR_GLOBS.some((re) => re.test(dir))) return true;
  if ((dir === '/usr/lib/oprofile' || dir === '/usr/lib64/oprofile') && SO_VERSIONED.test(base)) return true;
  if ((dir === '/usr/lib/wine' || dir === '/usr/lib64/wine') && base.endsWith('.so')) return true;
  return (dir === '/usr/lib/sane' || dir === '/usr/lib64/sane') && base.startsWith('libsane-');
}

export function selectRuntime(pkg: Pkg): boolean {
  if (RUNTIME_BLACKLIST.has(pkg.name)) return false;
  if (RUNTIME_WHITELIST.has(pkg.name)) return true;
  if (selectBase(pkg)) return true;
  if (pkg.name.startsWith('kernel') && providesName(pkg, (name) => name === 'kernel')) return false;
  return pkg.hasRuntimeFiles;
}

export function selectDevel(pkg: Pkg): boolean {
  if (DEVEL_BLACKLIST.has(pkg.name)) return false;
  if (DEVEL_WHITELIST.has(pkg.name)) return true;
  if (selectRuntime(pkg)) return true;
  if (pkg.name.startsWith('ghc-')) return false;
  if (pkg.name.startsWith('kernel')) {
    for (const provide of pkg.provides) {
      if (provide.name === 'kernel-devel') return false;
      if (provide.name.endsWith('-devel') || provide.name.endsWith('-static')) return true;
    }
  }
  return pkg.name.endsWith('-devel') || pkg.name.endsWith('-static');
}

function selectKernel(pkg: Pkg): boolean {
  return pkg.arch.includes('64') && pkg.name.startsWith('kernel') && providesName(pkg, (name) => name === 'kernel' || name === 'kernel-devel');
}

const METHODS: Record<string, (pkg: Pkg) => boolean> = {
  none: () => false,
  all: () => true,
  devel: selectDevel,
  runtime: selectRuntime,
  kernel: selectKernel,
  yaboot: (pkg) => pkg.arch === 'ppc' && pkg.name.startsWith('yaboot'),
};

export interface MultilibPolicy {
  methods: string[];
  blacklist: string[];
  whitelist: string[];
}

/** The method (or "whitelist") that makes `pkg` multilib, or false; the blacklist wins over all. */
export function decideMultilib(pkg: Pkg, policy: MultilibPolicy): string | false {
  if (matchesAnyGlob(pkg.name, policy.blacklist)) return false;
  if (matchesAnyGlob(pkg.name, policy.whitelist)) return 'whitelist';
  for (const method of policy.methods) if (METHODS[method]!(pkg)) return method;
  return false;
}

export function checkMultilibMethods(methods: readonly string[]): void {
  for (const method of methods) {
    if (!(method in METHODS)) {
      throw new InputError('UNKNOWN_MULTILIB_METHOD', `unknown multilib method '${method}'`, {
        hint: `use one of ${Object.keys(METHODS).join(', ')}`,
      });
    }
  }
}
