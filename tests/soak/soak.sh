#!/usr/bin/env bash
# The soak: the window and `patroni-console status` in a loop against a lab cluster for a given time,
# while faults of the fault matrix (tst_lab_faults) are made at random and healed. The window's RSS,
# open file descriptors, threads and CPU are sampled every second. It fails on a crash (the window
# gone, a status run killed by a signal or reporting a sanitizer error), on a file descriptor or thread
# count that keeps rising, on RSS growing more than 5 % from the end of the warm-up to the end, or on a
# window that does not close cleanly (exit 0 within a minute) when SIGTERM ends the soak.
#
#   tests/soak/soak.sh --minutes 60                     # against the running lab of LAB_STATE_DIR/LAB_*
#   tests/soak/soak.sh --minutes 5 --warmup-minutes 2 --status-every 15   # what CI runs (run-tests.sh)
#   tests/soak/soak.sh --minutes 5 --own-lab     # a lab of its own on free ports, deleted at the end
#
# Options: --binary PATH (default: build/release/app/patroni-console if built, else build/ci/…),
#   --status-every S (default 5: a `status` run every S seconds),
#   --out DIR (default build/soak), --seed N (the order of the faults), --warmup-minutes N (default 5:
#   RSS, fds and threads are compared from then on), --own-lab (start a lab on the first free set of
#   the lab's ports shifted by 100, 200, …; stopped and deleted at the end).
# Needs an X display (DISPLAY; run-tests.sh's Xvfb) — or QT_QPA_PLATFORM=offscreen.
# Writes to OUT: samples.csv (second, rss_kb, fds, threads, cpu_percent), faults.log, status.log,
# window.log, summary.txt (what is printed at the end). Exit 0 passed, 1 failed, 2 could not run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
LAB="$ROOT/packaging/lab/manage-cluster.sh"

minutes=5 warmup=5 out="$ROOT/build/soak" seed=$$ own_lab=0 binary="" status_every=5
while [ $# -gt 0 ]; do
  case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --warmup-minutes) warmup=$2; shift 2 ;;
    --binary) binary=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --status-every) status_every=$2; shift 2 ;;
    --own-lab) own_lab=1; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "soak: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$binary" ]; then
  for b in build/release/app/patroni-console build/ci/app/patroni-console; do
    [ -x "$b" ] && { binary=$ROOT/$b; break; }
  done
fi
[ -x "$binary" ] || { echo "soak: no patroni-console binary (build one, or give --binary)" >&2; exit 2; }
[ "$warmup" -lt "$minutes" ] || { echo "soak: --warmup-minutes must be less than --minutes" >&2; exit 2; }
[ -n "${DISPLAY:-}" ] || [ "${QT_QPA_PLATFORM:-}" = offscreen ] ||
  { echo "soak: no DISPLAY (start Xvfb, or set QT_QPA_PLATFORM=offscreen)" >&2; exit 2; }
RANDOM=$seed

rm -rf "$out"
mkdir -p "$out/home"
log() { echo "soak: [$(( $(date +%s) - t0 )) s] $*" | tee -a "$out/faults.log"; }
t0=$(date +%s)

pids=()
own_lab_dir=""
finish() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$own_lab_dir" ]; then LAB_STATE_DIR=$own_lab_dir "$LAB" clean >/dev/null 2>&1 || true; fi
}
trap finish EXIT
trap 'exit 143' TERM INT

