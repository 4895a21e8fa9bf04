#!/usr/bin/env bash
# The console idle on the lab: every source at its profile's interval (Patroni 1 s, HAProxy 2 s,
# PostgreSQL 2 s, etcd 5 s), the window open on the built-in lab profile. Measures the console's
# CPU, RSS and open files (app/benchprobe.cpp) and, from PostgreSQL's own counters
# (pg_stat_database.sessions on every node), how many new connections it opened.
#
#   bash tests/bench/lab_idle_bench.sh            # needs the lab: packaging/lab/manage-cluster.sh start
#   MEASURE=120 bash tests/bench/lab_idle_bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_MEASURED=${MEASURE:-60}
WARMUP=${WARMUP:-15}
PRESET=${PRESET:-release}
BUILD=build/$PRESET
LAB=packaging/lab/manage-cluster.sh

cmake --preset "$PRESET" >/dev/null
cmake --build --preset "$PRESET" --target patroni-console >/dev/null
"$LAB" wait-healthy 60 >/dev/null || { echo "lab_idle_bench: the lab is not healthy; start it: $LAB start"; exit 1; }
eval "$("$LAB" env)"

work=$(mktemp -d /tmp/patroni-console-bench.XXXXXX)
console_pid=""
cleanup() {
  [ -n "$console_pid" ] && kill "$console_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# New sessions on every node of the lab, as PostgreSQL counts them.
sessions() {
  local port total=0 n
  for port in $LAB_PG_PORTS; do
    n=$(PGPASSWORD=$POSTGRES_SUPERUSER_PASSWORD PGCONNECT_TIMEOUT=3 psql -X -Atq -h 127.0.0.1 -p "$port" \
      -U "$POSTGRES_SUPERUSER" -d postgres -c "select coalesce(sum(sessions), 0) from pg_stat_database" 2>/dev/null || echo 0)
    total=$((total + n))
  done
  echo "$total"
}

export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export PATRONI_CONSOLE_POSTGRES_PASSWORD="$POSTGRES_SUPERUSER_PASSWORD"
PATRONI_CONSOLE_BENCH_REPORT="$work/report.json" PATRONI_CONSOLE_BENCH_WARMUP="$WARMUP" \
  PATRONI_CONSOLE_BENCH_SECONDS="$SECONDS_MEASURED" "$BUILD/app/patroni-console" >"$work/console.log" 2>&1 &
console_pid=$!
sleep "$WARMUP"
before=$(sessions)
wait "$console_pid" || true
console_pid=""
after=$(sessions)
[ -s "$work/report.json" ] || { echo "lab_idle_bench: no report; the console said:"; tail -20 "$work/console.log"; exit 1; }
# Our own psql calls count too: one per node per measurement, subtracted.
nodes=$(wc -w <<<"$LAB_PG_PORTS")
opened=$((after - before - nodes))

echo "lab_idle_bench: the lab (3 members, every source), $SECONDS_MEASURED s measured after $WARMUP s, preset $PRESET"
/usr/bin/python3 - "$work/report.json" "$opened" "$SECONDS_MEASURED" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
opened, seconds = int(sys.argv[2]), float(sys.argv[3])
print(json.dumps(r, indent=2))
per10 = opened * 10.0 / seconds
rows = [
    ('CPU, % of one core', r['cpuPercentOfOneCore'], 1.0),
    ('RSS peak, MB', r['rssKbPeak'] / 1024.0, 80.0),
    ('new PostgreSQL connections / 10 s', per10, 1.0),
]
print('new PostgreSQL connections while measured: %d in %.0f s' % (opened, seconds))
print('budget:')
for name, value, limit in rows:
    print('  %-36s %8.2f  (budget %5.1f)  %s' % (name, value, limit, 'ok' if value <= limit else 'OVER by %.2f' % (value - limit)))
PY
