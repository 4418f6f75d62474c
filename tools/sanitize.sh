#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer, then the
# core tests under valgrind (docs/reliability.md).
#
#   tools/sanitize.sh            both
#   tools/sanitize.sh asan       ASan + UBSan only: core, CLI, app and their tests in build-asan, ctest
#   tools/sanitize.sh valgrind   valgrind memcheck only: nd_core_tests and the reliability tests
#                                (without the crash and fault loops: too slow under valgrind) from build-rel
#
# The app and its tests (headless Dear ImGui, nd_app_tests) are part of the
# sanitized build; the PDF renderer is not (ND_BUILD_PDF=OFF). Leaks inside the
# system's GL / X11 / GLFW libraries (the window app's privacy test under Xvfb)
# are suppressed (tools/lsan-system-libs.supp); leaks in our code are not.
# ND_JOBS sets the build parallelism (default 1).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${ND_JOBS:-1}"
what="${1:-all}"
status=0

run_asan() {
  local dir="${ND_ASAN_BUILD_DIR:-$here/build-asan}"
  if [ ! -f "$dir/build.ninja" ]; then
    # The preset asan (CMakePresets.json: Debug, -O1, ASan + UBSan, no PDF renderer, no benchmark).
    cmake -S "$here" --preset asan -B "$dir" -DND_BUILD_APP="${ND_ASAN_APP:-ON}"
  fi
  # The app and its tests are built and run by default (CI's hardening run too);
  # ND_ASAN_APP=OFF leaves them out for a quicker local run.
  cmake -S "$here" -B "$dir" -DND_BUILD_APP="${ND_ASAN_APP:-ON}" >/dev/null
  cmake --build "$dir" -j"$jobs"
  # Fewer crash runs and concurrency rounds under ASan (each child is an ASan process); the fault loop runs in full.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS="suppressions=$here/tools/lsan-system-libs.supp" UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ND_CRASH_RUNS="${ND_CRASH_RUNS:-100}" ND_CRASH_OTHER_RUNS="${ND_CRASH_OTHER_RUNS:-30}" \
    ND_CONCURRENCY_ROUNDS="${ND_CONCURRENCY_ROUNDS:-50}" \
    ctest --test-dir "$dir" --output-on-failure -j"$jobs" || status=1
}

run_valgrind() {
  if ! command -v valgrind >/dev/null 2>&1; then
    echo "sanitize.sh: valgrind is not installed (apt-get install valgrind); valgrind run skipped" >&2
    return 0
  fi
  local dir="${ND_BUILD_DIR:-$here/build-rel}"
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$here" --preset rel -B "$dir"   # RelWithDebInfo, no app, no PDF renderer
  fi
  cmake --build "$dir" -j"$jobs"
  local vg=(valgrind --tool=memcheck --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
            --show-leak-kinds=definite --track-origins=no --quiet)
  echo "valgrind: nd_core_tests"
  "${vg[@]}" "$dir/tests/nd_core_tests" --reporter compact || status=1
  if [ -x "$dir/tests/reliability/nd_reliability_tests" ]; then
    echo "valgrind: nd_reliability_tests (hostile input, privacy)"
    "${vg[@]}" "$dir/tests/reliability/nd_reliability_tests" "[hostile],[privacy]" --reporter compact || status=1
  fi
}

case "$what" in
  all) run_asan; run_valgrind ;;
  asan) run_asan ;;
  valgrind) run_valgrind ;;
  *) echo "usage: tools/sanitize.sh [all|asan|valgrind]" >&2; exit 2 ;;
esac
[ $status -eq 0 ] && echo "sanitize.sh: clean" || echo "sanitize.sh: FAILED"
exit $status