if [ "$own_lab" -eq 1 ]; then
  # The lab's ports shifted by the first multiple of 100 where none is in use (the test run's own lab
  # keeps the default ones).
  defaults=(2379 2381 2383 2380 2382 2384 5441 5442 5443 8008 8009 8010 5000 5001 5002 7000)
  found=""
  for shift in $(seq 100 100 3000); do
    busy=0
    for p in "${defaults[@]}"; do
      if [ -n "$(ss -Hltn "sport = :$((p + shift))" 2>/dev/null)" ]; then busy=1; break; fi
    done
    [ "$busy" -eq 0 ] && { found=$shift; break; }
  done
  [ -n "$found" ] || { echo "soak: no free set of lab ports" >&2; exit 2; }
  own_lab_dir=$(mktemp -d /tmp/patroni-console-soak.XXXXXX)
  export LAB_STATE_DIR=$own_lab_dir LAB_ETCD_TOKEN=patroni-console-soak
  export LAB_ETCD_CLIENT_PORTS="$((2379 + found)) $((2381 + found)) $((2383 + found))"
  export LAB_ETCD_PEER_PORTS="$((2380 + found)) $((2382 + found)) $((2384 + found))"
  export LAB_PG_PORTS="$((5441 + found)) $((5442 + found)) $((5443 + found))"
  export LAB_API_PORTS="$((8008 + found)) $((8009 + found)) $((8010 + found))"
  export LAB_HAPROXY_PRIMARY_PORT=$((5000 + found)) LAB_HAPROXY_REPLICA_PORT=$((5001 + found))
  export LAB_HAPROXY_ANY_PORT=$((5002 + found)) LAB_HAPROXY_STATS_PORT=$((7000 + found))
  log "starting a lab of its own in $own_lab_dir (the lab's ports + $found)"
  "$LAB" start >>"$out/faults.log" 2>&1 || { tail -30 "$out/faults.log" >&2; exit 2; }
fi
"$LAB" wait-healthy 120 >/dev/null || { echo "soak: the lab is not healthy" >&2; exit 2; }
eval "$("$LAB" env)"

# The console sees only the lab: settings, journal and audit log in a directory of this run; the
# passwords from the environment (the REST API's is checked every 5 minutes, and by `status` each run).
export HOME=$out/home XDG_CONFIG_HOME=$out/home/config XDG_DATA_HOME=$out/home/data \
  XDG_STATE_HOME=$out/home/state XDG_CACHE_HOME=$out/home/cache
export PATRONI_CONSOLE_POSTGRES_PASSWORD=$POSTGRES_SUPERUSER_PASSWORD
export PATRONI_CONSOLE_PATRONI_API_PASSWORD=$PATRONI_API_PASSWORD
# Under ASan: leaks are not this script's question, and a small quarantine keeps RSS meaningful (freed
# memory is reused soon instead of after 256 MB).
export ASAN_OPTIONS="detect_leaks=0:quarantine_size_mb=4:${ASAN_OPTIONS:-}"

"$binary" --profile lab --label "soak" >"$out/window.log" 2>&1 &
window=$!
pids+=("$window")
log "window pid $window ($binary), $minutes min, warm-up $warmup min, seed $seed"

