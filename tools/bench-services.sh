#!/usr/bin/env bash
# Measures start time and memory of each real test service: tools/bench-services.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh
ensure_jdk
./mvnw -B -q -ntp install -DskipTests -pl common,test-support
./mvnw -B -q -ntp -pl test-support dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/local-classpath.txt
exec "$JAVA_HOME/bin/java" -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "test-support/target/classes:$(cat test-support/target/local-classpath.txt)" \
  io.gitfleet.testsupport.bench.ServiceStartupBench "${1:-3}"
