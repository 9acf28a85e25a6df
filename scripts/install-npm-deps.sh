#!/usr/bin/env bash
# Installs the locked npm packages. `npm ci` first; the registry reachable here answers 404 for
# other platforms' optional binaries (e.g. @rollup/rollup-android-arm-eabi), which makes npm ci
# reject a correct lock file as "out of sync", so fall back to `npm install`, which still takes
# the versions from package-lock.json.
set -uo pipefail
cd "$(dirname "$0")/.."
if npm ci --no-audit --no-fund 2>/tmp/compose-npm-ci.log; then exit 0; fi
if grep -q 'EUSAGE' /tmp/compose-npm-ci.log; then
  echo "npm ci refused the lock file (platform binaries missing from the registry); using npm install" >&2
  npm install --no-audit --no-fund
else
  cat /tmp/compose-npm-ci.log >&2
  exit 1
fi
