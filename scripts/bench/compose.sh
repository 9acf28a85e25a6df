#!/bin/sh
# Benchmarks a whole compose of the sample product as the acceptance runs it
# (`compose --config dummy-pungi.conf --compose-type test --skip-phase buildinstall`):
# cold (fresh target dir, no --old-composes) RUNS times, then a no-change recompose with
# --old-composes pointing at the cold composes RUNS times. Prints every run, then the medians.
# Build first: npx nx run-many -t build
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
RUNS=${RUNS:-3}
WORK=$(mktemp -d /tmp/compose-bench.XXXXXX)
TIME=/usr/bin/time
BIN="$ROOT/tools/compose-orchestrate/bin/compose-orchestrate.js"
[ -x "$TIME" ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
[ -f "$ROOT/tools/compose-orchestrate/dist/bin.js" ] || { echo "build first: npx nx run-many -t build" >&2; exit 2; }

run() { # LABEL TARGET [extra options]
  label=$1 target=$2; shift 2
  dir=$("$TIME" -o "$WORK/time" -f '%e %U %S %M' node "$BIN" compose --config "$SHARED/fixtures/pungi-dummy/dummy-pungi.conf" \
    --target-dir "$target" --compose-type test --skip-phase buildinstall --quiet "$@" 2>"$WORK/stderr" | tail -n 1) || true
  set -- x $(tail -n 1 "$WORK/time")
  status=$(cat "$dir/STATUS" 2>/dev/null || echo '?')
  phases=$(node -e '
    const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).payload.phases;
    process.stdout.write(p.filter((x) => x.duration_ms !== undefined).map((x) => `${x.name} ${(x.duration_ms / 1000).toFixed(2)}`).join(", "));
  ' "$dir/logs/global/phases.json" 2>/dev/null || true)
  printf '%-9s %7ss %7ss %5s MiB  %-20s %s\n' "$label" "$2" "$(echo "$3 + $4" | bc)" "$(($5 / 1024))" "$status" "$phases"
  echo "$label $2" >> "$WORK/times"
}

median() { grep "^$1 " "$WORK/times" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-9s %8s %8s %9s  %-20s %s\n' run wall cpu peakRSS STATUS 'phases (s)'
for i in $(seq "$RUNS"); do run cold "$WORK/cold-$i"; done
for i in $(seq "$RUNS"); do run recompose "$WORK/cold-1" --old-composes "$WORK/cold-1"; done
echo "median: cold $(median cold) s, recompose $(median recompose) s (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
[ -n "${KEEP:-}" ] && echo "composes kept in $WORK" || rm -rf "$WORK"
