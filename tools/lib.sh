# Shared by the tools/ scripts: locations and a JDK >= 21.
# shellcheck shell=bash

GITFLEET_CACHE="${GITFLEET_CACHE:-$HOME/.cache/gitfleet}"
KUBE_VERSION="v1.20.2"

# Export JAVA_HOME to a JDK >= 21 when the default java is older (Debian 12 ships 17).
ensure_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
                   /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "gitfleet: no JDK 21+ found; install one and set JAVA_HOME" >&2
  return 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "gitfleet: installing ${missing[*]}"
  as_root apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "${missing[@]}" >/dev/null
}

# Runs a main class of one module on that module's runtime classpath, as this JVM (exec):
#   run_main MODULE MAIN_CLASS [JVM options --] [args...]
# The caller builds the module first.
run_main() {
  local module=$1 main=$2
  shift 2
  local jvm_opts=()
  if [[ " $* " == *" -- "* ]]; then
    while [ "$1" != "--" ]; do jvm_opts+=("$1"); shift; done
    shift
  fi
  ./mvnw -B -q -ntp -pl "$module" dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/runtime-classpath.txt
  exec "$JAVA_HOME/bin/java" -Djava.util.logging.manager=org.jboss.logmanager.LogManager "${jvm_opts[@]}" \
    -cp "$module/target/classes:$(cat "$module/target/runtime-classpath.txt")" "$main" "$@"
}
