#!/usr/bin/env bash
# `npm test`: everything the suite needs, then the whole suite.
# Installs Debian's chromium for the end-to-end tests when it is missing (as root, e.g. in CI),
# type-checks, lints, runs jest, and ends with one plain line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "chromium ontbreekt: installeren met apt-get (eenmalig)…"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
      || { echo "Installing chromium failed."; exit 1; }
  else
    echo "chromium is missing: run 'sudo apt-get install -y chromium' once, then npm test again."
    exit 1
  fi
fi

npx tsc --noEmit -p tsconfig.json || { echo "Type check failed."; echo "0 passed, 1 failed"; exit 1; }
npx eslint . || { echo "Lint failed."; echo "0 passed, 1 failed"; exit 1; }
# The restart tests run the compiled bot as its own process.
npx tsc -p tsconfig.build.json || { echo "Build failed."; echo "0 passed, 1 failed"; exit 1; }

mkdir -p .data
results=.data/jest-results.json
rm -f "$results"
# --forceExit: a child process left by a failed end-to-end set-up (a Playground, a browser) must not
# keep CI waiting after the results are written; the tests themselves stop what they start.
npx jest --json --outputFile="$results" --forceExit "$@"
status=$?
if [ -f "$results" ]; then
  node -e '
    const r = require(process.argv[1]);
    const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
    console.log(`${r.numPassedTests} passed, ${failed} failed`);
  ' "$PWD/$results"
else
  echo "0 passed, 1 failed"
fi
exit $status
