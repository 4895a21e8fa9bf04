#!/usr/bin/env bash
# Sourced by packaging/run-tests.sh: gives the test run a display (Xvfb), a D-Bus session and an
# unlocked gnome-keyring, each only if missing, and records the PIDs it started so cleanup ends
# exactly those.
TEST_ENV_PIDS=()

test_env_start() {
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
  if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    eval "$(dbus-launch --sh-syntax)"
    TEST_ENV_PIDS+=("$DBUS_SESSION_BUS_PID")
    echo "test-env: D-Bus session $DBUS_SESSION_BUS_ADDRESS"
  fi
  if ! secret-tool search --all service patroni-console-probe >/dev/null 2>&1 || [ -n "${CI:-}" ]; then
    # A throw-away keyring home, unlocked with an empty password: nothing real is ever stored here.
    export XDG_DATA_HOME="${XDG_DATA_HOME:-$(mktemp -d /tmp/patroni-console-xdg.XXXXXX)}"
    local out
    out=$(printf '' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)
    eval "$(printf '%s\n' "$out" | sed -n 's/^\(GNOME_KEYRING_[A-Z_]*\)=\(.*\)$/export \1=\2/p')"
    [ -n "${GNOME_KEYRING_PID:-}" ] && TEST_ENV_PIDS+=("$GNOME_KEYRING_PID")
    gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1 || true
  fi
  # Prove the keyring works before any test depends on it.
  if printf 'probe' | secret-tool store --label=probe service patroni-console-probe account ci 2>/dev/null \
     && [ "$(secret-tool lookup service patroni-console-probe account ci 2>/dev/null)" = probe ]; then
    secret-tool clear service patroni-console-probe account ci || true
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
}
