#!/usr/bin/env bash
# Builds the Debian package (optimised, hardened, no tests), validates it (desktop-file-validate,
# appstreamcli, lintian: no error and no warning that is not overridden with a reason), installs it
# (CI) or unpacks it (elsewhere) and runs the installed binary: --version, the man page, and `status --profile lab` when
# the lab runs (LAB_* exported, as run-tests.sh does). Removes it again if it was not installed before.
#   bash packaging/build-deb.sh            # leaves build/package/patroni-console_<version>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")/.."

step() { echo "build-deb: $*"; }

step "configure and build (preset package)"
cmake --preset package >/dev/null
cmake --build --preset package
(cd build/package && cpack -G DEB >/dev/null)
deb=$(ls -t build/package/patroni-console_*.deb | head -1)
step "built $deb ($(du -h "$deb" | cut -f1))"

step "validate the desktop entry and the AppStream metadata"
desktop-file-validate packaging/linux/*.desktop
appstreamcli validate --no-net packaging/linux/*.metainfo.xml
step "lintian"
lintian --fail-on error,warning "$deb" 2> >(grep -v "running with root privileges" >&2)

# CI (CI=true, a throw-away machine) installs it with apt, as a user would; elsewhere it is unpacked
# into a temporary directory, so a run of the tests never changes what a workstation has installed.
root=""
if [ "${CI:-}" = true ] || [ "${INSTALL_DEB:-}" = 1 ]; then
  was_installed=$(dpkg-query -W -f='${Status}' patroni-console 2>/dev/null | grep -c "ok installed" || true)
  step "install with apt"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb" >/dev/null
  cleanup() {
    if [ "$was_installed" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get remove -y -q patroni-console >/dev/null || true
    fi
  }
else
  root=$(mktemp -d)
  step "unpack into $root (CI=true or INSTALL_DEB=1 installs it with apt)"
  dpkg-deb -x "$deb" "$root"
  cleanup() { rm -rf "$root"; }
fi
trap cleanup EXIT

installed=$root/usr/bin/patroni-console
step "$($installed --version)"
$installed --version | grep -q "^patroni-console [0-9]"
# The man page holds every command's --help.
sections=$(zcat "$root"/usr/share/man/man1/patroni-console.1.gz | grep -c '^\.SS ')
[ "$sections" -ge 15 ] || { echo "build-deb: the man page has $sections command sections, expected 15" >&2; exit 1; }
man -l "$root"/usr/share/man/man1/patroni-console.1.gz >/dev/null
for f in $root/usr/share/applications/io.github.patroniconsole.PatroniConsole.desktop \
         $root/usr/share/metainfo/io.github.patroniconsole.PatroniConsole.metainfo.xml \
         $root/usr/share/icons/hicolor/scalable/apps/patroni-console.svg \
         $root/usr/share/icons/hicolor/16x16/apps/patroni-console.png \
         $root/usr/share/icons/hicolor/256x256/apps/patroni-console.png; do
  [ -s "$f" ] || { echo "build-deb: $f is missing" >&2; exit 1; }
done
if [ -n "${LAB_API_URLS:-}" ]; then
  step "status --profile lab from the installed binary"
  XDG_CONFIG_HOME=$(mktemp -d) PATRONI_CONSOLE_POSTGRES_PASSWORD=${POSTGRES_SUPERUSER_PASSWORD:-} \
    $installed status --profile lab
fi
step "ok"
