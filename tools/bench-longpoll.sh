#!/usr/bin/env bash
# Long-poll wake-up latency across two API replicas: tools/bench-longpoll.sh [agents] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh
ensure_jdk
./mvnw -B -q -ntp install -DskipTests
run_main deploy/local io.gitfleet.local.bench.LongPollBench -Xmx512m -- "${1:-100}" "${2:-10}"
