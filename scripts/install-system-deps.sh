#!/usr/bin/env bash
# Installs the Debian packages whose real tools compose delegates to (DESIGN.md section 6).
# Idempotent: does nothing when every tool is already on PATH.
set -euo pipefail
need=()
check() { command -v "$1" >/dev/null 2>&1 || need+=("$2"); }
check createrepo_c createrepo-c
check mergerepo_c createrepo-c
check xorriso xorriso
check implantisomd5 isomd5sum
check checkisomd5 isomd5sum
check ostree ostree
check rpm rpm
check rpmbuild rpm
check rpmsign rpm
check dnf dnf
check gpg gnupg
check git git
check isohybrid syslinux-utils
check xz xz-utils
check bzip2 bzip2
check zstd zstd
check rpm2cpio rpm2cpio
check cpio cpio
check mkfs.fat dosfstools
[ -e /usr/lib/ISOLINUX/isolinux.bin ] || need+=(isolinux)
[ -e /usr/lib/syslinux/modules/bios/ldlinux.c32 ] || need+=(syslinux-common)
check chromium chromium
[ -e /usr/lib/python3/dist-packages/dnf-plugins/repoclosure.py ] || need+=(dnf-plugins-core)
[ ${#need[@]} -eq 0 ] && exit 0
# shellcheck disable=SC2207
pkgs=($(printf '%s\n' "${need[@]}" | sort -u))
echo "installing Debian packages: ${pkgs[*]}" >&2
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >&2
