#!/usr/bin/env bash
# Sourced by packaging/run-tests.sh: gives the test run a display (Xvfb), a D-Bus session and an
# unlocked gnome-keyring, each only if missing, and records the PIDs it started so cleanup ends
# exactly those.
TEST_ENV_PIDS=()
TEST_ENV_XDG=""

test_env_start() {
  # No accessibility bus per Qt process: it outlives the tests and is not ours to manage.
  export NO_AT_BRIDGE=1 QT_LINUX_ACCESSIBILITY_ALWAYS_ON=0
  if [ -z "${DISPLAY:-}" ]; then
    local n
    for n in 99 98 97 96 95; do
      [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break
    done
    Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/tmp/patroni-console-xvfb.log 2>&1 &
    TEST_ENV_PIDS+=($!)
    export DISPLAY=":$n"
    local i
    for i in $(seq 1 50); do
      xdpyinfo >/dev/null 2>&1 && break
      sleep 0.1
    done
    xdpyinfo >/dev/null 2>&1 || { echo "test-env: Xvfb did not start (see /tmp/patroni-console-xvfb.log)" >&2; return 1; }
    echo "test-env: Xvfb on $DISPLAY"
  fi
  local own_bus=""
  if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    own_bus=1
    eval "$(dbus-launch --sh-syntax)"
    TEST_ENV_PIDS+=("$DBUS_SESSION_BUS_PID")
    echo "test-env: D-Bus session $DBUS_SESSION_BUS_ADDRESS"
  fi
  # On a bus of our own (CI, a console login) the keyring is ours to provide; on a desktop session
  # the user's keyring is already there.
  if [ -n "$own_bus" ]; then
    # A throw-away keyring home, unlocked with a throw-away password: nothing real is stored here.
    # --foreground keeps the daemon our direct child, so its PID is exact.
    TEST_ENV_XDG="$(mktemp -d /tmp/patroni-console-xdg.XXXXXX)"
    export XDG_DATA_HOME="$TEST_ENV_XDG"
    printf 'patroni-console-test-keyring' | gnome-keyring-daemon --foreground --unlock --components=secrets \
      >/tmp/patroni-console-keyring.log 2>&1 &
    TEST_ENV_PIDS+=($!)
    local i
    for i in $(seq 1 30); do
      grep -q GNOME_KEYRING_CONTROL /tmp/patroni-console-keyring.log 2>/dev/null && break
      sleep 0.1
    done
  fi
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
  if [ -n "${TEST_ENV_XDG:-}" ]; then
    rm -rf "$TEST_ENV_XDG"
    TEST_ENV_XDG=""
  fi
}
