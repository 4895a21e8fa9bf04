#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: installs packages, builds with the ci
# preset (ASan+UBSan, warnings as errors), provides a display, D-Bus and an unlocked keyring of its
# own, starts a lab cluster of its own, runs every test through ctest, and always stops that lab.
#   bash packaging/run-tests.sh            # everything
#   PRESET=dev bash packaging/run-tests.sh # faster, without sanitizers
#   FUZZ_SECONDS=60 bash packaging/run-tests.sh # each fuzzer runs 60 s instead of 5
#   SOAK_MINUTES=10 bash packaging/run-tests.sh # the soak runs 10 minutes instead of 5
#
# It makes no assumption about the machine beyond Debian 12: the lab gets a fresh state directory
# and its default ports, or the same ports shifted by a multiple of 100 where another program (or
# another lab) already listens; nothing of the user's settings, keyring or display is used.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PRESET=${PRESET:-ci}
started=$(date +%s)
phase() { echo "run-tests: [$(( $(date +%s) - started )) s] $*"; }

bash packaging/install-deps.sh

# An administrator's PostgreSQL and Patroni settings (PGHOST, PGSSLMODE, PATRONI_SCOPE, …) must not
# reach psql, libpq or patronictl in the tests: every test says what it connects to.
for v in $(compgen -e); do
  case $v in PG* | PATRONI_*) unset "$v" ;; esac
done

# shellcheck source=packaging/test-env.sh
source packaging/test-env.sh
LAB="$ROOT/packaging/lab/manage-cluster.sh"

# The lab's default ports, shifted by 0, 100, 200… until none of them is in use.
choose_lab_ports() {
  local -a defaults=(2379 2381 2383 2380 2382 2384 5441 5442 5443 8008 8009 8010 5000 5001 5002 7000)
  local shift p busy
  for shift in $(seq 0 100 3000); do
    busy=""
    for p in "${defaults[@]}"; do
      if [ -n "$(ss -Hltn "sport = :$((p + shift))" 2>/dev/null)" ]; then busy=$((p + shift)); break; fi
    done
    if [ -z "$busy" ]; then
      export LAB_ETCD_CLIENT_PORTS="$((2379 + shift)) $((2381 + shift)) $((2383 + shift))"
      export LAB_ETCD_PEER_PORTS="$((2380 + shift)) $((2382 + shift)) $((2384 + shift))"
      export LAB_PG_PORTS="$((5441 + shift)) $((5442 + shift)) $((5443 + shift))"
      export LAB_API_PORTS="$((8008 + shift)) $((8009 + shift)) $((8010 + shift))"
      export LAB_HAPROXY_PRIMARY_PORT=$((5000 + shift)) LAB_HAPROXY_REPLICA_PORT=$((5001 + shift))
      export LAB_HAPROXY_ANY_PORT=$((5002 + shift)) LAB_HAPROXY_STATS_PORT=$((7000 + shift))
      [ "$shift" -eq 0 ] || echo "run-tests: the lab's default ports are in use; using them + $shift"
      return 0
    fi
    echo "run-tests: port $busy is in use; trying the lab's ports + $((shift + 100))"
  done
  echo "run-tests: no free set of lab ports found" >&2
  return 1
}

own_lab_dir=""
background=""
lab_tests=""
soak=""
cleanup() {
  local rc=$?
  # The background builds and fuzzers run in a process group of their own.
  if [ -n "$background" ] && kill -0 "$background" 2>/dev/null; then kill -- "-$background" 2>/dev/null || true; fi
  if [ -n "$lab_tests" ] && kill -0 "$lab_tests" 2>/dev/null; then kill "$lab_tests" 2>/dev/null || true; fi
  # The soak ends its window and its loops (and a lab of its own, with --own-lab) on SIGTERM.
  if [ -n "$soak" ] && kill -0 "$soak" 2>/dev/null; then kill "$soak" 2>/dev/null || true; wait "$soak" 2>/dev/null || true; fi
  echo "run-tests: stopping the lab"
  if [ -n "$own_lab_dir" ]; then "$LAB" clean || true; else "$LAB" stop || true; fi
  test_env_stop
  echo "run-tests: finished in $(( $(date +%s) - started )) s, exit $rc"
  exit $rc
}
trap cleanup EXIT
trap 'exit 143' TERM INT # cleanup then says so

test_env_start
if [ -z "${LAB_STATE_DIR:-}" ]; then
  # A lab of this run's own: a lab the user keeps running (run-console.sh) is left alone.
  LAB_STATE_DIR="$(mktemp -d /tmp/patroni-console-lab.XXXXXX)"
  export LAB_STATE_DIR
  own_lab_dir=1
  choose_lab_ports
fi
# The lab starts first (healthy in ~10 s); the build is the long part.
"$LAB" start
eval "$("$LAB" env)"

