#!/usr/bin/env bash
# The whole test suite from a fresh checkout: system tools, npm packages, build, every
# project's tests (nx caches unchanged projects), then one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-false} CI=${CI:-true}

bash scripts/install-system-deps.sh || { echo "system packages could not be installed"; echo "0 passed, 1 failed"; exit 1; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  bash scripts/install-npm-deps.sh >&2 || { echo "npm install failed"; echo "0 passed, 1 failed"; exit 1; }
fi
find libs tools e2e -name test-results.json -not -path '*/node_modules/*' -delete 2>/dev/null

status=0
npx nx run-many -t build --outputStyle=stream >&2 || status=1
npx nx run-many -t test --parallel=2 --outputStyle=stream || status=1
node scripts/summarize-tests.mjs || status=1
exit $status
