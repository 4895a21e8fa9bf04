#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: installs packages, builds with the ci
# preset (ASan+UBSan, warnings as errors), provides a display, D-Bus and an unlocked keyring,
# starts the lab cluster, runs every test through ctest, and always stops the lab.
#   bash packaging/run-tests.sh            # everything
#   PRESET=dev bash packaging/run-tests.sh # faster, without sanitizers
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PRESET=${PRESET:-ci}
started=$(date +%s)

bash packaging/install-deps.sh

# shellcheck source=packaging/test-env.sh
source packaging/test-env.sh
LAB="$ROOT/packaging/lab/manage-cluster.sh"
cleanup() {
  local rc=$?
  echo "run-tests: stopping the lab"
  "$LAB" stop || true
  test_env_stop
  echo "run-tests: finished in $(( $(date +%s) - started )) s, exit $rc"
  exit $rc
}
trap cleanup EXIT

test_env_start
# The lab comes up while the build runs; the build is the long part.
"$LAB" start
eval "$("$LAB" env)"

if command -v clang-format >/dev/null; then
  echo "run-tests: clang-format check"
  git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror
fi

# ASan: leaks inside Qt's plugin loading and fontconfig are not ours.
export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export CTEST_PARALLEL_LEVEL=1
cmake --workflow --preset "$PRESET"
