#!/usr/bin/env bash
# Sourced by packaging/run-tests.sh: gives the test run a world of its own, whatever machine it runs
# on — a display (Xvfb), a D-Bus session, an unlocked throw-away keyring and empty XDG directories —
# so that no test reads or writes the user's real settings, journal or keyring, and none depends on
# a desktop session being there or not. It records the PIDs it started so cleanup ends exactly those.
TEST_ENV_PIDS=()
TEST_ENV_DIR=""

test_env_start() {
  TEST_ENV_DIR="$(mktemp -d /tmp/patroni-console-test.XXXXXX)"
  # No accessibility bus per Qt process: it outlives the tests and is not ours to manage.
  export NO_AT_BRIDGE=1 QT_LINUX_ACCESSIBILITY_ALWAYS_ON=0
  # Settings, journals and the keyring's files of this run only.
  mkdir -p "$TEST_ENV_DIR"/{config,data,cache,runtime}
  chmod 700 "$TEST_ENV_DIR/runtime"
  export XDG_CONFIG_HOME="$TEST_ENV_DIR/config" XDG_DATA_HOME="$TEST_ENV_DIR/data"
  export XDG_CACHE_HOME="$TEST_ENV_DIR/cache" XDG_RUNTIME_DIR="$TEST_ENV_DIR/runtime"

  # Our own X server on a display it chooses itself (-displayfd): never the user's display, never
  # one another run holds.
  local fifo="$TEST_ENV_DIR/xvfb.display"
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$fifo" >"$TEST_ENV_DIR/xvfb.log" 2>&1 &
  TEST_ENV_PIDS+=($!)
  local display=""
  read -r -t 20 display <"$fifo" || true
  if [ -z "$display" ]; then
    echo "test-env: Xvfb did not start (see $TEST_ENV_DIR/xvfb.log)" >&2
    return 1
  fi
  export DISPLAY=":$display"
  echo "test-env: Xvfb on $DISPLAY"

  # Our own session bus, even inside a desktop session: the tests must not write into the user's
  # login keyring, nor wait on its unlock prompt.
  eval "$(dbus-launch --sh-syntax)"
  TEST_ENV_PIDS+=("$DBUS_SESSION_BUS_PID")
  echo "test-env: D-Bus session $DBUS_SESSION_BUS_ADDRESS"
  # A throw-away keyring (its files under XDG_DATA_HOME), unlocked with a throw-away password:
  # nothing real is stored here. --foreground keeps the daemon our direct child, so its PID is exact.
  printf 'patroni-console-test-keyring' | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$TEST_ENV_DIR/keyring.log" 2>&1 &
  TEST_ENV_PIDS+=($!)
  local i
  for i in $(seq 1 50); do
    grep -q GNOME_KEYRING_CONTROL "$TEST_ENV_DIR/keyring.log" 2>/dev/null && break
    sleep 0.1
  done
  # Prove the keyring works before any test depends on it.
  if printf 'probe' | timeout 10 secret-tool store --label=probe service patroni-console-probe account ci 2>/dev/null \
     && [ "$(timeout 10 secret-tool lookup service patroni-console-probe account ci 2>/dev/null)" = probe ]; then
    timeout 10 secret-tool clear service patroni-console-probe account ci || true
    echo "test-env: keyring unlocked and working"
  else
    echo "test-env: WARNING: the secret service keyring is not usable; keychain tests will fail" >&2
  fi
}

test_env_stop() {
  local pid
  for pid in "${TEST_ENV_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  TEST_ENV_PIDS=()
  if [ -n "${TEST_ENV_DIR:-}" ]; then
    rm -rf "$TEST_ENV_DIR"
    TEST_ENV_DIR=""
  fi
}
