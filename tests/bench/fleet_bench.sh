#!/usr/bin/env bash
# Whole-process figures of the console watching a fleet, against tests/fleetsim (a fake is right here:
# 200 real clusters do not fit on one machine). Builds the release preset, starts the simulator,
# imports its profiles into a throw-away configuration, opens the window on every cluster and lets
# the console measure itself (app/benchprobe.cpp): CPU, RSS, open files, how old each cluster's data
# is, and how long the GUI thread is busy at a stretch. Prints the report and the budget (README).
#
#   bash tests/bench/fleet_bench.sh                      # 200 clusters x 5 members, 60 s measured
#   CLUSTERS=500 HUNG=100 MEASURE=120 bash tests/bench/fleet_bench.sh
#   PRESET=ci bash tests/bench/fleet_bench.sh            # under ASan (slower: not for the budget)
#   REPORT=/tmp/fleet.json bash tests/bench/fleet_bench.sh # keep the JSON report
set -euo pipefail
cd "$(dirname "$0")/../.."
CLUSTERS=${CLUSTERS:-200}
MEMBERS=${MEMBERS:-5}
HUNG=${HUNG:-0}
SECONDS_MEASURED=${MEASURE:-60}
WARMUP=${WARMUP:-15}
PRESET=${PRESET:-release}
BUILD=build/$PRESET

cmake --preset "$PRESET" >/dev/null
cmake --build --preset "$PRESET" --target patroni-console patroni-fleet-sim >/dev/null

work=$(mktemp -d /tmp/patroni-console-bench.XXXXXX)
sim_pid=""
console_pid=""
cleanup() {
  [ -n "$console_pid" ] && kill "$console_pid" 2>/dev/null || true
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The fleet's peers are other machines in real life: with two cores or more the simulator gets the last
# core and the console the others, so the two do not take turns on one core (which would hand the
# console its answers in bursts no real fleet sends).
cores=$(nproc)
sim_cpu=""
console_cpus=""
if [ "$cores" -ge 2 ]; then
  sim_cpu="taskset -c $((cores - 1))"
  console_cpus="taskset -c 0-$((cores - 2))"
fi
$sim_cpu "$BUILD/tests/patroni-fleet-sim" --clusters "$CLUSTERS" --members "$MEMBERS" --hung "$HUNG" \
  --profiles "$work/fleet.json" >"$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 300); do [ -s "$work/fleet.json" ] && break; sleep 0.1; done
[ -s "$work/fleet.json" ] || { echo "fleet_bench: the simulator did not start:"; cat "$work/sim.log"; exit 1; }

export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
"$BUILD/app/patroni-console" profiles import "$work/fleet.json" >/dev/null

# The window, offscreen unless a display is asked for (QT_QPA_PLATFORM=xcb with DISPLAY set).
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
PATRONI_CONSOLE_BENCH_REPORT="$work/report.json" PATRONI_CONSOLE_BENCH_WARMUP="$WARMUP" \
  PATRONI_CONSOLE_BENCH_SECONDS="$SECONDS_MEASURED" $console_cpus "$BUILD/app/patroni-console" >"$work/console.log" 2>&1 &
console_pid=$!
wait "$console_pid" || true
console_pid=""
[ -s "$work/report.json" ] || { echo "fleet_bench: no report; the console said:"; tail -20 "$work/console.log"; exit 1; }
[ -z "${REPORT:-}" ] || cp "$work/report.json" "$REPORT"

echo "fleet_bench: $CLUSTERS clusters x $MEMBERS members ($HUNG never answer), Patroni every 1 s, HAProxy every 2 s,"
echo "            $SECONDS_MEASURED s measured after $WARMUP s, preset $PRESET, $(nproc) cores${sim_cpu:+ (simulator on core $((cores - 1)))}"
/usr/bin/python3 - "$work/report.json" "$HUNG" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
hung = int(sys.argv[2])
age, busy = r.get('dataAgeMs', {}), r.get('guiBusyMs', {})
print(json.dumps(r, indent=2))
rows = [
    ('CPU, % of one core', r['cpuPercentOfOneCore'], 20.0),
    ('RSS peak, MB', r['rssKbPeak'] / 1024.0, 150.0),
    ('data age p99, ms', age.get('p99', float('nan')), 1500.0),
    ('GUI busy at a stretch p99, ms', busy.get('p99', float('nan')), 16.0),
]
print('budget:')
for name, value, limit in rows:
    print('  %-32s %10.1f  (budget %6.0f)  %s' % (name, value, limit, 'ok' if value <= limit else 'OVER by %.1f' % (value - limit)))
if hung:
    print('  (data age over the clusters that answer; %d sample(s) of never-answering clusters left out)' % r.get('samplesWithoutData', 0))
print('while measured: open files %d -> %d (peak %d); RSS %.1f -> %.1f MB, of which the lag history %.1f -> %.1f MB'
      % (r['openFdsStart'], r['openFdsEnd'], r['openFdsPeak'], r['rssKbStart'] / 1024.0, r['rssKbEnd'] / 1024.0,
         r['lagHistoryKbStart'] / 1024.0, r['lagHistoryKbEnd'] / 1024.0))
PY
