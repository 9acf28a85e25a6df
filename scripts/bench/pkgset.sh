#!/usr/bin/env bash
# Benchmark of the pkgset phase on the distribution-scale repo (../shared/bench/debian12-rpmmd):
# init a compose of scripts/bench/debian12.conf, then time compose-pkgset on it. Three runs;
# prints wall seconds and peak RSS of each. Needs /usr/bin/time (Debian package time).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v /usr/bin/time >/dev/null || { echo "install /usr/bin/time: apt-get install time" >&2; exit 2; }
target=$(mktemp -d /tmp/bench-pkgset-XXXXXX)
trap 'rm -rf "$target"' EXIT
for run in 1 2 3; do
  dir=$(node_modules/.bin/compose-orchestrate init --config scripts/bench/debian12.conf --target-dir "$target" --compose-type test 2>/dev/null | tail -n1)
  sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
  /usr/bin/time -f "run $run: %e s wall, %M KiB peak RSS" node_modules/.bin/compose-pkgset --compose-dir "$dir" --quiet --json | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.error('  steps (ms):', JSON.stringify(JSON.parse(s).timings_ms)))"
done
