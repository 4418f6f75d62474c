#!/usr/bin/env bash
# Compiles libsodium (web/third_party/libsodium, from web/fetch-sources.sh) for
# wasm with Emscripten and installs it into PREFIX (lib/libsodium.a, include/,
# lib/pkgconfig/libsodium.pc). Run by web/CMakeLists.txt at configure time when
# core/ needs libsodium and PREFIX has none yet. Plain C, no assembly, no threads:
# libsodium's own Emscripten settings. Its random bytes come from the browser's
# crypto.getRandomValues (node's crypto under node).
#   web/build-sodium.sh PREFIX
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="$1"
src="$here/third_party/libsodium"
[ -f "$src/configure.ac" ] || { echo "web: $src is missing: run web/fetch-sources.sh" >&2; exit 1; }
[ -f "$prefix/lib/libsodium.a" ] && exit 0
# One build at a time (a CMake re-run may start this while another runs).
mkdir -p "$prefix"
exec 9>"$prefix/.build-sodium.lock"
flock 9
[ -f "$prefix/lib/libsodium.a" ] && exit 0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -a "$src/." "$work/"
cd "$work"
# Debian's source is the git tree without a generated configure (autoconf, automake, libtool).
[ -f configure ] || autoreconf -fi >autoreconf.log 2>&1 || { tail -20 autoreconf.log >&2; exit 1; }
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
echo "web: building libsodium for wasm (about a minute or two)"
emconfigure ./configure --prefix="$prefix" --disable-shared --enable-static --disable-asm --disable-ssp \
  --without-pthreads --disable-pie --host=wasm32-unknown-emscripten CFLAGS="-O2" >configure.log 2>&1 ||
  { tail -30 configure.log >&2; exit 1; }
emmake make -j"${ND_WEB_JOBS:-1}" install >make.log 2>&1 || { tail -30 make.log >&2; exit 1; }
echo "web: libsodium installed in $prefix"