# Every second: the window's RSS, fds, threads and CPU (utime + stime ticks since the last sample).
sampler() {
  local hz t=0 last="" rss threads fds ticks cpu
  hz=$(getconf CLK_TCK)
  echo "second,rss_kb,fds,threads,cpu_percent" >"$out/samples.csv"
  while kill -0 "$window" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$window/status" 2>/dev/null) || break
    threads=$(awk '/^Threads:/ {print $2}' "/proc/$window/status" 2>/dev/null) || break
    fds=$(find "/proc/$window/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
    ticks=$(awk '{print $14 + $15}' "/proc/$window/stat" 2>/dev/null) || break
    cpu=0
    [ -n "$last" ] && cpu=$(( (ticks - last) * 100 / hz ))
    last=$ticks
    echo "$t,$rss,$fds,$threads,$cpu" >>"$out/samples.csv"
    t=$((t + 1))
    sleep 1
  done
}
sampler &
pids+=($!)

# `status` every $status_every s: a normal answer exits 0 (read) or 1 (Patroni could not be read — during a fault);
# a signal, another code or a sanitizer's report is a crash.
status_loop() {
  local n=0 rc start
  while :; do
    n=$((n + 1))
    start=$(date +%s%N)
    rc=0
    "$binary" status --profile lab --format json >"$out/status-last.json" 2>"$out/status-last.err" || rc=$?
    echo "$(( $(date +%s) - t0 )) $n $rc $(( ($(date +%s%N) - start) / 1000000 ))" >>"$out/status.log"
    if [ "$rc" -gt 1 ] || grep -qE "Sanitizer|runtime error:" "$out/status-last.err"; then
      cp "$out/status-last.err" "$out/status-crash-$n.err"
    fi
    sleep "$status_every"
  done
}
status_loop &
pids+=($!)

leader() { "$LAB" leader 2>/dev/null || true; }
a_replica() {
  local l n
  l=$(leader)
  local -a r=()
  for n in patroni1 patroni2 patroni3; do [ "$n" = "$l" ] || r+=("$n"); done
  echo "${r[$((RANDOM % ${#r[@]}))]}"
}
lab() { "$LAB" "$@" >>"$out/faults.log" 2>&1 || log "(lab verb '$*' failed)"; }
hold() { sleep $((5 + RANDOM % 11)); } # 5..15 s

# One fault of the matrix, made, held and healed.
fault() {
  local r l
  case $((RANDOM % 12)) in
    0) r=$(a_replica); log "fault: kill $r (SIGKILL)"; lab kill-node "$r"; hold; lab start-node "$r" ;;
    1) l=$(leader); log "fault: kill the leader $l"; lab kill-node "$l"; sleep 20; lab start-node "$l" ;;
    2) r=$(a_replica); log "fault: stop $r"; lab stop-node "$r"; hold; lab start-node "$r" ;;
    3) r=$(a_replica); log "fault: freeze $r's Patroni"; lab freeze-node "$r"; hold; lab thaw-node "$r" ;;
    # Thawed before its leader key expires (ttl 15 s).
    4) l=$(leader); log "fault: freeze the leader $l's Patroni"; lab freeze-node "$l"; sleep $((3 + RANDOM % 6)); lab thaw-node "$l" ;;
    5) r=$(a_replica); log "fault: stop $r's PostgreSQL under Patroni"; lab stop-postgres "$r"; hold ;;
    6) r=etcd$((1 + RANDOM % 3)); log "fault: stop $r"; lab stop-etcd "$r"; hold; lab start-etcd "$r" ;;
    7) log "fault: etcd quorum lost (etcd2, etcd3)"; lab stop-etcd etcd2; lab stop-etcd etcd3; hold
       lab start-etcd etcd2; lab start-etcd etcd3 ;;
    8) log "fault: stop HAProxy"; lab stop-haproxy; hold; lab start-haproxy ;;
    9) r=$(a_replica); log "fault: $r in maintenance in HAProxy's replicas"; lab haproxy-server replicas "$r" maint; hold
       lab haproxy-server replicas "$r" ready ;;
    10) r=$(a_replica); log "fault: switchover to $r"; lab failover "$r" ;;
    11) log "fault: the REST API password changed"; lab api-password "soak-$RANDOM"; hold; lab api-password ;;
  esac
  # Whatever is still down comes back; then the cluster must settle before the next fault.
  lab start
  if ! "$LAB" wait-healthy 180 >>"$out/faults.log" 2>&1; then
    log "the lab did not heal within 180 s"
    return 1
  fi
}

end=$((t0 + minutes * 60))
faults=0 lab_failed=0
sleep 20 # the window's first rounds, calm
while [ "$(date +%s)" -lt $((end - 30)) ] && kill -0 "$window" 2>/dev/null; do
  fault || { lab_failed=1; break; }
  faults=$((faults + 1))
  sleep $((5 + RANDOM % 11))
done
while [ "$(date +%s)" -lt "$end" ] && kill -0 "$window" 2>/dev/null; do sleep 1; done

