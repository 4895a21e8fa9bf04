#!/usr/bin/env bash
# The README's screenshots, from the real lab: the steady state (light and dark) and a failover caught
# mid-way (the leader's processes killed a few seconds before the shot). Needs a display or xvfb-run;
# starts the lab if it is not running and leaves it healthy.
#
#   bash packaging/screenshots.sh [OUTDIR]     # default resources/screenshots
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-resources/screenshots}
exe=${EXE:-build/dev/app/patroni-console}
if [ ! -x "$exe" ]; then
  cmake --preset dev >/dev/null
  cmake --build --preset dev --target patroni-console >/dev/null
fi
mkdir -p "$out"
packaging/lab/manage-cluster.sh start >/dev/null
packaging/lab/manage-cluster.sh wait-healthy 60 >/dev/null
eval "$(packaging/lab/manage-cluster.sh env)"
export PATRONI_CONSOLE_POSTGRES_PASSWORD="$POSTGRES_SUPERUSER_PASSWORD"
# Settings and journal of its own: your saved clusters play no part.
tmp=$(mktemp -d /tmp/patroni-console-shots.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
run() {
  if [ -n "${DISPLAY:-}" ]; then "$exe" "$@"; else xvfb-run -a -s "-screen 0 1600x1000x24" "$exe" "$@"; fi
}
run --profile lab --screenshot "$out/lab.png" --screenshot-wait 20
run --profile lab --dark --screenshot "$out/lab-dark.png" --screenshot-wait 5
# A failover caught mid-way: the shot is taken 6 s after the leader's processes are killed.
run --profile lab --screenshot "$out/lab-failover.png" --screenshot-wait 26 &
shot=$!
sleep 20
packaging/lab/manage-cluster.sh kill-leader >/dev/null
wait "$shot" || true
packaging/lab/manage-cluster.sh start >/dev/null
packaging/lab/manage-cluster.sh wait-healthy 90 >/dev/null
ls -l "$out"/lab*.png
