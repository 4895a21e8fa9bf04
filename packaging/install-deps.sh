#!/usr/bin/env bash
# Installs every Debian 12 package Patroni Console needs to build, test, and run its lab cluster.
# This is the one place packages are named; README and .ci/run both call it.
set -euo pipefail

PACKAGES=(
  # toolchain (lld links the sanitizer builds' many test programs ~3x faster than ld.bfd); pyflakes3
  # lints the lab's Python helper
  build-essential cmake ninja-build pkg-config git dpkg-dev clang-format lld pyflakes3
  # Qt 6 and friends
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qtkeychain-qt6-dev libsecret-1-0 libgl-dev
  # Qt's own strings (standard buttons, file dialogs) in German
  qt6-translations-l10n
  # PostgreSQL client library
  libpq-dev
  # tests and benchmarks; clang and its libFuzzer runtime build the parsers' fuzzers (tests/fuzz)
  libgtest-dev libbenchmark-dev clang-14 libclang-rt-14-dev
  # snapshot tests read PDFs back (pdftotext)
  poppler-utils
  # the Debian package is validated (packaging/build-deb.sh)
  lintian desktop-file-utils appstream
  # display-less GUI and keyring for tests; a German locale (tests under de_DE.UTF-8)
  locales fonts-dejavu-core xvfb xauth x11-utils dbus dbus-x11 gnome-keyring libsecret-tools
  # the lab cluster
  patroni etcd-server etcd-client haproxy postgresql-15 postgresql-client-15 curl procps iproute2 util-linux
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
else
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The tests also run under a German locale (libpq's and the C library's messages are translated on
# Debian; the console must not depend on their English text).
if ! locale -a 2>/dev/null | grep -qix 'de_DE.utf8'; then
  echo "install-deps: generating the de_DE.UTF-8 locale"
  $SUDO localedef -i de_DE -c -f UTF-8 de_DE.UTF-8
fi
