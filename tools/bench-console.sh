#!/usr/bin/env bash
# The console at fleet scale in headless Chromium (time to first overview rows after login; RSS with S sessions):
#   tools/bench-console.sh [clusters] [sessions] [logins]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh
ensure_jdk
./mvnw -B -q -ntp install -DskipTests
run_main deploy/local io.gitfleet.local.bench.ConsoleBench -Xmx512m -- "${1:-10000}" "${2:-20}" "${3:-10}"
