#!/usr/bin/env bash
# tests/lab/test_lab.sh — checks packaging/lab/manage-cluster.sh against the running lab cluster.
#
# Assumes the lab was started beforehand (CI runs `manage-cluster.sh start`), with the same
# LAB_* environment as this test, and leaves it healthy: idempotent start, status, the port-busy
# refusal of a second lab, a switchover to a replica, a replica reinit, refusals of bad targets,
# and that packaging/docker/ is what `render-docker` produces from the templates.
# Exit status 0 only if every check passed. Takes ~25 s.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
M="$REPO/packaging/lab/manage-cluster.sh"
PASSED=0
FAILED=0
T_START=${EPOCHREALTIME//[!0-9]/}

pass() { PASSED=$((PASSED + 1)); printf 'ok    %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL  %s\n' "$1"; [[ -z ${2:-} ]] || printf '%s\n' "$2" | sed 's/^/      /'; }
elapsed_ms() { echo $(((${EPOCHREALTIME//[!0-9]/} - $1) / 1000)); }
now_us() { echo "${EPOCHREALTIME//[!0-9]/}"; }

# GET /cluster from the first API that answers, as JSON.
cluster_json() {
  local url
  for url in $LAB_API_URLS; do
    curl -sf --noproxy '*' -m 2 "$url/cluster" && return 0
  done
  return 1
}
# Prints NAME's "role state" in GET /cluster.
member_state() {
  cluster_json | /usr/bin/python3 -c '
import json, sys
for m in json.load(sys.stdin).get("members", []):
    if m.get("name") == sys.argv[1]:
        print(m.get("role"), m.get("state"))' "$1"
}
cluster_leader() {
  cluster_json | /usr/bin/python3 -c '
import json, sys
print(" ".join(m["name"] for m in json.load(sys.stdin).get("members", []) if m.get("role") == "leader"))'
}

eval "$("$M" env)"
read -r -a NODE_NAMES <<<"$LAB_NODES"
read -r -a API <<<"$LAB_API_PORTS"
read -r -a PGP <<<"$LAB_PG_PORTS"
read -r -a ETC <<<"$LAB_ETCD_CLIENT_PORTS"
read -r -a ETP <<<"$LAB_ETCD_PEER_PORTS"

# --- the lab is up ---------------------------------------------------------------------------
if out=$("$M" wait-healthy 30 2>&1); then pass "lab is healthy at the start"; else
  fail "lab is healthy at the start (run '$M start' first)" "$out"
  printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
  exit 1
fi

# --- start is idempotent ----------------------------------------------------------------------
# A no-op is judged by what it did (every recorded PID unchanged), not by how fast it was: under a
# loaded CI machine a quick check can take seconds. The time is printed for information.
lab_pids() { cat "$LAB_STATE_DIR"/run/*.pid 2>/dev/null | sort | paste -sd' ' -; }
pids_before=$(lab_pids)
t0=$(now_us)
if out=$("$M" start 2>&1); then
  ms=$(elapsed_ms "$t0")
  pids_after=$(lab_pids)
  if [[ $out == *"already running"* && -n $pids_before && $pids_before == "$pids_after" ]]; then
    pass "second start is a no-op: every lab process kept its PID (${ms} ms)"
  else
    fail "second start is a no-op" "$out"$'\n'"PIDs before: $pids_before"$'\n'"PIDs after:  $pids_after"
  fi
else
  fail "second start exits 0" "$out"
fi

# --- status ----------------------------------------------------------------------------------
if out=$("$M" status 2>&1); then
  if [[ $out == *HEALTHY* && $out == *patroni1* && $out == *etcd3* && $out == *replicas* ]]; then pass "status exits 0 and shows members, etcd, HAProxy"; else
    fail "status shows members, etcd, HAProxy" "$out"
  fi
else
  fail "status exits 0 on a healthy lab" "$out"
fi

# --- env -------------------------------------------------------------------------------------
if [[ ${#NODE_NAMES[@]} -eq 3 && ${#API[@]} -eq 3 && -n $POSTGRES_PASSWORD && $LAB_HAPROXY_CSV_URL == *";csv" ]] &&
  [[ $(PGPASSWORD=$POSTGRES_PASSWORD PGCONNECT_TIMEOUT=3 psql -X -Atq -h 127.0.0.1 -p "$LAB_HAPROXY_PRIMARY_PORT" \
    -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c 'select pg_is_in_recovery()' 2>&1) == f ]]; then
  pass "env exports work: $POSTGRES_USER reaches the primary through port $LAB_HAPROXY_PRIMARY_PORT"
else
  fail "env exports work" "$("$M" env)"
fi

# --- port-busy refusal -----------------------------------------------------------------------
# A second lab whose ports are the running lab's + 10000, except the first API port, which
# collides with the running lab's patroni1.
shift_ports() { local p out=""; for p in "$@"; do out+="${out:+ }$((p + 10000))"; done; echo "$out"; }
other_dir=$(mktemp -d)
other_api="${API[0]} $((API[1] + 10000)) $((API[2] + 10000))"
read -r -a other_ports <<<"$(shift_ports "${PGP[@]}" "${ETC[@]}" "${ETP[@]}" "${API[1]}" "${API[2]}" \
  "$LAB_HAPROXY_PRIMARY_PORT" "$LAB_HAPROXY_REPLICA_PORT" "$LAB_HAPROXY_ANY_PORT" "$LAB_HAPROXY_STATS_PORT")"
busy_before=""
for p in "${other_ports[@]}"; do [[ -n $(ss -Hltn "sport = :$p") ]] && busy_before+=" $p"; done
rc=0
out=$(env LAB_STATE_DIR="$other_dir" LAB_API_PORTS="$other_api" LAB_PG_PORTS="$(shift_ports "${PGP[@]}")" \
  LAB_ETCD_CLIENT_PORTS="$(shift_ports "${ETC[@]}")" LAB_ETCD_PEER_PORTS="$(shift_ports "${ETP[@]}")" \
  LAB_HAPROXY_PRIMARY_PORT=$((LAB_HAPROXY_PRIMARY_PORT + 10000)) LAB_HAPROXY_REPLICA_PORT=$((LAB_HAPROXY_REPLICA_PORT + 10000)) \
  LAB_HAPROXY_ANY_PORT=$((LAB_HAPROXY_ANY_PORT + 10000)) LAB_HAPROXY_STATS_PORT=$((LAB_HAPROXY_STATS_PORT + 10000)) \
  LAB_START_TIMEOUT=20 "$M" start 2>&1) || rc=$?
if ((rc != 0)) && [[ $out == *"port ${API[0]} "* ]]; then pass "a second lab on a busy port (${API[0]}) refuses, naming the port"; else
  fail "a second lab on a busy port (${API[0]}) refuses, naming the port (rc=$rc)" "$out"
fi
if [[ $(id -u) -eq 0 ]]; then
  if [[ $out == *"pid="*"patroni"* ]]; then pass "the refusal names the process holding the port"; else
    fail "the refusal names the process holding the port" "$out"
  fi
fi
# Judge only what the refused lab could have started: its own state directory and the ports it was
# told to use that were free before it ran. Other programs on the machine may hold ports in these
# ranges (the lab's ports + 10000); they are not the refused lab's doing.
listening=""
for p in "${other_ports[@]}"; do
  [[ " $busy_before " == *" $p "* ]] && continue
  [[ -n $(ss -Hltn "sport = :$p") ]] && listening+=" $p"
done
in_dir=""
for d in /proc/[0-9]*; do
  cmd=$(tr '\0' ' ' <"$d/cmdline" 2>/dev/null) || continue
  cwd=$(readlink "$d/cwd" 2>/dev/null || true)
  [[ $cmd == *"$other_dir"* || $cwd == "$other_dir"* ]] && in_dir+=" ${d#/proc/}"
done
if [[ -z $listening && -z $in_dir && -z $(ls -A "$other_dir") ]]; then
  pass "the refused lab started nothing (no process, no port of its own, no file)"
else
  fail "the refused lab started nothing" \
    "new listeners:${listening:- none}; processes of $other_dir:${in_dir:- none}; files: $(find "$other_dir" -mindepth 1 -printf "%P ")"
fi
rm -rf "$other_dir"

# --- refusals of bad targets -----------------------------------------------------------------
leader=$("$M" leader)
rc=0; out=$("$M" failover "$leader" 2>&1) || rc=$?
if ((rc != 0)) && [[ $out == *"already the leader"* ]]; then pass "failover to the current leader is refused"; else
  fail "failover to the current leader is refused (rc=$rc)" "$out"
fi
rc=0; out=$("$M" failover patroni9 2>&1) || rc=$?
if ((rc != 0)) && [[ $out == *"unknown node"* ]]; then pass "failover to an unknown node is refused"; else
  fail "failover to an unknown node is refused (rc=$rc)" "$out"
fi
rc=0; out=$("$M" reinit "$leader" 2>&1) || rc=$?
if ((rc != 0)) && [[ $out == *leader* ]]; then pass "reinit of the leader is refused"; else
  fail "reinit of the leader is refused (rc=$rc)" "$out"
fi

# --- switchover ------------------------------------------------------------------------------
target=""
for n in "${NODE_NAMES[@]}"; do [[ $n != "$leader" ]] && { target=$n; break; }; done
t0=$(now_us)
rc=0; out=$("$M" failover "$target" 2>&1) || rc=$?
if ((rc == 0)) && [[ $(cluster_leader) == "$target" ]]; then
  pass "failover $leader -> $target: $target leads in GET /cluster ($(elapsed_ms "$t0") ms)"
else
  fail "failover $leader -> $target (rc=$rc, /cluster leader '$(cluster_leader || true)')" "$out"
fi
t0=$(now_us)
if out=$("$M" wait-healthy 40 2>&1); then pass "healthy again after the switchover ($(elapsed_ms "$t0") ms)"; else
  fail "healthy again after the switchover" "$out"
fi

# --- reinit ----------------------------------------------------------------------------------
leader=$(cluster_leader)
replica=""
for n in "${NODE_NAMES[@]}"; do [[ $n != "$leader" ]] && { replica=$n; break; }; done
t0=$(now_us)
rc=0; out=$("$M" reinit "$replica" 2>&1) || rc=$?
state=$(member_state "$replica" || true)
if ((rc == 0)) && [[ $state =~ ^replica\ (running|streaming)$ ]]; then
  pass "reinit $replica: back to '$state' ($(elapsed_ms "$t0") ms)"
else
  fail "reinit $replica (rc=$rc, /cluster says '$state')" "$out"
fi

# --- the committed Docker variant is what the templates render -------------------------------
render_dir=$(mktemp -d)
diffs=""
if out=$("$M" render-docker "$render_dir" 2>&1) &&
  diffs=$(diff -r "$render_dir" "$REPO/packaging/docker" 2>&1); then
  pass "packaging/docker/ is up to date with render-docker"
else
  fail "packaging/docker/ is up to date with render-docker (run: $M render-docker packaging/docker)" "$out${diffs:+$'\n'$diffs}"
fi
rm -rf "$render_dir"

# --- leave it healthy ------------------------------------------------------------------------
if out=$("$M" wait-healthy 40 2>&1); then pass "lab is healthy at the end"; else fail "lab is healthy at the end" "$out"; fi

printf '%d passed, %d failed (%d s)\n' "$PASSED" "$FAILED" $(($(elapsed_ms "$T_START") / 1000))
((FAILED == 0))
