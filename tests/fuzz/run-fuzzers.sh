#!/usr/bin/env bash
# Builds the parsers' libFuzzer targets (preset fuzz: clang-14, -fsanitize=fuzzer,address,undefined) and
# runs each one, starting from its seeds (seeds.txt) and its regressions; prints one line per target.
#   tests/fuzz/run-fuzzers.sh --seconds 20            # CI's smoke run: 20 s per target
#   tests/fuzz/run-fuzzers.sh --runs 10000000 cluster # the long run of one target
#   tests/fuzz/run-fuzzers.sh --runs 10000000 --max-len 2500 haproxy # shorter inputs, 5 times the speed
#   tests/fuzz/run-fuzzers.sh --timeout 60 --runs 10000000 metrics   # beside other work (see below)
#   tests/fuzz/run-fuzzers.sh --fork 1 --timeout 60 --runs 10000000 etcd # a long run: fresh workers
# --fork N: libFuzzer's fork mode, N workers at a time, each a fresh process fuzzing for a while; one
# process slows down over millions of executions, fork mode keeps the speed. A hang or an out-of-memory
# in a worker fails the run here as it does in a single process (-ignore_timeouts=0 -ignore_ooms=0).
# --timeout S (default 10): one input taking S seconds is a hang. libFuzzer measures it by the clock, so
# a fuzzer that gets no CPU for S seconds (a busy machine, SCHED_IDLE, SIGSTOP) reports a false hang.
# A crash leaves its input in build/fuzz/artifacts/<target>/ and fails the run: copy that file into
# tests/fuzz/regressions/<target>/ once it is fixed (the replay tests run it from then on).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

limit=(-max_total_time=20)
maxlen=()
fork=()
timeout=10
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) limit=(-max_total_time="$2"); shift 2 ;;
    --runs) limit=(-runs="$2"); shift 2 ;;
    --max-len) maxlen=(-max_len="$2"); shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --fork) fork=(-fork="$2" -ignore_timeouts=0 -ignore_ooms=0); shift 2 ;;
    -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "run-fuzzers: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all=(cluster patroni history config metrics haproxy etcd watch state)
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

# fuzz_state's seeds: each /cluster capture joined by NUL with one capture of every other source, cycled.
join_state_seeds() {
  local out=$1 i=0 c
  local -a kinds=("patroni/patroni-*" "patroni/history-*" "patroni/config-*" "patroni/metrics-*"
                  "haproxy/stats-*" "etcd/status-*")
  for c in tests/data/patroni/cluster-*; do
    {
      cat "$c"
      for k in "${kinds[@]}"; do
        # shellcheck disable=SC2206
        local -a files=(tests/data/$k)
        printf '\0'
        cat "${files[$((i % ${#files[@]}))]}"
      done
    } >"$out/joined-$(basename "$c")"
    i=$((i + 1))
  done
}

work="$ROOT/build/fuzz"
status=0
printf '%-8s %12s %10s %8s %s\n' target executions "per s" corpus result
for t in "${targets[@]}"; do
  bin="$work/tests/fuzz/fuzz_$t"
  [ -x "$bin" ] || { echo "run-fuzzers: no target $t (one of: ${all[*]})" >&2; exit 2; }
  corpus="$work/corpus/$t"
  artifacts="$work/artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  # The seeds and every regression join the corpus (a corpus kept from an earlier run is added to).
  read -r -a globs <<<"$(awk -v t="$t" '$1 == t { $1 = ""; print }' tests/fuzz/seeds.txt)"
  for g in "${globs[@]}"; do
    for f in tests/data/$g; do cp -f "$f" "$corpus/"; done
  done
  find "tests/fuzz/regressions/$t" -type f ! -name '.*' -exec cp -f {} "$corpus/" \;
  if [ "$t" = state ]; then join_state_seeds "$corpus"; fi
  log="$work/fuzz_$t.log"
  dict=()
  case $t in
    haproxy | metrics) ;;
    *) dict=(-dict="$ROOT/tests/fuzz/json.dict") ;;
  esac
  rc=0
  # -timeout: one input taking that long is a hang; -rss_limit_mb: a parser must not balloon on one body.
  "$bin" "${limit[@]}" -timeout="$timeout" -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}" "${maxlen[@]}" "${fork[@]}" \
    -artifact_prefix="$artifacts" "$corpus" >"$log" 2>&1 || rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  if [ ${#fork[@]} -gt 0 ]; then
    # The fork mode's parent prints no final stats; its last progress line has the totals (its exec/s is
    # the last worker's alone, so the mean is worked out from the time):
    # "#10247109: cov: 3617 ft: 4327 corp: 512 exec/s 4218 oom/timeout/crash: 0/0/0 time: 2404s job: 67 ..."
    last=$(grep -E '^#[0-9]+: cov: ' "$log" | tail -1 || true)
    runs=$(sed -nE 's/^#([0-9]+): .*/\1/p' <<<"$last")
    seconds=$(sed -nE 's/.* time: ([0-9]+)s.*/\1/p' <<<"$last")
    speed=""
    [ -n "$runs" ] && [ "${seconds:-0}" -gt 0 ] && speed=$((runs / seconds))
  fi
  size=$(find "$corpus" -type f | wc -l)
  if [ "$rc" -eq 0 ]; then
    result=ok
  else
    result="FAILED (exit $rc; $log; input in $artifacts)"
    status=1
    grep -E "ERROR|SUMMARY|invariant|runtime error" "$log" | head -5 >&2 || true
  fi
  printf '%-8s %12s %10s %8s %s\n' "$t" "${runs:-?}" "${speed:-?}" "$size" "$result"
done
exit $status
