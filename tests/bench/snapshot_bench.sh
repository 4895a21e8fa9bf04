#!/usr/bin/env bash
# Whole-process figures for the monitoring command line against the running lab: wall time and peak
# RSS of `snapshot` in each format, `check` and `history`, each run N times (median and worst).
#   tests/bench/snapshot_bench.sh [BUILD_DIR] [N]      (default build/release, 10)
# Start the lab first (packaging/lab/manage-cluster.sh start).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$here/build/release}"
runs="${2:-10}"
exe="$build/app/patroni-console"
[ -x "$exe" ] || { echo "no $exe: build it first (cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
eval "$("$here/packaging/lab/manage-cluster.sh" env)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export PATRONI_CONSOLE_POSTGRES_PASSWORD="$POSTGRES_SUPERUSER_PASSWORD"
measure() { # label, command...
  local label="$1"; shift
  local times=() rss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>&1 || true
    read -r t m < <(tail -n1 "$work/t")
    times+=("$t"); rss+=("$m")
  done
  printf '%-22s wall median %5.2f s  max %5.2f s   peak RSS median %6d KB\n' "$label" \
    "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
    "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)" \
    "$(printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}
for f in json md html pdf png; do
  measure "snapshot .$f" "$exe" snapshot --profile lab --output "$work/s.$f"
done
measure "check (default)" "$exe" check --profile lab
measure "check --checks all" "$exe" check --profile lab --checks all --member patroni1 --patroni-version 3.0.2 --state-file "$work/state"
measure "history" "$exe" history --profile lab
measure "status" "$exe" status --profile lab
