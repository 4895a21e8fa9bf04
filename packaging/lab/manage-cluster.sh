#!/usr/bin/env bash
# manage-cluster.sh — the Patroni Console lab cluster, natively on 127.0.0.1.
#
# Reproduces the reference PostgreSQL HA cluster (3 etcd members, 3 Patroni/PostgreSQL 15 nodes
# patroni1..patroni3, HAProxy) with the Debian 12 packages patroni, etcd-server, haproxy and
# postgresql-15, without Docker. Everything lives in one state directory; every process the lab
# starts is recorded there, and only those processes are ever signalled.
#
# Settings (environment variables; defaults in brackets). The values used by the first `start` of a
# state directory are recorded in $LAB_STATE_DIR/lab.env and stay authoritative for it:
#   LAB_STATE_DIR                  [/tmp/patroni-console-lab]
#   LAB_SCOPE                      [enterprise-email]      Patroni scope (cluster name)
#   LAB_ETCD_TOKEN                 [patroni-console-lab]   etcd initial cluster token
#   LAB_API_PORTS                  ["8008 8009 8010"]      Patroni REST API of patroni1..3
#   LAB_PG_PORTS                   ["5441 5442 5443"]      PostgreSQL of patroni1..3
#   LAB_ETCD_CLIENT_PORTS          ["2379 2381 2383"]      etcd1..3 client URLs
#   LAB_ETCD_PEER_PORTS            ["2380 2382 2384"]      etcd1..3 peer URLs
#   LAB_HAPROXY_PRIMARY_PORT       [5000]                  read/write, the leader only
#   LAB_HAPROXY_REPLICA_PORT       [5001]                  read-only, running replicas
#   LAB_HAPROXY_ANY_PORT           [5002]                  any running node
#   LAB_HAPROXY_STATS_PORT         [7000]                  stats page; CSV at /;csv
#   PATRONI_API_USER               [patroni]               basic auth of unsafe REST methods
#   PATRONI_API_PASSWORD           [patroni_api_password]
#   POSTGRES_SUPERUSER_PASSWORD    [superuser_password]    role postgres
#   POSTGRES_REPLICATION_PASSWORD  [replicator_password]   role replicator
#   POSTGRES_PASSWORD              [app_password]          role email_app (owns enterprise_email)
#   POSTGRES_READONLY_PASSWORD     [readonly_password]     role email_readonly
# Not recorded:
#   LAB_START_TIMEOUT              [60]   seconds `start` (and `wait-healthy`) wait for health
#   LAB_ACTION_TIMEOUT             [60]   seconds failover/reinit/start-node wait for their outcome
#
# Run `manage-cluster.sh help` for the verbs.
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly LAB_DIR
readonly TEMPLATE_DIR="$LAB_DIR/templates"
readonly PG_BIN_DIR=/usr/lib/postgresql/15/bin
readonly PYTHON=/usr/bin/python3
readonly NODES=(patroni1 patroni2 patroni3)
readonly ETCDS=(etcd1 etcd2 etcd3)
readonly RUN_AS_USER=postgres

# Settings recorded per state directory, with their defaults.
readonly SETTING_NAMES=(
  LAB_SCOPE LAB_ETCD_TOKEN LAB_API_PORTS LAB_PG_PORTS LAB_ETCD_CLIENT_PORTS LAB_ETCD_PEER_PORTS
  LAB_HAPROXY_PRIMARY_PORT LAB_HAPROXY_REPLICA_PORT LAB_HAPROXY_ANY_PORT LAB_HAPROXY_STATS_PORT
  PATRONI_API_USER PATRONI_API_PASSWORD
  POSTGRES_SUPERUSER_PASSWORD POSTGRES_REPLICATION_PASSWORD POSTGRES_PASSWORD POSTGRES_READONLY_PASSWORD
)
declare -rA SETTING_DEFAULTS=(
  [LAB_SCOPE]=enterprise-email
  [LAB_ETCD_TOKEN]=patroni-console-lab
  [LAB_API_PORTS]="8008 8009 8010"
  [LAB_PG_PORTS]="5441 5442 5443"
  [LAB_ETCD_CLIENT_PORTS]="2379 2381 2383"
  [LAB_ETCD_PEER_PORTS]="2380 2382 2384"
  [LAB_HAPROXY_PRIMARY_PORT]=5000
  [LAB_HAPROXY_REPLICA_PORT]=5001
  [LAB_HAPROXY_ANY_PORT]=5002
  [LAB_HAPROXY_STATS_PORT]=7000
  [PATRONI_API_USER]=patroni
  [PATRONI_API_PASSWORD]=patroni_api_password
  [POSTGRES_SUPERUSER_PASSWORD]=superuser_password
  [POSTGRES_REPLICATION_PASSWORD]=replicator_password
  [POSTGRES_PASSWORD]=app_password
  [POSTGRES_READONLY_PASSWORD]=readonly_password
)

# ---------------------------------------------------------------------------------------------
# small helpers

die() { printf 'manage-cluster: %s\n' "$*" >&2; exit 1; }
say() { printf '%s\n' "$*"; }
warn() { printf 'manage-cluster: warning: %s\n' "$*" >&2; }
# Time in microseconds (EPOCHREALTIME without its locale-dependent radix character).
now() { printf '%s' "${EPOCHREALTIME//[!0-9]/}"; }
deadline_in() { echo $(($(now) + $1 * 1000000)); } # SECONDS from now, as a now() value
past() { (($(now) >= $1)); }                          # DEADLINE
elapsed_since() { # T0 -> seconds with one decimal
  local d=$(($(now) - $1))
  printf '%d.%d' $((d / 1000000)) $((d % 1000000 / 100000))
}
# Single-quotes a value for a shell `export` line.
shell_quote() { local q="'\\''"; printf "'%s'" "${1//\'/$q}"; }
# Escapes a value for a single-quoted YAML scalar.
yaml_squote() { printf '%s' "${1//\'/\'\'}"; }

node_index() { # NAME -> 0..2, or fails
  local i
  for i in "${!NODES[@]}"; do [[ ${NODES[$i]} == "$1" ]] && { echo "$i"; return 0; }; done
  return 1
}
require_node() {
  [[ -n ${1:-} ]] || die "which node? one of: ${NODES[*]}"
  node_index "$1" >/dev/null || die "unknown node '$1'; the lab's nodes are: ${NODES[*]}"
}

# ---------------------------------------------------------------------------------------------
# settings

