import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTOVAR_CONF, buildOstreeRootfs, convertVarToTmpfiles, moveEtcToUsr, relocateKernels } from '../src/index.js';
import { applyTreefileEdits } from '../src/treefile-postprocess.js';

async function makeTree(files: Record<string, string | null>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'rootfs-'));
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(root, name);
    if (text === null) await mkdir(full, { recursive: true });
    else {
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, text);
    }
  }
  return root;
}

describe('ostree root filesystem', () => {
  it('moves /etc to /usr/etc, keeps /usr, /boot, /var and compat links, drops the rest of the top level', async () => {
    const source = await makeTree({ 'etc/hosts': 'x', 'usr/bin/sh': '#!', 'var/lib/foo/': null, 'root/.bashrc': '', 'srv/www': '' });
    await symlink('usr/lib64', path.join(source, 'lib64'));
    await moveEtcToUsr(source);
    const target = path.join(await mkdtemp(path.join(tmpdir(), 'target-')), 'root');
    const dropped = await buildOstreeRootfs(source, target, false);
    expect(dropped).toEqual(['root', 'srv']);
    expect(existsSync(source)).toBe(false);
    expect(await readFile(path.join(target, 'usr/etc/hosts'), 'utf8')).toBe('x');
    expect(await readlink(path.join(target, 'lib64'))).toBe('usr/lib64');
    expect(await readlink(path.join(target, 'home'))).toBe('var/home');
    expect(await readlink(path.join(target, 'tmp'))).toBe('sysroot/tmp');
    expect((await readdir(target)).sort()).toEqual(['boot', 'dev', 'home', 'lib64', 'media', 'mnt', 'opt', 'ostree', 'proc', 'root', 'run', 'srv', 'sys', 'sysroot', 'tmp', 'usr', 'var']);
    expect((await lstat(path.join(target, 'root'))).isSymbolicLink()).toBe(true);
  });

  it('turns /var into tmpfiles.d lines with owners from the tree and empties it', async () => {
    const root = await makeTree({ 'usr/etc/passwd': 'root:x:0:0::/root:/bin/sh\napache:x:48:48::/usr/share/httpd:/sbin/nologin\n', 'usr/etc/group': 'root:x:0:\napache:x:48:\n', 'var/log/app.log': 'old', 'var/run/x': '' });
    await mkdir(path.join(root, 'var/lib/httpd'), { recursive: true });
    await chmod(path.join(root, 'var/lib/httpd'), 0o750);
    const { lchown } = await import('node:fs/promises');
    await lchown(path.join(root, 'var/lib/httpd'), 48, 48);
    await symlink('../run/lock', path.join(root, 'var/lock'));
    const result = await convertVarToTmpfiles(root);
    expect(result.entries).toEqual(['L /var/lock - - - - ../run/lock', 'd /var/lib 0755 root root - -', 'd /var/lib/httpd 0750 apache apache - -', 'd /var/log 0755 root root - -']);
    expect(result.dropped).toEqual(['var/log/app.log']);
    expect(await readdir(path.join(root, 'var'))).toEqual([]);
    expect(await readFile(path.join(root, AUTOVAR_CONF), 'utf8')).toBe(`${result.entries.join('\n')}\n`);
  });

  it('moves kernels from /boot into /usr/lib/modules/<kver> and leaves /boot empty', async () => {
    const root = await makeTree({ 'boot/vmlinuz-6.1.0-1.x86_64': 'kernel', 'boot/initramfs-6.1.0-1.x86_64.img': 'initrd', 'boot/config-6.1.0-1.x86_64': 'cfg', 'usr/lib/modules/6.1.0-1.x86_64/modules.dep': '' });
    expect(await relocateKernels(root, 'modules')).toEqual(['6.1.0-1.x86_64']);
    expect(await readFile(path.join(root, 'usr/lib/modules/6.1.0-1.x86_64/vmlinuz'), 'utf8')).toBe('kernel');
    expect(await readFile(path.join(root, 'usr/lib/modules/6.1.0-1.x86_64/initramfs.img'), 'utf8')).toBe('initrd');
    expect(await readdir(path.join(root, 'boot'))).toEqual([]);
    await expect(relocateKernels(root, 'new')).rejects.toThrow(/boot-location "new" without rpm-ostree is not implemented/);
  });

  it('applies remove-files, add-files and mutate-os-release through the os-release symlink', async () => {
    const root = await makeTree({ 'usr/lib/os-release': 'NAME=Dummy\nVERSION="1.0 (Server)"\nPRETTY_NAME="Dummy 1.0"\nVERSION_ID=1.0\n', 'usr/share/doc/x': '', 'src/motd': 'hello\n' });
    await mkdir(path.join(root, 'etc'));
    await symlink('../usr/lib/os-release', path.join(root, 'etc/os-release'));
    const notes = await applyTreefileEdits(root, { treefileDir: path.join(root, 'src'), addFiles: [['motd', '/etc/motd']], removeFiles: ['usr/share/doc'], mutateOsRelease: '1.0', version: '1.0.20261122.0' });
    expect(notes).toEqual(['removed usr/share/doc', 'added /etc/motd', 'updated /usr/lib/os-release for version 1.0.20261122.0']);
    expect(existsSync(path.join(root, 'usr/share/doc'))).toBe(false);
    expect(await readFile(path.join(root, 'etc/motd'), 'utf8')).toBe('hello\n');
    expect(await readFile(path.join(root, 'usr/lib/os-release'), 'utf8')).toBe(
      "NAME=Dummy\nVERSION=\"1.0.20261122.0 (Server)\"\nPRETTY_NAME=\"Dummy 1.0.20261122.0\"\nVERSION_ID=1.0\nOSTREE_VERSION='1.0.20261122.0'\n",
    );
    await expect(applyTreefileEdits(root, { treefileDir: root, addFiles: [], removeFiles: ['../etc'] })).rejects.toThrow(/invalid path/);
  });
});
