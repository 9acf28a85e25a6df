#!/usr/bin/env bash
# Composes the bundled sample product (Pungi's dummy product from ../shared/fixtures/pungi-dummy)
# from a fresh checkout: installs what it needs, builds the tools, runs the compose and prints
# the compose directory. Usage: scripts/compose-sample.sh [TARGET_DIR] [extra compose-orchestrate options]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
target=${1:-$repo/_composes}
shift || true
fixtures=$(cd "$repo/../shared/fixtures/pungi-dummy" 2>/dev/null && pwd) || {
  echo "compose-sample: ../shared/fixtures/pungi-dummy not found next to the repository" >&2; exit 2; }
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
bash scripts/install-system-deps.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then bash scripts/install-npm-deps.sh >&2; fi
npx nx run-many -t build --outputStyle=stream >&2
mkdir -p "$target"
orchestrate="$repo/node_modules/.bin/compose-orchestrate"
"$orchestrate" validate-config --config "$fixtures/dummy-pungi.conf" >&2
if "$orchestrate" --help 2>/dev/null | grep -q "compose-orchestrate compose "; then
  exec "$orchestrate" compose --config "$fixtures/dummy-pungi.conf" --target-dir "$target" --compose-type test --skip-phase buildinstall "$@"
fi
# Until the orchestrator's compose command lands (issue 7), run the phase tools that exist in order.
echo "compose-sample: compose-orchestrate compose is not available yet; running the phases that exist" >&2
dir=$("$orchestrate" init --config "$fixtures/dummy-pungi.conf" --target-dir "$target" --compose-type test "$@" | tail -n1)
for phase in pkgset gather createrepo createiso checksum; do
  tool="$repo/node_modules/.bin/compose-$phase"
  if [ -x "$tool" ]; then "$tool" --compose-dir "$dir" >&2; else echo "compose-sample: compose-$phase not available yet" >&2; fi
done
echo "$dir"