load_settings() {
  LAB_STATE_DIR=${LAB_STATE_DIR:-/tmp/patroni-console-lab}
  [[ $LAB_STATE_DIR == /* ]] || die "LAB_STATE_DIR must be an absolute path (got '$LAB_STATE_DIR')"
  [[ $LAB_STATE_DIR =~ ^[A-Za-z0-9/._+-]+$ ]] ||
    die "LAB_STATE_DIR may only contain letters, digits and / . _ + - (it ends up in YAML and in command lines)"
  LAB_STATE_DIR=${LAB_STATE_DIR%/}
  LAB_START_TIMEOUT=${LAB_START_TIMEOUT:-60}
  LAB_ACTION_TIMEOUT=${LAB_ACTION_TIMEOUT:-60}
  [[ $LAB_START_TIMEOUT =~ ^[0-9]+$ ]] || die "LAB_START_TIMEOUT must be a number of seconds"
  [[ $LAB_ACTION_TIMEOUT =~ ^[0-9]+$ ]] || die "LAB_ACTION_TIMEOUT must be a number of seconds"

  RUN_DIR=$LAB_STATE_DIR/run
  SETTINGS_FILE=$LAB_STATE_DIR/lab.env

  # Recorded values fill in what the environment leaves unset; differences are remembered.
  declare -gA RECORDED=() FROM_ENV=()
  SETTINGS_CONFLICTS=()
  if [[ -f $SETTINGS_FILE ]]; then
    [[ -r $SETTINGS_FILE ]] || die "cannot read $SETTINGS_FILE: this lab was started by another user (run as $(stat -c %U "$SETTINGS_FILE"))"
    local line name value
    while IFS= read -r line || [[ -n $line ]]; do
      [[ $line == \#* || $line != *=* ]] && continue
      name=${line%%=*} value=${line#*=}
      [[ -v SETTING_DEFAULTS[$name] ]] && RECORDED[$name]=$value
    done <"$SETTINGS_FILE"
  fi
  local n
  for n in "${SETTING_NAMES[@]}"; do
    if [[ -v RECORDED[$n] ]]; then
      if [[ -n ${!n+x} && ${!n} != "${RECORDED[$n]}" ]]; then
        SETTINGS_CONFLICTS+=("$n")
        FROM_ENV[$n]=${!n}
      fi
      printf -v "$n" '%s' "${RECORDED[$n]}"
    elif [[ -z ${!n:-} ]]; then
      printf -v "$n" '%s' "${SETTING_DEFAULTS[$n]}"
    fi
  done

  read -r -a API_PORTS <<<"$LAB_API_PORTS"
  read -r -a PG_PORTS <<<"$LAB_PG_PORTS"
  read -r -a ETCD_CLIENT_PORTS <<<"$LAB_ETCD_CLIENT_PORTS"
  read -r -a ETCD_PEER_PORTS <<<"$LAB_ETCD_PEER_PORTS"
  local list
  for list in LAB_API_PORTS LAB_PG_PORTS LAB_ETCD_CLIENT_PORTS LAB_ETCD_PEER_PORTS; do
    local -a ports
    read -r -a ports <<<"${!list}"
    [[ ${#ports[@]} -eq 3 ]] || die "$list must list exactly 3 ports (got '${!list}')"
  done
  ALL_PORTS=("${ETCD_CLIENT_PORTS[@]}" "${ETCD_PEER_PORTS[@]}" "${PG_PORTS[@]}" "${API_PORTS[@]}"
    "$LAB_HAPROXY_PRIMARY_PORT" "$LAB_HAPROXY_REPLICA_PORT" "$LAB_HAPROXY_ANY_PORT" "$LAB_HAPROXY_STATS_PORT")
  local p
  declare -A seen=()
  for p in "${ALL_PORTS[@]}"; do
    if ! [[ $p =~ ^[0-9]+$ ]] || ((p < 1 || p > 65535)); then die "'$p' is not a valid port number"; fi
    [[ -z ${seen[$p]:-} ]] || die "port $p is configured twice"
    seen[$p]=1
  done
  [[ $LAB_SCOPE =~ ^[A-Za-z0-9._-]+$ ]] || die "LAB_SCOPE may only contain letters, digits and . _ -"
  [[ $LAB_ETCD_TOKEN =~ ^[A-Za-z0-9._-]+$ ]] || die "LAB_ETCD_TOKEN may only contain letters, digits and . _ -"
  [[ $PATRONI_API_USER =~ ^[A-Za-z0-9._-]+$ ]] || die "PATRONI_API_USER may only contain letters, digits and . _ -"
  for n in PATRONI_API_PASSWORD POSTGRES_SUPERUSER_PASSWORD POSTGRES_REPLICATION_PASSWORD POSTGRES_PASSWORD \
    POSTGRES_READONLY_PASSWORD; do
    [[ -n ${!n} && ${!n} != *$'\n'* ]] || die "$n must be a non-empty single line"
  done

  if [[ $(id -u) -eq 0 ]]; then AS_ROOT=1; else AS_ROOT=0; fi
}

report_settings_conflicts() { # LEVEL: die|warn
  [[ ${#SETTINGS_CONFLICTS[@]} -eq 0 ]] && return 0
  local n msg="this state directory ($LAB_STATE_DIR) was started with other settings than the environment gives:"
  for n in "${SETTINGS_CONFLICTS[@]}"; do msg+=$'\n'"  $n: recorded '${RECORDED[$n]}', environment '${FROM_ENV[$n]}'"; done
  if [[ $1 == die ]]; then
    die "$msg"$'\n'"unset them, or run 'manage-cluster.sh clean' first, or use another LAB_STATE_DIR"
  fi
  warn "$msg"$'\n'"using the recorded values"
  # Recorded values were applied by load_settings already.
}

write_settings() {
  local n tmp=$SETTINGS_FILE.tmp
  {
    say "# Settings of this lab state directory, recorded by manage-cluster.sh start. Do not edit;"
    say "# run 'manage-cluster.sh clean' to start over with other settings."
    for n in "${SETTING_NAMES[@]}"; do printf '%s=%s\n' "$n" "${!n}"; done
  } >"$tmp"
  chmod 600 "$tmp"
  mv "$tmp" "$SETTINGS_FILE"
}

# ---------------------------------------------------------------------------------------------
# paths, processes and ports

etcd_dir() { echo "$LAB_STATE_DIR/$1"; }
node_dir() { echo "$LAB_STATE_DIR/$1"; }
node_data() { echo "$LAB_STATE_DIR/$1/data"; }
node_cfg() { echo "$LAB_STATE_DIR/$1/patroni.yml"; }
haproxy_dir() { echo "$LAB_STATE_DIR/haproxy"; }
pid_file() { echo "$RUN_DIR/$1.pid"; }

log_files() { # COMPONENT -> its log files
  case $1 in
    etcd*) echo "$(etcd_dir "$1")/etcd.log" ;;
    patroni*) echo "$(node_dir "$1")/patroni.log" "$(node_dir "$1")/postgresql.log" ;;
    haproxy) echo "$(haproxy_dir)/haproxy.log" ;;
  esac
}

# A string that must appear in the command line of COMPONENT's process, so a recycled PID is
# never mistaken for ours.
cmdline_marker() {
  case $1 in
    etcd*) echo "$(etcd_dir "$1")/data" ;;
    patroni*) node_cfg "$1" ;;
    haproxy) echo "$(haproxy_dir)/haproxy.cfg" ;;
  esac
}

pid_matches() { # PID MARKER
  local cmd
  [[ $1 =~ ^[0-9]+$ && -r /proc/$1/cmdline ]] || return 1
  cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
  [[ -n $cmd && $cmd == *"$2"* ]]
}

# Prints the PID of COMPONENT (etcdN, patroniN, haproxy) if our recorded process is alive.
component_pid() {
  local f pid
  f=$(pid_file "$1")
  [[ -s $f ]] || return 1
  pid=$(<"$f")
  pid_matches "$pid" "$(cmdline_marker "$1")" || return 1
  echo "$pid"
}

# Prints the PID of NODE's postmaster if it is alive (from postmaster.pid of our own data dir).
postmaster_pid() {
  local data pid
  data=$(node_data "$1")
  [[ -r $data/postmaster.pid ]] || return 1
  pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null) || return 1
  pid_matches "$pid" "$data" || return 1
  echo "$pid"
}

our_pids() { # every live PID this state dir accounts for
  local c
  for c in "${ETCDS[@]}" "${NODES[@]}" haproxy; do component_pid "$c" || true; done
  for c in "${NODES[@]}"; do postmaster_pid "$c" || true; done
}

# Processes of this lab still alive: PostgreSQL processes (their working directory is a node's data
# directory) and anything running one of our daemons' command lines. Used to verify, never to
# choose what to kill.
stragglers() {
  local d pid cwd cmd c
  local -a markers=()
  for c in "${ETCDS[@]}" "${NODES[@]}" haproxy; do markers+=("$(cmdline_marker "$c")"); done
  for d in /proc/[0-9]*; do
    pid=${d#/proc/}
    [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
    cmd=$(tr '\0' ' ' <"$d/cmdline" 2>/dev/null) || continue
    [[ -n $cmd ]] || continue
    cwd=$(readlink "$d/cwd" 2>/dev/null || true)
    if [[ $cwd == "$LAB_STATE_DIR"/patroni[123]/data* ]]; then
      printf '%s %s\n' "$pid" "${cmd:0:100}"
      continue
    fi
    case ${cmd%% *} in
      etcd | */etcd | haproxy | */haproxy | */python3* | python3* | */patroni | patroni | setpriv | env | sh) ;;
      *) continue ;;
    esac
    for c in "${markers[@]}"; do
      if [[ $cmd == *"$c"* ]]; then
        printf '%s %s\n' "$pid" "${cmd:0:100}"
        break
      fi
    done
  done
  return 0
}

port_listening() { [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]; }
port_holders() { # PORT -> "pid=N (name)" items that ss can tell
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(.*)' | grep -o '"[^"]*",pid=[0-9]*' |
    sed -E 's/"([^"]*)",pid=([0-9]+)/pid=\2 (\1)/' | sort -u | paste -sd, - || true
}
port_holder_pids() { ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u || true; }

# COMPONENT whose process should hold PORT.
port_owner() {
  local p=$1 i
  for i in 0 1 2; do
    [[ $p == "${ETCD_CLIENT_PORTS[$i]}" || $p == "${ETCD_PEER_PORTS[$i]}" ]] && { echo "${ETCDS[$i]}"; return; }
    [[ $p == "${API_PORTS[$i]}" ]] && { echo "${NODES[$i]}"; return; }
    [[ $p == "${PG_PORTS[$i]}" ]] && { echo "postgres:${NODES[$i]}"; return; }
  done
  echo haproxy
}

