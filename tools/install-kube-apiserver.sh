#!/usr/bin/env bash
# Builds kube-apiserver v1.20.2 once from Debian 12's `kubernetes` source package and caches it under
# $GITFLEET_CACHE/kubernetes-v1.20.2/ (default ~/.cache/gitfleet). Installs etcd 3.4 from Debian.
# Tests need a real API server: the fabric8 mock server cannot do server-side apply.
# About 10 minutes on 2 cores the first time; a no-op afterwards.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

apt_install etcd-server
target="$GITFLEET_CACHE/kubernetes-$KUBE_VERSION"
if [ -x "$target/kube-apiserver" ] && "$target/kube-apiserver" --version 2>/dev/null | grep -q "$KUBE_VERSION"; then
  echo "gitfleet: kube-apiserver $KUBE_VERSION cached in $target"
  exit 0
fi

apt_install golang-go rsync jq dpkg-dev golang-github-modern-go-reflect2-dev

if ! grep -rqsE "^(deb-src|Types: deb-src)" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "gitfleet: adding a deb-src line for bookworm"
  as_root tee /etc/apt/sources.list.d/gitfleet-src.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  as_root apt-get update -q >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get source -q kubernetes >/dev/null 2>&1
src=$(find "$work" -maxdepth 1 -type d -name 'kubernetes-*' | head -n 1)
cd "$src"

# The vendored reflect2 1.0.1 segfaults under Go 1.19; Debian's 1.0.2 does not.
rm -rf vendor/github.com/modern-go/reflect2
cp -r /usr/share/gocode/src/github.com/modern-go/reflect2 vendor/github.com/modern-go/reflect2

echo "gitfleet: building kube-apiserver $KUBE_VERSION (about 10 minutes on 2 cores)"
env KUBE_GIT_VERSION="$KUBE_VERSION" KUBE_GIT_TREE_STATE=clean \
    KUBE_GIT_COMMIT=faecb196815e248d3ecfb03c680a4507229c2a56 KUBE_GIT_MAJOR=1 KUBE_GIT_MINOR=20 \
    GOFLAGS=-mod=vendor CGO_ENABLED=0 \
    make WHAT=cmd/kube-apiserver >"$work/build.log" 2>&1 || { tail -n 40 "$work/build.log"; exit 1; }

mkdir -p "$target"
install -m 0755 _output/bin/kube-apiserver "$target/kube-apiserver.tmp"
mv "$target/kube-apiserver.tmp" "$target/kube-apiserver"
"$target/kube-apiserver" --version
