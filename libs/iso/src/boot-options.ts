/** What a boot tree (lorax output: isolinux/, images/, EFI/) offers for one arch. */
export interface BootTreeLayout {
  arch: string;
  /** isolinux/isolinux.bin exists: BIOS El Torito boot. */
  biosLoader: boolean;
  /** images/efiboot.img exists: EFI El Torito boot. */
  efiImage: boolean;
  /** images/cdboot.img exists (s390x). */
  s390Image?: boolean;
  /** The isohybrid MBR template for xorrisofs (syslinux's isohdpfx.bin), if installed. */
  isohybridMbr?: string;
}

const X86 = new Set(['i386', 'i486', 'i586', 'i686', 'x86_64']);

/**
 * The El Torito arguments Pungi's get_boot_options gives for an arch, limited to what the boot
 * tree actually holds; with xorrisofs, x86 images are also made hybrid (MBR + GPT for EFI) so
 * they boot from USB sticks, which genisoimage leaves to isohybrid afterwards.
 */
export function buildBootArgs(tool: 'xorrisofs' | 'genisoimage', layout: BootTreeLayout): string[] {
  const args: string[] = [];
  if (X86.has(layout.arch)) {
    if (layout.biosLoader) {
      args.push('-b', 'isolinux/isolinux.bin', '-c', 'isolinux/boot.cat', '-no-emul-boot', '-boot-load-size', '4', '-boot-info-table');
    }
    if (layout.efiImage && layout.arch === 'x86_64') {
      args.push('-eltorito-alt-boot', '-e', 'images/efiboot.img', '-no-emul-boot');
    }
    if (tool === 'xorrisofs' && layout.biosLoader && layout.isohybridMbr) {
      args.push('-isohybrid-mbr', layout.isohybridMbr);
      if (layout.efiImage && layout.arch === 'x86_64') args.push('-isohybrid-gpt-basdat');
    }
    return args;
  }
  if (layout.arch === 'aarch64' && layout.efiImage) return ['-eltorito-alt-boot', '-e', 'images/efiboot.img', '-no-emul-boot'];
  if (layout.arch === 's390x' && layout.s390Image) return ['-eltorito-boot', 'images/cdboot.img', '-no-emul-boot'];
  return args;
}

/** Whether buildBootArgs made anything bootable. */
export function isBootableLayout(layout: BootTreeLayout): boolean {
  return buildBootArgs('xorrisofs', layout).length > 0;
}
