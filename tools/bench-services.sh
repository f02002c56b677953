#!/usr/bin/env bash
# Measures start time and memory of each real test service: tools/bench-services.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh
ensure_jdk
./mvnw -B -q -ntp install -DskipTests -pl common,test-support
run_main test-support io.gitfleet.testsupport.bench.ServiceStartupBench -Xmx1g -- "${1:-3}"
