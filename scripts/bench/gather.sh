#!/bin/sh
# Benchmarks the built depsolver (libs/depsolve/dist) on the distribution-scale inputs:
# cold (no index cache, page cache dropped when run as root) and warm (index cached), 3 runs each;
# cpu is user + sys time of the whole process (all threads).
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
  out=$("$TIME" -f '%e %M %U %S' node "$ROOT/scripts/bench/solve-bench.mjs" "$2" --cache-dir "$CACHE" 2>&1)
  set -- "$1" "$2" $(echo "$out" | tail -n 1)
  counts=$(echo "$out" | head -n 1 | node -e 'const r=JSON.parse(require("fs").readFileSync(0,"utf8"));process.stdout.write(`${r.rpm}/${r.srpm}/${r.debuginfo} load ${r.load_s}s solve ${r.solve_s}s`)')
  cpu=$(echo "$5 $6" | awk '{printf "%.2f", $1 + $2}')
  printf '%-12s %-5s %7ss %7ss %6s MiB  %s\n' "$(basename "$2" .json)" "$1" "$3" "$cpu" "$(($4 / 1024))" "$counts"
}

# The machine may be shared: the load average says how much the numbers below are worth.
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %-5s %8s %8s %10s  %s\n' input mode wall cpu peakRSS 'rpm/srpm/debuginfo'
for input in workstation everything; do
  file="$SHARED/bench/inputs/$input.json"
  for i in $(seq "$RUNS"); do rm -rf "$CACHE"; drop_caches; run cold "$file"; done
  for i in $(seq "$RUNS"); do run warm "$file"; done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${CACHE_DIR:-}" ] || rm -rf "$CACHE"
