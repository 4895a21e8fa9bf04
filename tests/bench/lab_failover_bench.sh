#!/usr/bin/env bash
# The window's responsiveness while the lab fails over: the console watches the lab (every source,
# 1 s) and measures itself (app/benchprobe.cpp: how long the GUI thread is busy at a stretch, CPU,
# RSS) while planned switchovers move the leader every INTERVAL seconds. Budget (issue 7): the
# longest stall p99 <= 16 ms in a release build.
#
#   bash tests/bench/lab_failover_bench.sh                  # needs the lab: packaging/lab/manage-cluster.sh start
#   SWITCHOVERS=5 INTERVAL=20 bash tests/bench/lab_failover_bench.sh
#   QT_QPA_PLATFORM=xcb bash tests/bench/lab_failover_bench.sh   # painted on a real display (Xvfb too)
set -euo pipefail
cd "$(dirname "$0")/../.."
SWITCHOVERS=${SWITCHOVERS:-4}
INTERVAL=${INTERVAL:-20}
WARMUP=${WARMUP:-15}
PRESET=${PRESET:-release}
BUILD=build/$PRESET
LAB=packaging/lab/manage-cluster.sh
SECONDS_MEASURED=$((SWITCHOVERS * INTERVAL + 10))

cmake --preset "$PRESET" >/dev/null
cmake --build --preset "$PRESET" --target patroni-console >/dev/null
"$LAB" wait-healthy 60 >/dev/null || { echo "lab_failover_bench: the lab is not healthy; start it: $LAB start"; exit 1; }
eval "$("$LAB" env)"

work=$(mktemp -d /tmp/patroni-console-bench.XXXXXX)
console_pid=""
cleanup() {
  [ -n "$console_pid" ] && kill "$console_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export PATRONI_CONSOLE_POSTGRES_PASSWORD="$POSTGRES_SUPERUSER_PASSWORD"
PATRONI_CONSOLE_BENCH_REPORT="$work/report.json" PATRONI_CONSOLE_BENCH_WARMUP="$WARMUP" \
  PATRONI_CONSOLE_BENCH_SECONDS="$SECONDS_MEASURED" "$BUILD/app/patroni-console" --profile lab >"$work/console.log" 2>&1 &
console_pid=$!
sleep "$WARMUP"
for i in $(seq 1 "$SWITCHOVERS"); do
  sleep 5
  leader=$("$LAB" leader 2>/dev/null || true)
  target=""
  for m in patroni1 patroni2 patroni3; do
    if [ "$m" != "$leader" ] && [ -z "$target" ]; then target=$m; fi
  done
  echo "lab_failover_bench: switchover $i: ${leader:-?} -> $target"
  "$LAB" failover "$target" >/dev/null 2>&1 || echo "lab_failover_bench: switchover $i refused"
  sleep $((INTERVAL - 5))
done
wait "$console_pid" || true
console_pid=""
[ -s "$work/report.json" ] || { echo "lab_failover_bench: no report; the console said:"; tail -20 "$work/console.log"; exit 1; }
echo "lab_failover_bench: $SWITCHOVERS switchovers in $SECONDS_MEASURED s measured after $WARMUP s, preset $PRESET, QPA $QT_QPA_PLATFORM"
/usr/bin/python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
busy = r.get('guiBusyMs', {})
print('GUI thread busy at a stretch, ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (%d turns)' % (
    busy.get('p50', 0), busy.get('p90', 0), busy.get('p99', 0), busy.get('p999', 0), busy.get('max', 0), busy.get('count', 0)))
print('CPU %.2f %% of one core, RSS peak %.1f MB' % (r['cpuPercentOfOneCore'], r['rssKbPeak'] / 1024.0))
p99 = busy.get('p99', float('nan'))
print('budget: GUI busy p99 <= 16 ms: %s' % ('ok' if p99 <= 16 else 'OVER by %.2f ms' % (p99 - 16)))
PY
