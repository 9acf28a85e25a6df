import { access } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@compose/errors';
import { buildBootArgs, type BootTreeLayout } from '@compose/iso';

// Debian's isolinux package puts the isohybrid MBR template here; Fedora's syslinux elsewhere.
const ISOHYBRID_MBR_CANDIDATES = ['/usr/lib/ISOLINUX/isohdpfx.bin', '/usr/share/syslinux/isohdpfx.bin', '/usr/lib/syslinux/mbr/isohdpfx.bin'];

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

/**
 * Reads `--boot-tree [VARIANT.ARCH=|ARCH=]DIR` values. A boot tree is what lorax's buildinstall
 * leaves in an os tree (isolinux/, images/, EFI/), e.g. an older compose's os tree.
 */
export async function parseBootTrees(values: readonly string[]): Promise<Map<string, string>> {
  const trees = new Map<string, string>();
  for (const value of values) {
    const match = /^([^=]+)=(.+)$/.exec(value);
    if (!match) throw new InputError('USAGE', `--boot-tree ${value}: expected VARIANT.ARCH=DIR or ARCH=DIR`, { hint: 'e.g. --boot-tree Server.x86_64=/mnt/lorax/x86_64/os' });
    const dir = path.resolve(match[2]!);
    if (!(await exists(dir))) throw new InputError('BOOT_TREE', `--boot-tree ${value}: ${dir} does not exist`);
    trees.set(match[1]!, dir);
  }
  return trees;
}

/** El Torito arguments for what the boot tree holds; a tree with nothing bootable is an error. */
export async function getBootLayout(dir: string, arch: string, tool: 'xorrisofs' | 'genisoimage' = 'xorrisofs'): Promise<{ args: string[]; isohybrid?: 'bios' | 'uefi' }> {
  const layout: BootTreeLayout = {
    arch,
    biosLoader: await exists(path.join(dir, 'isolinux/isolinux.bin')),
    efiImage: await exists(path.join(dir, 'images/efiboot.img')),
    s390Image: await exists(path.join(dir, 'images/cdboot.img')),
  };
  for (const candidate of ISOHYBRID_MBR_CANDIDATES) {
    if (await exists(candidate)) {
      layout.isohybridMbr = candidate;
      break;
    }
  }
  const args = buildBootArgs(tool, layout);
  if (args.length === 0) {
    throw new InputError('BOOT_TREE', `boot tree ${dir} holds nothing that boots ${arch} (looked for isolinux/isolinux.bin, images/efiboot.img, images/cdboot.img)`);
  }
  return { args, isohybrid: layout.biosLoader ? (layout.efiImage && arch === 'x86_64' ? 'uefi' : 'bios') : undefined };
}
