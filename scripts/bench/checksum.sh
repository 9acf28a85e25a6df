#!/usr/bin/env bash
# Times @compose/checksum (md5+sha1+sha256 in one read, one worker per digest) against running
# md5sum, sha1sum and sha256sum one after another on the same 2 GiB file, page cache warm.
# usage: scripts/bench/checksum.sh [FILE]   (FILE defaults to a 2 GiB random file in /tmp, made once)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
file=${1:-/tmp/checksum-bench-2g.bin}
runs=3
if [ ! -f "$file" ]; then
  # Random data rather than fallocate's zeros, so no hash gets an unrealistically easy input.
  dd if=/dev/urandom of="$file" bs=1M count=2048 status=none
fi
(cd "$root" && npx tsc -p libs/checksum/tsconfig.json)
cat "$file" > /dev/null # warm the page cache
echo "file: $file ($(stat -c %s "$file") bytes), $(nproc) cores"
for i in $(seq "$runs"); do
  printf 'run %s  compose-checksum: ' "$i"
  /usr/bin/time -f '%e s' node "$root/scripts/bench/checksum.mjs" "$file" 2>&1 >/dev/null
  printf 'run %s  coreutils (md5sum; sha1sum; sha256sum): ' "$i"
  /usr/bin/time -f '%e s' sh -c 'md5sum "$1"; sha1sum "$1"; sha256sum "$1"' sh "$file" 2>&1 >/dev/null
done
