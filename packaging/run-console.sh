#!/usr/bin/env bash
# From a fresh Debian 12 machine to the console on screen: installs the packages, builds, starts
# the lab cluster on 127.0.0.1 and opens the console on it. Extra arguments go to the console,
# e.g. `bash packaging/run-console.sh --screenshot /tmp/console.png`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset dev
cmake --build --preset dev --target patroni-console
packaging/lab/manage-cluster.sh start
eval "$(packaging/lab/manage-cluster.sh env)"
# The lab's PostgreSQL password for the console's libpq probes. A real cluster's password belongs in
# the system keychain (the console's settings); this variable is for scripts and this lab.
export PATRONI_CONSOLE_POSTGRES_PASSWORD="${PATRONI_CONSOLE_POSTGRES_PASSWORD:-$POSTGRES_SUPERUSER_PASSWORD}"
# The built-in "lab" profile follows the lab's LAB_* variables and watches every source (Patroni,
# HAProxy, etcd, PostgreSQL); `--profile lab` opens it also when clusters of your own are saved (a saved
# cluster called "lab" takes its place).
args=(--profile lab)
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "run-console: no display; running under a temporary Xvfb (pass --screenshot FILE.png to see it)" >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" build/dev/app/patroni-console "${args[@]}" "$@"
fi
exec build/dev/app/patroni-console "${args[@]}" "$@"
