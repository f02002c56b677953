#!/usr/bin/env bash
# Resident memory of the packaged agent managing N objects, with given JVM flags:
#   tools/bench-agent-memory.sh [objects] [seconds] [agent JVM flags...]
# Without flags it measures the set recommended in cluster-agent/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh
ensure_jdk
objects="${1:-1000}"; seconds="${2:-60}"; shift $(( $# > 2 ? 2 : $# ))
if [ $# -eq 0 ]; then
  set -- -Xmx40m -Xms16m -Xss256k -XX:+UseSerialGC -XX:MaxMetaspaceSize=80m -XX:ReservedCodeCacheSize=20m \
         -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:MaxDirectMemorySize=8m
fi
./mvnw -B -q -ntp install -DskipTests
run_main deploy/local io.gitfleet.local.bench.AgentMemoryBench -Xmx512m -- "$objects" "$seconds" "$@"
