#!/usr/bin/env bash
# The console at fleet scale in headless Chromium (N clusters x 20 assignments; time from login to the first
# overview rows, timed in the browser; RSS with S signed-in sessions):
#   tools/bench-console.sh [clusters] [sessions] [logins]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh
ensure_jdk
./mvnw -B -q -ntp install -DskipTests
run_main deploy/local io.gitfleet.local.bench.ConsoleBench -Xmx512m -- "${1:-10000}" "${2:-20}" "${3:-10}"
