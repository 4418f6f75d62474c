#!/usr/bin/env bash
# The web version in one command: fetch the sources the web build needs (once),
# build with Debian's Emscripten into build-web/, and serve it on 127.0.0.1.
#   tools/web-build.sh            build and serve on http://127.0.0.1:8765/ (PORT=... to change)
#   tools/web-build.sh build      build only (the site is build-web/site/, any static host serves it)
#   tools/web-build.sh test       build the core test suite for wasm and run it under node (ctest; also: test-core)
#   tools/web-build.sh e2e        build, then drive the page in headless Chromium (tools/web-test/)
#   tools/web-build.sh measure    build, then measure the transfer size and load times (tools/web-test/measure.mjs)
#   --add-deb-src (first argument) lets platform/web/fetch-sources.sh add deb-src entries to /etc/apt when
#   `apt-get source` needs them; without it the script stops and says so instead of editing /etc/apt.
# Emscripten compiles are heavy: one job by default (ND_WEB_JOBS=2 for more).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ND_WEB_BUILD_DIR:-$root/build-web}"
jobs="${ND_WEB_JOBS:-1}"
port="${PORT:-8765}"
if [ "${1:-}" = --add-deb-src ]; then export ND_WEB_ADD_DEB_SRC=1; shift; fi
cmd="${1:-serve}"

packages=(emscripten cmake ninja-build pkg-config libcereal-dev catch2 fonts-dejavu-core fonts-font-awesome
          fonttools brotli)   # subset fonts (pyftsubset), precompressed .br files
[ "$cmd" = e2e ] || [ "$cmd" = measure ] && packages+=(chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "web: installing ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q && "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

"$root/platform/web/fetch-sources.sh"

# Debian's emscripten finds its node modules (acorn) here.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
# The preset web (CMakePresets.json: Emscripten's toolchain file, the options that
# leave out what the web has no use for, node as the emulator for the tests). A
# folder configured before the presets (from web/) is configured again, from
# scratch; any other is configured again with the preset, so options the preset
# gained since reach it (quick when nothing changed).
if [ ! -f "$build/build.ninja" ] ||
   ! grep -qxF "CMAKE_HOME_DIRECTORY:INTERNAL=$root" "$build/CMakeCache.txt" 2>/dev/null; then
  cmake -S "$root" --preset web -B "$build" --fresh
else
  cmake -S "$root" --preset web -B "$build" >/dev/null
fi

case "$cmd" in
  build|serve|e2e|measure)
    cmake --build "$build" -j"$jobs" --target numbness-diary
    echo "web: built $build/site/ ($(du -sh "$build/site" | cut -f1); index.wasm $(du -h "$build/site/index.wasm" | cut -f1))"
    ;;
  test|test-core)
    cmake --build "$build" -j"$jobs" --target nd_core_tests
    (cd "$build" && ctest --output-on-failure -j"$jobs")
    exit $?
    ;;
  *)
    echo "usage: tools/web-build.sh [--add-deb-src] [serve|build|test|test-core|e2e|measure]" >&2
    exit 2
    ;;
esac

case "$cmd" in
  serve)
    exec node "$root/tools/web-test/serve.mjs" "$build/site" "$port"
    ;;
  e2e)
    exec "$root/tools/web-test/run.sh" "$build/site"
    ;;
  measure)
    exec "$root/tools/web-test/run.sh" --measure "$build/site"
    ;;
esac
