#!/usr/bin/env bash
# Sync-engine timings over N objects against a real kube-apiserver: tools/bench-agent-apply.sh [objects]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh
ensure_jdk
./mvnw -B -q -ntp install -DskipTests -pl common,test-support
./mvnw -B -ntp -pl cluster-agent test -Dtest=ApplyBench -Dgroups=bench -Dagent.excluded-test-groups=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.objects="${1:-1000}" -DargLine="-Xmx256m" \
  | sed -n '/Sync engine over/,/process RSS/p'