# Refuses (exit 1) when one of PORTS is listening and not held by a process of this lab. Looks
# again a few times first: a PostgreSQL that Patroni is restarting listens a moment before its
# postmaster.pid names it.
check_ports_free() {
  local attempt
  for attempt in 1 2 3 4; do
    BUSY_PORTS=()
    find_busy_ports "$@"
    [[ ${#BUSY_PORTS[@]} -eq 0 ]] && return 0
    ((attempt < 4)) && sleep 0.5
  done
  printf 'manage-cluster: refusing to start, a port the lab needs is busy:\n' >&2
  printf '  %s\n' "${BUSY_PORTS[@]}" >&2
  printf 'Stop whatever holds it, or choose other ports (LAB_*_PORT[S], see help). Nothing was started.\n' >&2
  exit 1
}

find_busy_ports() { # PORT... -> BUSY_PORTS
  local -a mine
  mapfile -t mine < <(our_pids)
  local p owner pids holder ok
  for p in "$@"; do
    port_listening "$p" || continue
    owner=$(port_owner "$p")
    pids=$(port_holder_pids "$p")
    ok=0
    if [[ -n $pids ]]; then
      ok=1
      for holder in $pids; do
        [[ " ${mine[*]} " == *" $holder "* ]] && continue
        # A postmaster of our own data directory that postmaster.pid does not name yet.
        [[ $owner == postgres:* ]] && pid_matches "$holder" "$(node_data "${owner#postgres:}")" && continue
        ok=0
      done
    else
      # ss cannot name the holder (another user's process): accept it only if our component for
      # this port is alive.
      case $owner in
        postgres:*)
          if postmaster_pid "${owner#postgres:}" >/dev/null || component_pid "${owner#postgres:}" >/dev/null; then ok=1; fi
          ;;
        *) if component_pid "$owner" >/dev/null; then ok=1; fi ;;
      esac
    fi
    if ((ok == 0)); then
      holder=$(port_holders "$p")
      BUSY_PORTS+=("port $p (wanted by ${owner#postgres:}) is already in use${holder:+ by $holder}")
    fi
  done
  return 0
}

check_binaries() {
  local -a missing=()
  local spec bin pkg
  for spec in etcd:etcd-server patroni:patroni patronictl:patroni haproxy:haproxy curl:curl ss:iproute2 \
    setpriv:util-linux "$PG_BIN_DIR/postgres:postgresql-15" "$PG_BIN_DIR/pg_ctl:postgresql-15" \
    "$PG_BIN_DIR/psql:postgresql-client-15" "$PYTHON:python3"; do
    bin=${spec%:*} pkg=${spec##*:}
    if [[ $bin == /* ]]; then [[ -x $bin ]] && continue; else command -v "$bin" >/dev/null && continue; fi
    missing+=("$bin (install the Debian package '$pkg')")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    printf 'manage-cluster: missing programs:\n' >&2
    printf '  %s\n' "${missing[@]}" >&2
    printf 'packaging/install-deps.sh installs all of them.\n' >&2
    exit 1
  fi
  if ((AS_ROOT)); then
    id -u "$RUN_AS_USER" >/dev/null 2>&1 || die "user '$RUN_AS_USER' does not exist (PostgreSQL refuses to run as root; the postgresql-15 package creates it)"
  fi
}

# Starts a daemon in its own session with stdout/stderr appended to LOG; the process writes its
# own PID (exact: nothing forks between the shell and the daemon, setpriv and env exec).
launch() { # COMPONENT WORKDIR LOG CMD...
  local comp=$1 dir=$2 log=$3 pidf
  shift 3
  pidf=$(pid_file "$comp")
  rm -f "$pidf"
  # shellcheck disable=SC2016  # expanded by the inner sh
  setsid sh -c 'cd "$1" && echo "$$" >"$2" && shift 2 && exec "$@"' sh "$dir" "$pidf" "$@" \
    </dev/null >>"$log" 2>&1 &
  local i
  for i in $(seq 1 50); do
    [[ -s $pidf ]] && return 0
    sleep 0.05
  done
  die "$comp did not start (no PID file); see $log"
}

# Runs a command as the PostgreSQL user when we are root, as ourselves otherwise.
as_pg_user() {
  if ((AS_ROOT)); then setpriv --reuid="$RUN_AS_USER" --regid="$RUN_AS_USER" --init-groups -- "$@"; else "$@"; fi
}

# Sends SIG to PID and waits up to SECONDS for it to go; prints nothing. Returns 1 if it survived.
signal_and_wait() { # PID MARKER SIG SECONDS
  local pid=$1 marker=$2 sig=$3 secs=$4 deadline
  pid_matches "$pid" "$marker" || return 0
  kill "-$sig" "$pid" 2>/dev/null || true
  deadline=$((SECONDS + secs))
  while pid_matches "$pid" "$marker"; do
    ((SECONDS >= deadline)) && return 1
    sleep 0.1
  done
  return 0
}

# ---------------------------------------------------------------------------------------------
# rendering (envsubst-compatible ${NAME} placeholders, done in bash so gettext-base is not needed)

render() { # TEMPLATE OUT NAME...   (each NAME is a variable in scope)
  local tpl=$1 out=$2 text name left
  shift 2
  text=$(<"$tpl")
  for name in "$@"; do text=${text//"\${$name}"/"${!name}"}; done
  left=$(grep -oE '\$\{[A-Z0-9_]+\}' <<<"$text" | sort -u | paste -sd, - || true)
  [[ -z $left ]] || die "template $tpl: no value for ${left% }"
  printf '%s\n' "$text" >"$out.tmp"
  mv "$out.tmp" "$out"
}

readonly PATRONI_TEMPLATE_VARS=(SCOPE NODE_NAME RESTAPI_LISTEN RESTAPI_CONNECT API_USER API_PASSWORD ETCD_HOSTS
  POST_BOOTSTRAP PG_LISTEN PG_CONNECT PG_DATA_DIR PG_BIN_DIR PGPASS_FILE SUPERUSER_PASSWORD REPLICATION_PASSWORD
  PG_SOCKET_DIR PG_LOGGING_COLLECTOR PG_LOG_DIR HBA_NETWORK)
readonly HAPROXY_TEMPLATE_VARS=(HAPROXY_BIND ADMIN_SOCKET STATS_PORT PRIMARY_PORT REPLICA_PORT ANY_PORT
  NODE1_NAME NODE2_NAME NODE3_NAME NODE1_PG_ADDR NODE2_PG_ADDR NODE3_PG_ADDR NODE1_API_PORT NODE2_API_PORT NODE3_API_PORT)

# etcd command line of member I (0..2); MODE native|docker.
etcd_args() {
  local i=$1 mode=$2 j cluster="" name=${ETCDS[$1]}
  if [[ $mode == native ]]; then
    for j in 0 1 2; do cluster+="${cluster:+,}${ETCDS[$j]}=http://127.0.0.1:${ETCD_PEER_PORTS[$j]}"; done
    printf '%s\n' etcd "--name=$name" "--data-dir=$(etcd_dir "$name")/data" \
      "--listen-client-urls=http://127.0.0.1:${ETCD_CLIENT_PORTS[$i]}" \
      "--advertise-client-urls=http://127.0.0.1:${ETCD_CLIENT_PORTS[$i]}" \
      "--listen-peer-urls=http://127.0.0.1:${ETCD_PEER_PORTS[$i]}" \
      "--initial-advertise-peer-urls=http://127.0.0.1:${ETCD_PEER_PORTS[$i]}"
  else
    for j in 0 1 2; do cluster+="${cluster:+,}${ETCDS[$j]}=http://${ETCDS[$j]}:2380"; done
    printf '%s\n' etcd "--name=$name" "--data-dir=/etcd-data" \
      "--listen-client-urls=http://0.0.0.0:2379" "--advertise-client-urls=http://$name:2379" \
      "--listen-peer-urls=http://0.0.0.0:2380" "--initial-advertise-peer-urls=http://$name:2380"
  fi
  printf '%s\n' "--initial-cluster=$cluster" "--initial-cluster-token=$LAB_ETCD_TOKEN" \
    "--initial-cluster-state=new"
}

# Sets the template variables of patroni.yml for node I in MODE native|docker.
patroni_vars() {
  local i=$1 mode=$2 name=${NODES[$1]} j
  SCOPE=$LAB_SCOPE NODE_NAME=$name
  API_USER=$PATRONI_API_USER
  API_PASSWORD=$(yaml_squote "$PATRONI_API_PASSWORD")
  SUPERUSER_PASSWORD=$(yaml_squote "$POSTGRES_SUPERUSER_PASSWORD")
  REPLICATION_PASSWORD=$(yaml_squote "$POSTGRES_REPLICATION_PASSWORD")
  ETCD_HOSTS=""
  if [[ $mode == native ]]; then
    local dir
    dir=$(node_dir "$name")
    RESTAPI_LISTEN=127.0.0.1:${API_PORTS[$i]} RESTAPI_CONNECT=127.0.0.1:${API_PORTS[$i]}
    PG_LISTEN=127.0.0.1:${PG_PORTS[$i]} PG_CONNECT=127.0.0.1:${PG_PORTS[$i]}
    for j in 0 1 2; do ETCD_HOSTS+="${ETCD_HOSTS:+,}127.0.0.1:${ETCD_CLIENT_PORTS[$j]}"; done
    POST_BOOTSTRAP=$LAB_STATE_DIR/post_bootstrap.sh
    PG_DATA_DIR=$dir/data PGPASS_FILE=$dir/pgpass PG_SOCKET_DIR=$dir/sock
    PG_LOGGING_COLLECTOR=on PG_LOG_DIR=$dir HBA_NETWORK=127.0.0.1/32
  else
    RESTAPI_LISTEN=0.0.0.0:8008 RESTAPI_CONNECT=$name:8008
    PG_LISTEN=0.0.0.0:5432 PG_CONNECT=$name:5432
    for j in 0 1 2; do ETCD_HOSTS+="${ETCD_HOSTS:+,}${ETCDS[$j]}:2379"; done
    POST_BOOTSTRAP=/etc/patroni/post_bootstrap.sh
    PG_DATA_DIR=/var/lib/postgresql/data/pgdata PGPASS_FILE=/tmp/pgpass PG_SOCKET_DIR=/var/run/postgresql
    # PostgreSQL logs to stderr, i.e. `docker logs`.
    PG_LOGGING_COLLECTOR=off PG_LOG_DIR=log HBA_NETWORK=0.0.0.0/0
  fi
}

haproxy_vars() { # MODE native|docker
  local j
  STATS_PORT=$LAB_HAPROXY_STATS_PORT PRIMARY_PORT=$LAB_HAPROXY_PRIMARY_PORT
  REPLICA_PORT=$LAB_HAPROXY_REPLICA_PORT ANY_PORT=$LAB_HAPROXY_ANY_PORT
  if [[ $1 == native ]]; then HAPROXY_BIND=127.0.0.1; else HAPROXY_BIND=0.0.0.0; fi
  if [[ $1 == native ]]; then ADMIN_SOCKET=$(haproxy_dir)/admin.sock; else ADMIN_SOCKET=/tmp/haproxy-admin.sock; fi
  for j in 0 1 2; do
    printf -v "NODE$((j + 1))_NAME" '%s' "${NODES[$j]}"
    if [[ $1 == native ]]; then
      printf -v "NODE$((j + 1))_PG_ADDR" '%s' "127.0.0.1:${PG_PORTS[$j]}"
      printf -v "NODE$((j + 1))_API_PORT" '%s' "${API_PORTS[$j]}"
    else
      printf -v "NODE$((j + 1))_PG_ADDR" '%s' "${NODES[$j]}:5432"
      printf -v "NODE$((j + 1))_API_PORT" '%s' 8008
    fi
  done
}

# shellcheck disable=SC2034  # the template variables are read by render() through ${!name}
render_native() {
  local i name dir
  local SCOPE NODE_NAME RESTAPI_LISTEN RESTAPI_CONNECT API_USER API_PASSWORD ETCD_HOSTS POST_BOOTSTRAP PG_LISTEN \
    PG_CONNECT PG_DATA_DIR PGPASS_FILE SUPERUSER_PASSWORD REPLICATION_PASSWORD PG_SOCKET_DIR \
    PG_LOGGING_COLLECTOR PG_LOG_DIR HBA_NETWORK
  local HAPROXY_BIND STATS_PORT PRIMARY_PORT REPLICA_PORT ANY_PORT NODE1_NAME NODE2_NAME NODE3_NAME \
    NODE1_PG_ADDR NODE2_PG_ADDR NODE3_PG_ADDR NODE1_API_PORT NODE2_API_PORT NODE3_API_PORT

  cp "$TEMPLATE_DIR/post_bootstrap.sh" "$LAB_STATE_DIR/post_bootstrap.sh.tmp"
  chmod 755 "$LAB_STATE_DIR/post_bootstrap.sh.tmp"
  mv "$LAB_STATE_DIR/post_bootstrap.sh.tmp" "$LAB_STATE_DIR/post_bootstrap.sh"
  for i in 0 1 2; do
    name=${NODES[$i]}
    dir=$(node_dir "$name")
    patroni_vars "$i" native
    render "$TEMPLATE_DIR/patroni.yml" "$dir/patroni.yml" "${PATRONI_TEMPLATE_VARS[@]}"
    chmod 600 "$dir/patroni.yml"
    ((AS_ROOT)) && chown "$RUN_AS_USER:" "$dir/patroni.yml"
  done
  haproxy_vars native
  render "$TEMPLATE_DIR/haproxy.cfg" "$(haproxy_dir)/haproxy.cfg" "${HAPROXY_TEMPLATE_VARS[@]}"
}

prepare_state_dir() {
  local c dir
  if [[ -e $LAB_STATE_DIR ]]; then
    [[ -d $LAB_STATE_DIR && ! -L $LAB_STATE_DIR ]] || die "$LAB_STATE_DIR exists and is not a directory"
    [[ $(stat -c %u "$LAB_STATE_DIR") == "$(id -u)" ]] || die "$LAB_STATE_DIR is not owned by $(id -un); refusing to use it"
  fi
  mkdir -p "$LAB_STATE_DIR" "$RUN_DIR" "$(haproxy_dir)"
  # PostgreSQL's user must be able to reach its node directory (mktemp -d makes 0700 dirs).
  chmod 755 "$LAB_STATE_DIR"
  chmod 700 "$RUN_DIR"
  for c in "${ETCDS[@]}"; do mkdir -p "$(etcd_dir "$c")"; chmod 700 "$(etcd_dir "$c")"; done
  for c in "${NODES[@]}"; do
    dir=$(node_dir "$c")
    mkdir -p "$dir/sock"
    touch "$dir/patroni.log" "$dir/postgresql.log"
    if ((AS_ROOT)); then chown -R "$RUN_AS_USER:" "$dir"; fi
    chmod 700 "$dir" "$dir/sock"
  done
  if ((AS_ROOT)); then
    setpriv --reuid="$RUN_AS_USER" --regid="$RUN_AS_USER" --init-groups -- test -w "$(node_dir patroni1)" ||
      die "user $RUN_AS_USER cannot write to $(node_dir patroni1): every parent directory of LAB_STATE_DIR must be searchable by it"
  fi
}

# ---------------------------------------------------------------------------------------------
# Python helper (packaging/lab/labhelper.py): JSON, the HAProxy CSV and HTML error pages are no job
# for bash. /usr/bin/python3 is there because Patroni needs it; only the standard library is used.
readonly PY_HELPER_FILE="$LAB_DIR/labhelper.py"

labpy() {
  LAB_NODES="${NODES[*]}" LAB_API_PORTS="$LAB_API_PORTS" LAB_PG_PORTS="$LAB_PG_PORTS" \
    LAB_ETCD_CLIENT_PORTS="$LAB_ETCD_CLIENT_PORTS" LAB_HAPROXY_STATS_PORT="$LAB_HAPROXY_STATS_PORT" \
    "$PYTHON" "$PY_HELPER_FILE" "$@"
}

api_url() { echo "http://127.0.0.1:${API_PORTS[$(node_index "$1")]}"; }

# POST to NODE's API with basic auth. Sets HTTP_CODE and HTTP_BODY (as plain text).
api_post() { # NODE PATH JSON
  local out
  out=$(curl -sS --noproxy '*' -m 30 -u "$PATRONI_API_USER:$PATRONI_API_PASSWORD" -X POST \
    -H 'Content-Type: application/json' --data "$3" -w '\n%{http_code}' "$(api_url "$1")$2" 2>&1) || true
  HTTP_CODE=${out##*$'\n'}
  HTTP_BODY=$(printf '%s' "${out%$'\n'*}" | labpy text)
  [[ $HTTP_CODE =~ ^[0-9]{3}$ ]] || { HTTP_BODY="$out"; HTTP_CODE=000; }
}

# ---------------------------------------------------------------------------------------------
# health

# One health probe. Sets HEALTH_PROBLEMS (lines "component<TAB>message") and HEALTH_LEADER.
health_once() {
  local out line rc=0 kind a b
  HEALTH_PROBLEMS="" HEALTH_LEADER=""
  out=$(labpy health) || rc=$?
  local leader_pg=""
  while IFS=$'\t' read -r kind a b _; do
    case $kind in
      LEADER) HEALTH_LEADER=$a leader_pg=$b ;;
      PROBLEM) HEALTH_PROBLEMS+="$a"$'\t'"$b"$'\n' ;;
    esac
  done <<<"$out"
  for line in "${ETCDS[@]}" "${NODES[@]}" haproxy; do
    if ! component_pid "$line" >/dev/null; then
      HEALTH_PROBLEMS+="$line"$'\t'"process is not running (not started, or exited)"$'\n'
      rc=1
    fi
  done
  if [[ -n $HEALTH_LEADER ]]; then
    local sql
    if sql=$(PGPASSWORD=$POSTGRES_SUPERUSER_PASSWORD PGCONNECT_TIMEOUT=2 timeout 5 "$PG_BIN_DIR/psql" -X -A -t -q \
      -h 127.0.0.1 -p "$LAB_HAPROXY_PRIMARY_PORT" -U postgres -d postgres \
      -c 'select pg_is_in_recovery(), inet_server_port()' 2>&1); then
      if [[ $sql != "f|$leader_pg" ]]; then
        HEALTH_PROBLEMS+="haproxy"$'\t'"port $LAB_HAPROXY_PRIMARY_PORT reached a server with pg_is_in_recovery|port = $sql, expected f|$leader_pg ($HEALTH_LEADER)"$'\n'
        rc=1
      fi
    else
      HEALTH_PROBLEMS+="haproxy"$'\t'"psql via port $LAB_HAPROXY_PRIMARY_PORT failed: ${sql//$'\n'/ }"$'\n'
      rc=1
    fi
  fi
  [[ $rc -eq 0 && -z $HEALTH_PROBLEMS ]]
}

print_problems() {
  local comp msg
  while IFS=$'\t' read -r comp msg; do
    if [[ -n $comp ]]; then printf '  %-9s %s\n' "$comp" "$msg"; fi
  done <<<"$HEALTH_PROBLEMS"
  return 0
}

tail_logs_of() { # COMPONENT [LINES]
  local f n=${2:-30}
  for f in $(log_files "$1"); do
    printf -- '----- last %s lines of %s -----\n' "$n" "$f"
    if [[ -s $f ]]; then tail -n "$n" "$f"; else say "(empty or missing)"; fi
  done
}

# Prints the logs of the components named in HEALTH_PROBLEMS ("cluster" means every Patroni node).
print_failing_logs() {
  local -a comps=()
  local comp msg c
  while IFS=$'\t' read -r comp msg; do
    [[ -z $comp ]] && continue
    if [[ $comp == cluster ]]; then comps+=("${NODES[@]}"); else comps+=("$comp"); fi
    if [[ $comp == haproxy && $msg == *"reached a server"* && -n $HEALTH_LEADER ]]; then comps+=("$HEALTH_LEADER"); fi
  done <<<"$HEALTH_PROBLEMS"
  mapfile -t comps < <(printf '%s\n' "${comps[@]}" | awk 'NF && !seen[$0]++')
  for c in "${comps[@]}"; do
    case $c in etcd[123] | patroni[123] | haproxy) tail_logs_of "$c" 30 ;; esac
  done
  return 0
}

# Waits until healthy or DEADLINE (a now() value); returns 1 on timeout with HEALTH_PROBLEMS set.
wait_healthy_until() {
  local deadline=$1
  while true; do
    health_once && return 0
    past "$deadline" && return 1
    sleep 0.5
  done
}

# ---------------------------------------------------------------------------------------------
# components

start_etcd() { # NAME
  local name=$1 i dir
  i=$(($(printf '%s\n' "${ETCDS[@]}" | grep -nx "$name" | cut -d: -f1) - 1))
  dir=$(etcd_dir "$name")
  local -a args
  mapfile -t args < <(etcd_args "$i" native)
  launch "$name" "$dir" "$dir/etcd.log" "${args[@]}"
}

start_patroni() { # NODE
  local name=$1 dir
  dir=$(node_dir "$name")
  local -a run=()
  ((AS_ROOT)) && run=(setpriv --reuid="$RUN_AS_USER" --regid="$RUN_AS_USER" --init-groups --)
  # A clean environment: Patroni turns every PATRONI_<NAME>_PASSWORD variable it inherits into a
  # bootstrap user, so our own PATRONI_API_PASSWORD would become a role "API".
  launch "$name" "$dir" "$dir/patroni.log" "${run[@]}" env -i \
    PATH="$PG_BIN_DIR:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin" HOME="$dir" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    POSTGRES_PASSWORD="$POSTGRES_PASSWORD" POSTGRES_READONLY_PASSWORD="$POSTGRES_READONLY_PASSWORD" \
    patroni "$(node_cfg "$name")"
}

start_haproxy() {
  local dir
  dir=$(haproxy_dir)
  haproxy -c -q -f "$dir/haproxy.cfg" >/dev/null || die "haproxy rejects $dir/haproxy.cfg: $(haproxy -c -f "$dir/haproxy.cfg" 2>&1 | tail -n 5)"
  launch haproxy "$dir" "$dir/haproxy.log" haproxy -db -f "$dir/haproxy.cfg"
}

wait_etcd_quorum() { # DEADLINE
  local p
  while true; do
    local ok=0
    for p in "${ETCD_CLIENT_PORTS[@]}"; do
      local body
      body=$(curl -s --noproxy '*' -m 1 "http://127.0.0.1:$p/health" 2>/dev/null || true)
      [[ $body == *'"health":"true"'* ]] && ok=$((ok + 1))
    done
    ((ok >= 2)) && return 0
    past "$1" && return 1
    sleep 0.2
  done
}

stop_component() { # COMPONENT SECONDS: SIGTERM, then SIGKILL after SECONDS
  local pid marker
  pid=$(component_pid "$1") || return 0
  marker=$(cmdline_marker "$1")
  signal_and_wait "$pid" "$marker" TERM "$2" && return 0
  warn "$1 (pid $pid) ignored SIGTERM for $2 s; sending SIGKILL"
  signal_and_wait "$pid" "$marker" KILL 5 || warn "$1 (pid $pid) survived SIGKILL"
}

# Stops NODE's postmaster if it outlived its Patroni (e.g. Patroni was SIGKILLed).
stop_postmaster() { # NODE
  local pid data
  pid=$(postmaster_pid "$1") || return 0
  data=$(node_data "$1")
  say "  $1: PostgreSQL (pid $pid) outlived Patroni; pg_ctl stop -m immediate"
  as_pg_user "$PG_BIN_DIR/pg_ctl" -D "$data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
  signal_and_wait "$pid" "$data" KILL 5 || warn "$1: postmaster $pid survived SIGKILL"
}

stop_node() { # NODE: Patroni (which stops PostgreSQL), then any surviving postmaster
  stop_component "$1" 30
  stop_postmaster "$1"
  rm -f "$(pid_file "$1")"
}

# SIGKILLs NODE's Patroni and postmaster, like a crash of the machine. Prints what it killed.
kill_node() {
  local name=$1 ppid mpid killed="" i
  ppid=$(component_pid "$name" || true)
  # Patroni first, so it cannot start PostgreSQL again.
  if [[ -n $ppid ]] && kill -KILL "$ppid" 2>/dev/null; then killed+="Patroni pid $ppid"; fi
  # A postmaster Patroni was starting (e.g. while demoting) may appear just after: watch briefly.
  for i in 1 2 3 4 5 6 7 8 9 10; do
    if mpid=$(postmaster_pid "$name") && kill -KILL "$mpid" 2>/dev/null; then
      killed+="${killed:+, }postmaster pid $mpid"
    fi
    [[ $killed == *postmaster* ]] && break
    sleep 0.1
  done
  [[ -n $killed ]] || die "$name has neither a running Patroni nor a running postmaster"
  printf '%s\n' "$killed"
}

# Freezes (SIGSTOP) or thaws (SIGCONT) NODE's Patroni; its PostgreSQL runs on. A frozen Patroni keeps its
# port: connections are accepted (until the backlog fills) and never answered.
signal_patroni() { # NODE STOP|CONT
  local pid
  pid=$(component_pid "$1") || die "$1's Patroni is not running"
  kill -"$2" "$pid" || die "cannot send SIG$2 to $1's Patroni (pid $pid)"
  printf '%s\n' "$pid"
}

# Stops NODE's PostgreSQL behind its running Patroni (which starts it again within a few seconds).
stop_postgres() { # NODE
  local pid data
  pid=$(postmaster_pid "$1") || die "$1's PostgreSQL is not running"
  data=$(node_data "$1")
  as_pg_user "$PG_BIN_DIR/pg_ctl" -D "$data" -m fast -w -t 20 stop >/dev/null 2>&1 \
    || signal_and_wait "$pid" "$data" KILL 5 || die "$1: postmaster $pid survived"
  printf '%s\n' "$pid"
}

# Changes every node's REST API password (its patroni.yml, then SIGHUP: Patroni reloads it within a
# second or two) and waits until each running node takes it: a password rotated on the cluster while the
# console keeps the old one. Without NEW: back to PATRONI_API_PASSWORD.
# shellcheck disable=SC2034  # the template variables are read by render() through ${!name}
set_api_password() { # NEW
  local new=$1 i name pid code deadline
  local SCOPE NODE_NAME RESTAPI_LISTEN RESTAPI_CONNECT API_USER API_PASSWORD ETCD_HOSTS POST_BOOTSTRAP PG_LISTEN \
    PG_CONNECT PG_DATA_DIR PGPASS_FILE SUPERUSER_PASSWORD REPLICATION_PASSWORD PG_SOCKET_DIR \
    PG_LOGGING_COLLECTOR PG_LOG_DIR HBA_NETWORK
  [[ -r $(node_cfg "${NODES[0]}") ]] || die "the lab was never started; run 'start' first"
  for i in 0 1 2; do
    name=${NODES[$i]}
    patroni_vars "$i" native
    API_PASSWORD=$(yaml_squote "$new")
    render "$TEMPLATE_DIR/patroni.yml" "$(node_cfg "$name")" "${PATRONI_TEMPLATE_VARS[@]}"
    chmod 600 "$(node_cfg "$name")"
    ((AS_ROOT)) && chown "$RUN_AS_USER:" "$(node_cfg "$name")"
    if pid=$(component_pid "$name"); then kill -HUP "$pid"; fi
  done
  deadline=$(deadline_in 30)
  for name in "${NODES[@]}"; do
    component_pid "$name" >/dev/null || continue
    # An empty PATCH changes nothing: 400 once the password is taken, 401 before.
    until code=$(curl -s -o /dev/null -w '%{http_code}' --noproxy '*' -m 5 -u "$PATRONI_API_USER:$new" -X PATCH \
      -H 'Content-Type: application/json' --data '{}' "$(api_url "$name")/config" 2>/dev/null); [[ $code == 400 ]]; do
      past "$deadline" && die "$name's REST API did not take the new password within 30 s (it answers HTTP $code)"
      sleep 0.2
    done
  done
}

# One command to HAProxy's runtime API (the admin socket in the lab's state directory).
haproxy_admin() { # COMMAND
  [[ -S $(haproxy_dir)/admin.sock ]] || die "HAProxy has no admin socket (not running, or started by an older lab: stop-haproxy, then start)"
  labpy haproxy-admin "$(haproxy_dir)/admin.sock" "$1"
}

require_etcd() {
  printf '%s\n' "${ETCDS[@]}" | grep -qx -- "$1" || die "unknown etcd member '$1' (one of: ${ETCDS[*]})"
}

# ---------------------------------------------------------------------------------------------
# verbs

cmd_start() {
  local t0 deadline c
  t0=$(now)
  deadline=$(deadline_in "$LAB_START_TIMEOUT")
  report_settings_conflicts die
  check_binaries
  check_ports_free "${ALL_PORTS[@]}"

  local -a todo=()
  for c in "${ETCDS[@]}" "${NODES[@]}" haproxy; do component_pid "$c" >/dev/null || todo+=("$c"); done
  if [[ ${#todo[@]} -eq 0 ]] && health_once; then
    say "lab already running and healthy: leader $HEALTH_LEADER (checked in $(elapsed_since "$t0") s)"
    return 0
  fi

  if [[ ${#todo[@]} -gt 0 ]]; then
    prepare_state_dir
    write_settings
    render_native
    say "starting: ${todo[*]} (state in $LAB_STATE_DIR)"
    for c in "${todo[@]}"; do [[ $c == etcd* ]] && start_etcd "$c"; done
    if ! wait_etcd_quorum "$deadline"; then
      {
        say "etcd has no quorum after ${LAB_START_TIMEOUT} s (LAB_START_TIMEOUT)"
        for c in "${ETCDS[@]}"; do tail_logs_of "$c" 30; done
      } >&2
      exit 1
    fi
    for c in "${todo[@]}"; do [[ $c == patroni* ]] && start_patroni "$c"; done
    for c in "${todo[@]}"; do [[ $c == haproxy ]] && start_haproxy; done
  fi

  if wait_healthy_until "$deadline"; then
    say "lab healthy: leader $HEALTH_LEADER; start took $(elapsed_since "$t0") s"
    say "  primary 127.0.0.1:$LAB_HAPROXY_PRIMARY_PORT, replicas :$LAB_HAPROXY_REPLICA_PORT, any :$LAB_HAPROXY_ANY_PORT, stats http://127.0.0.1:$LAB_HAPROXY_STATS_PORT/"
    return 0
  fi
  {
    say "lab not healthy after $LAB_START_TIMEOUT s (LAB_START_TIMEOUT); $(elapsed_since "$t0") s elapsed. Why:"
    print_problems
    print_failing_logs
  } >&2
  exit 1
}

cmd_stop() {
  local t0 c pid
  t0=$(now)
  if [[ ! -d $LAB_STATE_DIR ]]; then
    say "nothing to stop: $LAB_STATE_DIR does not exist"
  else
    report_settings_conflicts warn
    stop_component haproxy 10
    # Patroni nodes together: each stops its PostgreSQL before exiting.
    local -a stopping=()
    for c in "${NODES[@]}"; do
      pid=$(component_pid "$c") || continue
      kill -TERM "$pid" 2>/dev/null || true
      stopping+=("$c")
    done
    for c in "${stopping[@]}"; do stop_component "$c" 30; done
    for c in "${NODES[@]}"; do stop_postmaster "$c"; done
    for c in "${ETCDS[@]}"; do stop_component "$c" 10; done
    rm -f "$RUN_DIR"/*.pid
  fi

  # Verify: none of our processes, none of our ports.
  local left busy_ports="" p deadline=$((SECONDS + 10))
  while left=$(stragglers) && [[ -n $left ]] && ((SECONDS < deadline)); do sleep 0.2; done
  for p in "${ALL_PORTS[@]}"; do if port_listening "$p"; then busy_ports+=" $p"; fi; done
  if [[ -n $left ]]; then
    warn "processes still running in $LAB_STATE_DIR:"$'\n'"$left"
    exit 1
  fi
  if [[ -n $busy_ports ]]; then
    local msg="no lab process is running, but these lab ports are held by other processes:"
    for p in $busy_ports; do msg+=$'\n'"  port $p: $(port_holders "$p")"; done
    warn "$msg"
    say "lab stopped in $(elapsed_since "$t0") s"
    return 0
  fi
  say "lab stopped in $(elapsed_since "$t0") s: no lab process is running and none of its ${#ALL_PORTS[@]} ports is listening"
}

cmd_status() {
  report_settings_conflicts warn
  local rc=0 c pid
  say "== processes ($LAB_STATE_DIR)"
  for c in "${ETCDS[@]}" "${NODES[@]}" haproxy; do
    if pid=$(component_pid "$c"); then
      local extra=""
      if [[ $c == patroni* ]]; then
        local pid2
        if pid2=$(postmaster_pid "$c"); then extra=", postmaster pid $pid2"; else extra=", no postmaster"; fi
      fi
      printf '  %-9s running, pid %s%s\n' "$c" "$pid" "$extra"
    else
      local pm=""
      [[ $c == patroni* ]] && pm=$(postmaster_pid "$c" || true)
      printf '  %-9s NOT running%s\n' "$c" "${pm:+ (but its postmaster, pid $pm, is)}"
    fi
  done
  say ""
  say "== Patroni members (patronictl list)"
  local cfg
  cfg=$(node_cfg patroni1)
  if [[ -r $cfg ]]; then
    env -i PATH="$PG_BIN_DIR:/usr/bin:/bin" HOME="${TMPDIR:-/tmp}" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
      timeout 15 patronictl -c "$cfg" list 2>&1 || say "  (patronictl list failed)"
  else
    say "  (no configuration yet: the lab was never started in $LAB_STATE_DIR)"
  fi
  say ""
  say "== etcd members"
  labpy etcd-table | sed 's/^/  /' || true
  say ""
  say "== HAProxy servers (http://127.0.0.1:$LAB_HAPROXY_STATS_PORT/;csv)"
  labpy haproxy-table | sed 's/^/  /' || true
  say ""
  if health_once; then
    say "HEALTHY: leader $HEALTH_LEADER, two replicas running, port $LAB_HAPROXY_PRIMARY_PORT reaches the leader"
  else
    say "NOT HEALTHY:"
    print_problems
    rc=1
  fi
  return "$rc"
}

current_leader() { labpy leader 2>/dev/null; }

cmd_leader() {
  local l
  l=$(labpy leader) || exit 1
  say "$l"
}

cmd_failover() {
  local target=${1:-} leader t0 deadline
  require_node "$target"
  t0=$(now)
  leader=$(current_leader) || die "no leader in /cluster: a switchover needs one (see 'status')"
  local members
  members=$(labpy members || true)
  grep -qx "$target" <<<"$members" || die "$target is not a member of the cluster in /cluster (is it running?)"
  [[ $target != "$leader" ]] || die "$target is already the leader"
  say "switchover: $leader -> $target"
  api_post "$leader" /switchover "{\"leader\": \"$leader\", \"candidate\": \"$target\"}"
  if [[ $HTTP_CODE != 200 ]]; then
    die "Patroni refused the switchover (HTTP $HTTP_CODE): $HTTP_BODY"
  fi
  say "  Patroni: $HTTP_BODY"
  deadline=$(deadline_in "$LAB_ACTION_TIMEOUT")
  while true; do
    local m role state
    m=$(labpy member "$target" || true)
    IFS=$'\t' read -r role state _ <<<"$m"
    if [[ $role == leader && $state == running ]]; then break; fi
    past "$deadline" && die "$target is not leader after $LAB_ACTION_TIMEOUT s (it is ${role:-?}/${state:-?}); Patroni said: $HTTP_BODY"
    sleep 0.2
  done
  say "$target is the leader ($(elapsed_since "$t0") s); HAProxy follows within a few seconds ('wait-healthy')"
}

cmd_reinit() {
  local node=${1:-} before deadline t0
  require_node "$node"
  t0=$(now)
  [[ $(current_leader || true) != "$node" ]] || die "$node is the leader; Patroni can only reinitialize a replica (switch over first)"
  before=$(labpy own "$node" postmaster_start_time || true)
  api_post "$node" /reinitialize '{}'
  [[ $HTTP_CODE == 200 ]] || die "Patroni refused to reinitialize $node (HTTP $HTTP_CODE): $HTTP_BODY"
  say "reinit $node: $HTTP_BODY"
  deadline=$(deadline_in "$LAB_ACTION_TIMEOUT")
  while true; do
    local state started m role cstate
    state=$(labpy own "$node" state || true)
    started=$(labpy own "$node" postmaster_start_time || true)
    m=$(labpy member "$node" || true)
    IFS=$'\t' read -r role cstate _ <<<"$m"
    if [[ $state =~ ^(running|streaming)$ && -n $started && $started != "$before" && $role == replica &&
      $cstate =~ ^(running|streaming)$ ]]; then
      break
    fi
    past "$deadline" && die "$node is not running again after $LAB_ACTION_TIMEOUT s (own state '${state:-no answer}', /cluster '${role:-?}/${cstate:-?}')"
    sleep 0.3
  done
  say "$node reinitialized and running as a replica ($(elapsed_since "$t0") s)"
}

cmd_logs() {
  local follow=0 lines=40 comp="" c
  while [[ $# -gt 0 ]]; do
    case $1 in
      -f | --follow) follow=1 ;;
      -n) lines=${2:?-n needs a number}; shift ;;
      *) comp=$1 ;;
    esac
    shift
  done
  local -a comps
  if [[ -n $comp ]]; then
    case $comp in etcd[123] | patroni[123] | haproxy) ;; *) die "unknown component '$comp' (patroni1..3, etcd1..3, haproxy)" ;; esac
    comps=("$comp")
  else
    comps=("${ETCDS[@]}" "${NODES[@]}" haproxy)
  fi
  if ((follow)); then
    local -a files=()
    for c in "${comps[@]}"; do read -r -a f <<<"$(log_files "$c")"; files+=("${f[@]}"); done
    exec tail -n "$lines" -F "${files[@]}"
  fi
  for c in "${comps[@]}"; do tail_logs_of "$c" "$lines"; done
}

cmd_wait_healthy() {
  local timeout=${1:-$LAB_START_TIMEOUT} t0
  [[ $timeout =~ ^[0-9]+$ ]] || die "wait-healthy: timeout must be a number of seconds"
  t0=$(now)
  if wait_healthy_until "$(deadline_in "$timeout")"; then
    say "healthy: leader $HEALTH_LEADER ($(elapsed_since "$t0") s)"
    return 0
  fi
  {
    say "not healthy after $timeout s. Why:"
    print_problems
    print_failing_logs
  } >&2
  exit 1
}

cmd_start_node() {
  local node=$1 i deadline t0
  require_node "$node"
  t0=$(now)
  i=$(node_index "$node")
  [[ -r $(node_cfg "$node") ]] || die "$node was never configured; run 'start' first"
  if component_pid "$node" >/dev/null; then
    say "$node is already running"
    return 0
  fi
  check_ports_free "${API_PORTS[$i]}" "${PG_PORTS[$i]}"
  start_patroni "$node"
  deadline=$(deadline_in "$LAB_ACTION_TIMEOUT")
  while true; do
    local state
    state=$(labpy own "$node" state || true)
    [[ $state =~ ^(running|streaming)$ ]] && break
    if ! component_pid "$node" >/dev/null; then
      tail_logs_of "$node" 30 >&2
      die "$node exited while starting"
    fi
    if past "$deadline"; then
      tail_logs_of "$node" 30 >&2
      die "$node not running after $LAB_ACTION_TIMEOUT s (state '${state:-no answer}')"
    fi
    sleep 0.3
  done
  say "$node running as $(labpy own "$node" role || echo '?') ($(elapsed_since "$t0") s)"
}

cmd_env() {
  local i
  e() { printf 'export %s=%s\n' "$1" "$(shell_quote "$2")"; }
  local urls="" etcd=""
  for i in 0 1 2; do
    urls+="${urls:+ }http://127.0.0.1:${API_PORTS[$i]}"
    etcd+="${etcd:+,}http://127.0.0.1:${ETCD_CLIENT_PORTS[$i]}"
  done
  e LAB_STATE_DIR "$LAB_STATE_DIR"
  e LAB_SCOPE "$LAB_SCOPE"
  e LAB_NODES "${NODES[*]}"
  e LAB_API_PORTS "$LAB_API_PORTS"
  e LAB_PG_PORTS "$LAB_PG_PORTS"
  e LAB_ETCD_CLIENT_PORTS "$LAB_ETCD_CLIENT_PORTS"
  e LAB_ETCD_PEER_PORTS "$LAB_ETCD_PEER_PORTS"
  e LAB_ETCD_TOKEN "$LAB_ETCD_TOKEN"
  e LAB_HAPROXY_PRIMARY_PORT "$LAB_HAPROXY_PRIMARY_PORT"
  e LAB_HAPROXY_REPLICA_PORT "$LAB_HAPROXY_REPLICA_PORT"
  e LAB_HAPROXY_ANY_PORT "$LAB_HAPROXY_ANY_PORT"
  e LAB_HAPROXY_STATS_PORT "$LAB_HAPROXY_STATS_PORT"
  e LAB_API_URLS "$urls"
  e LAB_ETCD_ENDPOINTS "$etcd"
  e LAB_HAPROXY_STATS_URL "http://127.0.0.1:$LAB_HAPROXY_STATS_PORT/"
  e LAB_HAPROXY_CSV_URL "http://127.0.0.1:$LAB_HAPROXY_STATS_PORT/;csv"
  e LAB_PATRONICTL_CONFIG "$(node_cfg patroni1)"
  e PATRONI_API_USER "$PATRONI_API_USER"
  e PATRONI_API_PASSWORD "$PATRONI_API_PASSWORD"
  e POSTGRES_HOST 127.0.0.1
  e POSTGRES_DB enterprise_email
  e POSTGRES_SUPERUSER postgres
  e POSTGRES_SUPERUSER_PASSWORD "$POSTGRES_SUPERUSER_PASSWORD"
  e POSTGRES_REPLICATION_USER replicator
  e POSTGRES_REPLICATION_PASSWORD "$POSTGRES_REPLICATION_PASSWORD"
  e POSTGRES_USER email_app
  e POSTGRES_PASSWORD "$POSTGRES_PASSWORD"
  e POSTGRES_READONLY_USER email_readonly
  e POSTGRES_READONLY_PASSWORD "$POSTGRES_READONLY_PASSWORD"
}

# shellcheck disable=SC2034  # the template variables are read by render() through ${!name}
cmd_render_docker() {
  local out=${1:-}
  [[ -n $out ]] || die "usage: manage-cluster.sh render-docker OUTDIR"
  mkdir -p "$out"
  # Always the reference layout and defaults, whatever the environment says, so the committed copy
  # in packaging/docker is reproducible; passwords stay Compose variables.
  local n
  for n in "${SETTING_NAMES[@]}"; do printf -v "$n" '%s' "${SETTING_DEFAULTS[$n]}"; done
  read -r -a API_PORTS <<<"$LAB_API_PORTS"
  local SCOPE NODE_NAME RESTAPI_LISTEN RESTAPI_CONNECT API_USER API_PASSWORD ETCD_HOSTS POST_BOOTSTRAP PG_LISTEN \
    PG_CONNECT PG_DATA_DIR PGPASS_FILE SUPERUSER_PASSWORD REPLICATION_PASSWORD PG_SOCKET_DIR \
    PG_LOGGING_COLLECTOR PG_LOG_DIR HBA_NETWORK
  local HAPROXY_BIND STATS_PORT PRIMARY_PORT REPLICA_PORT ANY_PORT NODE1_NAME NODE2_NAME NODE3_NAME \
    NODE1_PG_ADDR NODE2_PG_ADDR NODE3_PG_ADDR NODE1_API_PORT NODE2_API_PORT NODE3_API_PORT
  local ETCD1_COMMAND ETCD2_COMMAND ETCD3_COMMAND APP_PASSWORD READONLY_PASSWORD i a
  for i in 0 1 2; do
    patroni_vars "$i" docker
    render "$TEMPLATE_DIR/patroni.yml" "$out/${NODES[$i]}.yml" "${PATRONI_TEMPLATE_VARS[@]}"
    local flow=""
    while IFS= read -r a; do flow+="${flow:+, }\"$a\""; done < <(etcd_args "$i" docker)
    printf -v "ETCD$((i + 1))_COMMAND" '[%s]' "$flow"
  done
  haproxy_vars docker
  render "$TEMPLATE_DIR/haproxy.cfg" "$out/haproxy.cfg" "${HAPROXY_TEMPLATE_VARS[@]}"
  # The published API ports are the host's.
  NODE1_API_PORT=${API_PORTS[0]} NODE2_API_PORT=${API_PORTS[1]} NODE3_API_PORT=${API_PORTS[2]}
  API_USER=$PATRONI_API_USER API_PASSWORD=$PATRONI_API_PASSWORD
  SUPERUSER_PASSWORD=$POSTGRES_SUPERUSER_PASSWORD REPLICATION_PASSWORD=$POSTGRES_REPLICATION_PASSWORD
  APP_PASSWORD=$POSTGRES_PASSWORD READONLY_PASSWORD=$POSTGRES_READONLY_PASSWORD
  render "$TEMPLATE_DIR/docker-compose.yml" "$out/docker-compose.yml" ETCD1_COMMAND ETCD2_COMMAND ETCD3_COMMAND \
    NODE1_API_PORT NODE2_API_PORT NODE3_API_PORT PRIMARY_PORT REPLICA_PORT ANY_PORT STATS_PORT \
    API_USER API_PASSWORD SUPERUSER_PASSWORD REPLICATION_PASSWORD APP_PASSWORD READONLY_PASSWORD
  render "$TEMPLATE_DIR/Dockerfile.patroni" "$out/Dockerfile.patroni"
  render "$TEMPLATE_DIR/docker-README.md" "$out/README.md" PRIMARY_PORT REPLICA_PORT ANY_PORT STATS_PORT \
    NODE1_API_PORT NODE3_API_PORT NODE1_NAME NODE3_NAME
  cp "$TEMPLATE_DIR/post_bootstrap.sh" "$out/post_bootstrap.sh"
  chmod 755 "$out/post_bootstrap.sh"
  chmod 644 "$out"/*.yml "$out/haproxy.cfg" "$out/Dockerfile.patroni" "$out/README.md"
  say "rendered the Docker Compose variant into $out"
}

cmd_clean() {
  [[ -d $LAB_STATE_DIR ]] || { say "nothing to clean: $LAB_STATE_DIR does not exist"; return 0; }
  [[ -f $SETTINGS_FILE || -z $(ls -A "$LAB_STATE_DIR") ]] ||
    die "$LAB_STATE_DIR does not look like a lab state directory (no lab.env); not removing it"
  cmd_stop
  rm -rf "$LAB_STATE_DIR"
  say "removed $LAB_STATE_DIR"
}

usage() {
  cat <<EOF
Usage: manage-cluster.sh VERB [ARGS]

The Patroni Console lab: 3 etcd members, 3 Patroni/PostgreSQL 15 nodes (${NODES[*]}) and HAProxy,
natively on 127.0.0.1. State, logs and PID files live in \$LAB_STATE_DIR.

Verbs:
  start                 start whatever is not running, wait until healthy (idempotent)
  stop                  stop HAProxy, Patroni and PostgreSQL, etcd; verify nothing is left (idempotent)
  status                processes, members (patronictl list), etcd health, HAProxy servers;
                        exit 0 only if healthy
  wait-healthy [SECS]   wait until healthy (default LAB_START_TIMEOUT)
  failover TARGET       planned switchover of the leader to TARGET; waits until TARGET leads
  reinit NODE           reinitialize replica NODE from the leader; waits until it runs again
  logs [-f] [-n N] [COMPONENT]
                        log tails: patroni1..3 (Patroni and PostgreSQL), etcd1..3, haproxy
  leader                print the current leader's name (from GET /cluster)
  kill-leader           SIGKILL the leader's Patroni and postmaster (a node crash); print its name
  kill-node NODE        SIGKILL NODE's Patroni and postmaster
  stop-node NODE        stop NODE's Patroni and PostgreSQL gracefully
  start-node NODE       start NODE's Patroni again; waits until it runs
  stop-haproxy, start-haproxy
  freeze-node NODE      SIGSTOP NODE's Patroni (its PostgreSQL runs on); thaw-node NODE sends SIGCONT
  stop-postgres NODE    stop NODE's PostgreSQL behind its running Patroni (which restarts it)
  stop-etcd NAME, start-etcd NAME
                        stop or start one etcd member (etcd1..3); two stopped lose the quorum
  haproxy-server BACKEND SERVER maint|drain|ready
                        set a server's state through HAProxy's runtime API (e.g. primary patroni1 maint)
  api-password [NEW]    change the nodes' REST API password (reload, no restart); without NEW: back to
                        PATRONI_API_PASSWORD
  env                   print settings, URLs and credentials as shell 'export' lines (eval them)
  render-docker OUTDIR  render the Docker Compose variant from the same templates (reference defaults)
  clean                 stop, then delete \$LAB_STATE_DIR
  help

Environment (defaults in brackets; the values of the first 'start' are recorded in
\$LAB_STATE_DIR/lab.env and stay authoritative for that directory):
  LAB_STATE_DIR [/tmp/patroni-console-lab]   LAB_SCOPE [enterprise-email]
  LAB_ETCD_TOKEN [patroni-console-lab]
  LAB_API_PORTS ["8008 8009 8010"]           LAB_PG_PORTS ["5441 5442 5443"]
  LAB_ETCD_CLIENT_PORTS ["2379 2381 2383"]   LAB_ETCD_PEER_PORTS ["2380 2382 2384"]
  LAB_HAPROXY_PRIMARY_PORT [5000]  LAB_HAPROXY_REPLICA_PORT [5001]
  LAB_HAPROXY_ANY_PORT [5002]      LAB_HAPROXY_STATS_PORT [7000]
  PATRONI_API_USER [patroni]       PATRONI_API_PASSWORD [patroni_api_password]
  POSTGRES_SUPERUSER_PASSWORD [superuser_password]     (role postgres)
  POSTGRES_REPLICATION_PASSWORD [replicator_password]  (role replicator)
  POSTGRES_PASSWORD [app_password]                     (role email_app, owns database enterprise_email)
  POSTGRES_READONLY_PASSWORD [readonly_password]       (role email_readonly)
  LAB_START_TIMEOUT [60]   LAB_ACTION_TIMEOUT [60]      (seconds; not recorded)

Run as root, Patroni and PostgreSQL run as user '$RUN_AS_USER'; otherwise everything runs as you.
EOF
}

main() {
  local verb=${1:-help}
  [[ $# -gt 0 ]] && shift
  case $verb in
    help | -h | --help) usage; return 0 ;;
    # Independent of any state directory and of the environment.
    render-docker) cmd_render_docker "$@"; return 0 ;;
  esac
  load_settings
  case $verb in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    wait-healthy) cmd_wait_healthy "$@" ;;
    failover | switchover) cmd_failover "$@" ;;
    reinit) cmd_reinit "$@" ;;
    logs) cmd_logs "$@" ;;
    leader) cmd_leader ;;
    kill-leader)
      local l
      l=$(current_leader) || die "no leader in /cluster"
      kill_node "$l" >/dev/null
      say "$l"
      ;;
    kill-node)
      require_node "${1:-}"
      local what
      what=$(kill_node "$1")
      say "$1: killed $what"
      ;;
    stop-node)
      require_node "${1:-}"
      stop_node "$1"
      say "$1 stopped"
      ;;
    start-node) require_node "${1:-}"; cmd_start_node "$1" ;;
    freeze-node) require_node "${1:-}"; say "$1: Patroni (pid $(signal_patroni "$1" STOP)) frozen" ;;
    thaw-node) require_node "${1:-}"; say "$1: Patroni (pid $(signal_patroni "$1" CONT)) thawed" ;;
    stop-postgres) require_node "${1:-}"; say "$1: PostgreSQL (pid $(stop_postgres "$1")) stopped; Patroni runs on" ;;
    stop-etcd)
      require_etcd "${1:-}"
      stop_component "$1" 10
      rm -f "$(pid_file "$1")"
      say "$1 stopped"
      ;;
    start-etcd)
      require_etcd "${1:-}"
      if component_pid "$1" >/dev/null; then say "$1 is already running"; return 0; fi
      start_etcd "$1"
      say "$1 started (pid $(component_pid "$1" || echo '?'))"
      ;;
    haproxy-server)
      [[ $# -eq 3 && $3 =~ ^(maint|drain|ready)$ ]] || die "usage: haproxy-server BACKEND SERVER maint|drain|ready"
      haproxy_admin "set server $1/$2 state $3"
      say "haproxy: $1/$2 $3"
      ;;
    api-password)
      set_api_password "${1:-$PATRONI_API_PASSWORD}"
      if [[ -n ${1:-} ]]; then say "REST API password changed on every node"; else say "REST API password restored"; fi
      ;;
    stop-haproxy) stop_component haproxy 10; rm -f "$(pid_file haproxy)"; say "haproxy stopped" ;;
    start-haproxy)
      if component_pid haproxy >/dev/null; then say "haproxy is already running"; return 0; fi
      [[ -r $(haproxy_dir)/haproxy.cfg ]] || die "haproxy was never configured; run 'start' first"
      check_ports_free "$LAB_HAPROXY_PRIMARY_PORT" "$LAB_HAPROXY_REPLICA_PORT" "$LAB_HAPROXY_ANY_PORT" "$LAB_HAPROXY_STATS_PORT"
      start_haproxy
      say "haproxy started (pid $(component_pid haproxy || echo '?'))"
      ;;
    env) cmd_env ;;
    clean) cmd_clean ;;
    *) usage >&2; die "unknown verb '$verb'" ;;
  esac
}

main "$@"
