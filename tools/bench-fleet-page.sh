#!/usr/bin/env bash
# Cluster list latency over a large fleet: tools/bench-fleet-page.sh [clusters] [requests per query]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh
ensure_jdk
./mvnw -B -q -ntp install -DskipTests
run_main deploy/local io.gitfleet.local.bench.FleetPageBench -Xmx512m -- "${1:-10000}" "${2:-50}"
