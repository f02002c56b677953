#!/usr/bin/env bash
# Drift detection latency (watch → status with the field; and → healed) over N owned objects against a real
# kube-apiserver: tools/bench-agent-drift.sh [objects] [samples]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh
ensure_jdk
./mvnw -B -q -ntp install -DskipTests -pl common,test-support
./mvnw -B -ntp -pl cluster-agent test -Dtest=DriftBench -Dgroups=bench -Dagent.excluded-test-groups=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.objects="${1:-1000}" -Dbench.samples="${2:-100}" \
  -DargLine="-Xmx256m" | grep -E '^Drift latency|^  selfHeal'
