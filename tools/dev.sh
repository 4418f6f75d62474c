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

# Debian packages the build, the tests and the screenshot script need.
packages=(
  build-essential cmake ninja-build pkg-config
  libsqlite3-dev libcereal-dev catch2
  libimgui-dev libglfw3-dev libgl-dev libstb-dev
  libgl1-mesa-dri libglx-mesa0 xvfb xauth
  fonts-dejavu-core fonts-font-awesome
  libcairo2-dev libpango1.0-dev poppler-utils
  libsodium-dev libbenchmark-dev
  strace
  clang libclang-rt-14-dev valgrind
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # Node.js may come from elsewhere (these machines have NodeSource's); only ask
  # Debian for it when there is no npm at all.
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

build() {
  if [ ! -f "$build_dir/build.ninja" ]; then
    cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
  fi
  cmake --build "$build_dir" -j"$(nproc)"
}

case "${1:-}" in
  run)
    install_missing
    build
    shift
    exec "$build_dir/platform/numbness-diary" "$@"
    ;;
  test)
    install_missing
    # The independent FHIR validator (npm `fhir`, locked in package-lock.json).
    if [ ! -d "$here/tools/fhir-validate/node_modules" ]; then
      (cd "$here/tools/fhir-validate" && npm ci --no-audit --no-fund --loglevel=error)
    fi
    build
    ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)"
    ;;
  hardening)
    install_missing
    # Shorter crash loops under ASan (each child is an ASan process); the long
    # runs are tools/sanitize.sh and tools/fuzz.sh 600 (docs/reliability.md).
    ND_JOBS="${ND_JOBS:-$(nproc)}" ND_CRASH_RUNS="${ND_CRASH_RUNS:-40}" ND_CRASH_OTHER_RUNS="${ND_CRASH_OTHER_RUNS:-15}" \
      "$here/tools/sanitize.sh" asan
    ND_JOBS="${ND_JOBS:-$(nproc)}" "$here/tools/fuzz.sh" "${ND_FUZZ_SECONDS:-8}"
    ;;
  *)
    echo "usage: tools/dev.sh run|test|hardening" >&2
    exit 2
    ;;
esac