# The pinned formatter: another clang-format version formats differently.
FORMAT=$(command -v clang-format-14 || command -v clang-format || true)
if [ -n "$FORMAT" ]; then
  echo "run-tests: format check ($("$FORMAT" --version))"
  git ls-files '*.cpp' '*.h' | xargs "$FORMAT" --dry-run --Werror
fi

# The lab's Python helper: it must at least compile and have no undefined names or dead imports.
echo "run-tests: lint packaging/lab/labhelper.py"
python3 -m py_compile packaging/lab/labhelper.py
pyflakes3 packaging/lab/labhelper.py
rm -rf packaging/lab/__pycache__

# The lab tests first: what they run is built, they start (they mostly wait on Patroni's clock) and the
# unit tests, benchmarks and fuzz replays compile beside them at a lower priority (nice 10), the fuzzers
# and the Debian package's optimised build at the lowest (nice 19). Nothing a test waits on runs at a
# higher priority than the tests.
phase "build the lab tests (preset $PRESET)"
cmake --preset "$PRESET" >/dev/null
cmake --build --preset "$PRESET" --target lab_tests

# Sanitizer options (LSAN_OPTIONS with tests/lsan.supp among them) come from the test presets.
export CTEST_PARALLEL_LEVEL=1
phase "lab tests, while the rest builds"
lab_log="$ROOT/build/lab-tests.log"
mkdir -p "$ROOT/build"
ctest --preset "$PRESET" -L lab >"$lab_log" 2>&1 &
lab_tests=$!

# At nice 19, beside everything: the fuzzers' build, the Debian package's optimised build, then each
# fuzzer for a short fixed time. It takes only the CPU the tests and the build leave.
background_log="$ROOT/build/background.log"
phase "background: fuzzers' build, package build, fuzzers ($background_log)"
setsid nice -n 19 bash -c 'set -e
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz
  echo "background: fuzzers built after $(( $(date +%s) - '"$started"' )) s"
  cmake --preset package >/dev/null
  cmake --build --preset package
  echo "background: package built after $(( $(date +%s) - '"$started"' )) s"
  tests/fuzz/run-fuzzers.sh --seconds "${FUZZ_SECONDS:-5}"
  echo "background: fuzzers done after $(( $(date +%s) - '"$started"' )) s"' >"$background_log" 2>&1 &
background=$!

build_rc=0
nice -n 10 cmake --build --preset "$PRESET" || build_rc=$?
phase "built everything (exit $build_rc)"

lab_rc=0
wait "$lab_tests" || lab_rc=$?
lab_tests=""
phase "lab tests done (exit $lab_rc)"
cat "$lab_log"

# The soak (tests/soak/soak.sh): the window and `status` for SOAK_MINUTES (5) while random faults of the
# matrix are made on the lab and healed — the lab tests are done with it, the unit tests do not use it.
# It runs beside the unit tests and the background builds; a status run every 15 s (under ASan each
# takes about a second of CPU).
soak_log="$ROOT/build/soak.log"
phase "soak: ${SOAK_MINUTES:-5} minutes on the lab, beside the unit tests ($soak_log)"
bash tests/soak/soak.sh --minutes "${SOAK_MINUTES:-5}" --warmup-minutes 2 --status-every 15 \
  --binary "$ROOT/build/$PRESET/app/patroni-console" --out "$ROOT/build/soak" >"$soak_log" 2>&1 &
soak=$!

unit_rc=0
if [ "$build_rc" -eq 0 ]; then
  phase "unit tests"
  ctest --preset "$PRESET" -LE lab || unit_rc=$?
fi

phase "waiting for the background builds"
background_rc=0
wait "$background" || background_rc=$?
soak_rc=0
wait "$soak" || soak_rc=$?
soak=""
phase "soak done (exit $soak_rc)"
tail -15 "$soak_log"
grep -E "^background:|^[a-z]+ +[0-9?]+ +[0-9?]+ +[0-9]+ |^target " "$background_log" || true
if [ "$background_rc" -ne 0 ]; then
  echo "run-tests: the package build or a fuzzer failed (exit $background_rc); the end of $background_log:" >&2
  tail -40 "$background_log" >&2
fi
[ "$build_rc" -eq 0 ] || { echo "run-tests: the build failed (exit $build_rc)" >&2; exit "$build_rc"; }
[ "$lab_rc" -eq 0 ] || { echo "run-tests: lab tests failed (exit $lab_rc)" >&2; exit "$lab_rc"; }
[ "$unit_rc" -eq 0 ] || { echo "run-tests: unit tests failed (exit $unit_rc)" >&2; exit "$unit_rc"; }
[ "$soak_rc" -eq 0 ] || { echo "run-tests: the soak failed (exit $soak_rc; build/soak/ has its samples and logs)" >&2; exit 1; }
[ "$background_rc" -eq 0 ] || exit "$background_rc"

# The Debian package: validated, installed, and run against the lab (built above).
phase "the Debian package"
bash packaging/build-deb.sh
phase "done"
