#!/usr/bin/env bash
# Status pipeline under load (ingestion rate, staleness, SSE latency, summary latency), everything local:
#   tools/bench-status.sh [clusters] [assignments] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh
ensure_jdk
./mvnw -B -q -ntp install -DskipTests
run_main deploy/local io.gitfleet.local.bench.StatusIngestBench -Xmx1500m -- "${1:-10000}" "${2:-20}" "${3:-3}"