window_alive=1
kill -0 "$window" 2>/dev/null || window_alive=0
window_rc="" quit_rc=""
if [ "$window_alive" -eq 1 ]; then
  # After the chaos, SIGTERM must close the window as its close button does: exit 0 within a minute.
  kill -TERM "$window"
  for _ in $(seq 600); do kill -0 "$window" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$window" 2>/dev/null; then
    quit_rc=hung
    kill -KILL "$window" 2>/dev/null || true
  fi
  wait "$window" && quit_rc=${quit_rc:-0} || quit_rc=${quit_rc:-$?}
  log "window quit on SIGTERM: exit $quit_rc"
else
  wait "$window" && window_rc=0 || window_rc=$?
fi
sleep 1
for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
wait 2>/dev/null || true
pids=()

set +e
python3 - "$out" "$warmup" "$window_alive" "${window_rc:-}" "$faults" "$lab_failed" "$minutes" "${quit_rc:-}" <<'PY' | tee "$out/summary.txt"
import csv, glob, os, statistics, sys
out, warmup, alive, window_rc, faults, lab_failed, minutes, quit_rc = sys.argv[1:]
warmup, faults, minutes = int(warmup) * 60, int(faults), int(minutes)
rows = [r for r in csv.DictReader(open(os.path.join(out, "samples.csv")))]
s = [{k: int(v) for k, v in r.items()} for r in rows if all(v not in ("", None) for v in r.values())]
failed = []
if alive != "1":
    failed.append(f"the window exited during the soak (exit {window_rc or '?'}); see window.log")
elif quit_rc != "0":
    failed.append(f"the window did not quit cleanly on SIGTERM (exit {quit_rc or '?'}); see window.log")
status = [l.split() for l in open(os.path.join(out, "status.log"))] if os.path.exists(os.path.join(out, "status.log")) else []
crashes = sorted(glob.glob(os.path.join(out, "status-crash-*.err")))
if crashes:
    failed.append(f"{len(crashes)} status run(s) crashed or reported a sanitizer error: {', '.join(map(os.path.basename, crashes[:5]))}")
if lab_failed == "1":
    failed.append("the lab did not heal after a fault (see faults.log): the soak ended early")
after = [r for r in s if r["second"] >= warmup]
def median(key, rs):
    return statistics.median(r[key] for r in rs) if rs else 0
print(f"soak: {len(s)} samples, {faults} faults, {len(status)} status runs "
      f"(exit codes {dict(sorted(__import__('collections').Counter(x[2] for x in status).items()))})")
if len(after) >= 120:
    first = [r for r in after if r["second"] < warmup + 60]
    last = after[-60:]
    rss0, rss1 = median("rss_kb", first), median("rss_kb", last)
    growth = (rss1 - rss0) / rss0 * 100 if rss0 else 0
    print(f"RSS: {rss0 / 1024:.1f} MiB after the warm-up, {rss1 / 1024:.1f} MiB at the end ({growth:+.1f} %), "
          f"max {max(r['rss_kb'] for r in s) / 1024:.1f} MiB")
    if growth > 5:
        failed.append(f"RSS grew {growth:.1f} % after the warm-up (over 5 %)")
    third = max(len(after) // 3, 1)
    for key, slack in (("fds", 4), ("threads", 2)):
        a, b = median(key, after[:third]), median(key, after[-third:])
        print(f"{key}: median {a:g} in the first third after the warm-up, {b:g} in the last "
              f"(min {min(r[key] for r in s)}, max {max(r[key] for r in s)})")
        if b - a > slack:
            failed.append(f"{key} kept rising: median {a:g} → {b:g} (more than {slack})")
else:
    failed.append(f"too few samples after the warm-up ({len(after)}) to judge growth")
cpu = [r["cpu_percent"] for r in s[1:]]
if cpu:
    print(f"CPU: mean {statistics.mean(cpu):.1f} %, max {max(cpu)} % of one core")
if status:
    ms = sorted(int(x[3]) for x in status)
    print(f"status: median {ms[len(ms) // 2]} ms, max {ms[-1]} ms per run")
print("soak: " + ("FAILED: " + "; ".join(failed) if failed else "passed"))
sys.exit(1 if failed else 0)
PY
rc=$?
exit $rc
