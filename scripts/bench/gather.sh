#!/bin/sh
# Benchmarks the built depsolver (libs/depsolve/dist) on the distribution-scale inputs:
# cold (no index cache, page cache dropped when run as root) and warm (index cached), 3 runs each.
# Build first: npx tsc -p libs/repodata/tsconfig.json && npx tsc -p libs/depsolve/tsconfig.json
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
RUNS=${RUNS:-3}
CACHE=${CACHE_DIR:-$(mktemp -d /tmp/depsolve-bench.XXXXXX)}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
[ -f "$ROOT/libs/depsolve/dist/index.js" ] || { echo "build libs/depsolve first" >&2; exit 2; }

drop_caches() {
  sync
  if [ "$(id -u)" = 0 ]; then echo 3 > /proc/sys/vm/drop_caches; else echo "(not root: page cache not dropped)" >&2; fi
}

run() { # MODE INPUT
  out=$("$TIME" -f '%e %M' node "$ROOT/scripts/bench/solve-bench.mjs" "$2" --cache-dir "$CACHE" 2>&1)
  set -- "$1" "$2" $(echo "$out" | tail -n 1)
  counts=$(echo "$out" | head -n 1 | node -e 'const r=JSON.parse(require("fs").readFileSync(0,"utf8"));process.stdout.write(`${r.rpm}/${r.srpm}/${r.debuginfo} load ${r.load_s}s solve ${r.solve_s}s`)')
  printf '%-12s %-5s %7ss %6s MiB  %s\n' "$(basename "$2" .json)" "$1" "$3" "$(($4 / 1024))" "$counts"
}

printf '%-12s %-5s %8s %10s  %s\n' input mode wall peakRSS 'rpm/srpm/debuginfo'
for input in workstation everything; do
  file="$SHARED/bench/inputs/$input.json"
  for i in $(seq "$RUNS"); do rm -rf "$CACHE"; drop_caches; run cold "$file"; done
  for i in $(seq "$RUNS"); do run warm "$file"; done
done
[ -n "${CACHE_DIR:-}" ] || rm -rf "$CACHE"
