#!/usr/bin/env bash
# Installs what the tests need and a fresh Debian 12 machine lacks. Idempotent and quick once done:
# - git, etcd 3.4 and a kube-apiserver v1.20.2 built once into the cache (tools/install-kube-apiserver.sh)
# - Debian's chromium + chromium-driver for the console's browser tests
# The Keycloak distribution is fetched by Maven (test-support) and built into the cache on first use.
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
apt_install git chromium chromium-driver
./install-kube-apiserver.sh
