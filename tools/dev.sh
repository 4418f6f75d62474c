#!/usr/bin/env bash
# Developer entry point for a fresh Debian 12 machine (the README's two commands).
#   tools/dev.sh run    install what is missing, build, and open the app on the default diary
#   tools/dev.sh test   install what is missing, build, and run the whole test suite (ctest)
#   tools/dev.sh hardening   the suite again under ASan + UBSan (build-asan) and a short
#                       libFuzzer run of every importer (build-fuzz); .ci/run runs it after test
# Both are idempotent and quick when nothing changed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${ND_BUILD_DIR:-$here/build}"

# Debian packages to build and run the app and the command line (`run`).
run_packages=(
  build-essential cmake ninja-build pkg-config
  libsqlite3-dev libcereal-dev
  libimgui-dev libglfw3-dev libgl-dev libstb-dev libfontconfig-dev
  libgl1-mesa-dri libglx-mesa0
  fonts-dejavu-core fonts-font-awesome xdg-utils
  libcairo2-dev libpango1.0-dev
  libsodium-dev libssl-dev
)
# ... and what the tests, benchmarks, screenshots and checks add (`test`, `hardening`).
test_packages=(
  catch2 libbenchmark-dev
  xvfb xauth poppler-utils
  strace binutils appstream desktop-file-utils
  clang libclang-rt-14-dev valgrind
)
packages=("${run_packages[@]}")

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # Node.js may come from elsewhere (these machines have NodeSource's); only ask
  # Debian for it when there is no npm at all.
  [ "${want_node:-0}" = 1 ] && { command -v npm >/dev/null 2>&1 || missing+=(nodejs npm); }
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

# build [tests: ON|OFF] [targets...]: configures (quick when nothing changed) and builds.
# The preset default (CMakePresets.json: Ninja, RelWithDebInfo).
build() {
  local with_tests="$1"; shift
  cmake -S "$here" --preset default -B "$build_dir" \
    -DND_BUILD_TESTS="$with_tests" -DND_BUILD_BENCH="$with_tests" >/dev/null
  local targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  cmake --build "$build_dir" -j"$(nproc)" "${targets[@]}"
}

case "${1:-}" in
  run)
    # Only what running the app needs: no test framework, benchmark or Node.
    install_missing
    build OFF numbness-diary numbness-diary-cli
    shift
    exec "$build_dir/platform/numbness-diary" "$@"
    ;;
  test)
    packages+=("${test_packages[@]}")
    want_node=1
    install_missing
    # The independent FHIR validator (npm `fhir`, locked in package-lock.json).
    if [ ! -d "$here/tools/fhir-validate/node_modules" ]; then
      (cd "$here/tools/fhir-validate" && npm ci --no-audit --no-fund --loglevel=error)
    fi
    build ON
    ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)"
    ;;
  hardening)
    packages+=("${test_packages[@]}")
    install_missing
    # The whole suite under ASan + UBSan, the app and its tests included (the
    # window tests run under Xvfb; the traced ones without leak checks, which
    # cannot run under ptrace), with shorter crash loops (each child is an ASan
    # process). The long runs are tools/sanitize.sh and tools/fuzz.sh 600; the
    # time the app adds is measured in docs/reliability.md. ND_ASAN_APP=OFF
    # leaves the app out for a quick local run.
    ND_JOBS="${ND_JOBS:-$(nproc)}" ND_CRASH_RUNS="${ND_CRASH_RUNS:-40}" ND_CRASH_OTHER_RUNS="${ND_CRASH_OTHER_RUNS:-15}" \
      "$here/tools/sanitize.sh" asan
    ND_JOBS="${ND_JOBS:-$(nproc)}" "$here/tools/fuzz.sh" "${ND_FUZZ_SECONDS:-8}"
    ;;
  *)
    echo "usage: tools/dev.sh run|test|hardening" >&2
    exit 2
    ;;
esac
