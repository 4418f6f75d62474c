#!/usr/bin/env bash
# Compiles the part of libsodium (platform/web/third_party/libsodium, from
# platform/web/fetch-sources.sh) that core/ uses, for wasm with Emscripten, and installs
# it into PREFIX (lib/libsodium.a, include/, lib/pkgconfig/libsodium.pc). Run by
# platform/web/deps.cmake at configure time when PREFIX has none yet.
#
# Why not libsodium's own ./configure: under emconfigure every one of its few
# hundred probes is a full emcc run (a node start each), and `make` then builds
# all of libsodium; on a busy two-core machine that took 12 min 48 s. core/ uses
# only sodium_init, sodium_memzero/memcmp, randombytes, crypto_pwhash (Argon2),
# crypto_aead_xchacha20poly1305_ietf and crypto_hash_sha256. So this compiles
# those files and what they call (plus what sodium_init touches: its
# pick_best_implementation calls), with the settings libsodium's configure
# would reach for Emscripten: plain C reference code, no assembly, no SIMD, no
# threads, little-endian, -Os (dist-build/emscripten.sh's own CFLAGS). Random
# bytes come from the browser's crypto.getRandomValues (node's crypto under
# node): randombytes.c's own __EMSCRIPTEN__ path.
#   platform/web/build-sodium.sh PREFIX
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="$1"
src="$here/third_party/libsodium"
[ -f "$src/configure.ac" ] || { echo "web: $src is missing: run platform/web/fetch-sources.sh" >&2; exit 1; }
[ -f "$prefix/lib/libsodium.a" ] && exit 0
# One build at a time (a CMake re-run may start this while another runs).
mkdir -p "$prefix"
exec 9>"$prefix/.build-sodium.lock"
flock 9
[ -f "$prefix/lib/libsodium.a" ] && exit 0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

lib="$src/src/libsodium"
# The version, from configure.ac's AC_INIT (1.0.18) and its library-version lines.
version="$(sed -n 's/^AC_INIT(\[libsodium\],\[\([0-9.]*\)\].*/\1/p' "$src/configure.ac")"
major="$(sed -n 's/^SODIUM_LIBRARY_VERSION_MAJOR=\([0-9]*\)/\1/p' "$src/configure.ac")"
minor="$(sed -n 's/^SODIUM_LIBRARY_VERSION_MINOR=\([0-9]*\)/\1/p' "$src/configure.ac")"
[ -n "$version" ] && [ -n "$major" ] && [ -n "$minor" ] || { echo "web: cannot read libsodium's version from configure.ac" >&2; exit 1; }
mkdir -p "$work/include/sodium"
sed -e "s/@VERSION@/$version/" -e "s/@SODIUM_LIBRARY_VERSION_MAJOR@/$major/" \
    -e "s/@SODIUM_LIBRARY_VERSION_MINOR@/$minor/" -e "s/@SODIUM_LIBRARY_MINIMAL_DEF@//" \
    "$lib/include/sodium/version.h.in" >"$work/include/sodium/version.h"

files=(
  sodium/core.c sodium/utils.c sodium/runtime.c sodium/version.c sodium/codecs.c
  randombytes/randombytes.c
  crypto_verify/sodium/verify.c
  crypto_hash/sha256/hash_sha256.c crypto_hash/sha256/cp/hash_sha256_cp.c
  crypto_generichash/blake2b/generichash_blake2.c
  crypto_generichash/blake2b/ref/blake2b-compress-ref.c crypto_generichash/blake2b/ref/blake2b-ref.c
  crypto_generichash/blake2b/ref/generichash_blake2b.c
  crypto_pwhash/crypto_pwhash.c
  crypto_pwhash/argon2/argon2.c crypto_pwhash/argon2/argon2-core.c crypto_pwhash/argon2/argon2-encoding.c
  crypto_pwhash/argon2/argon2-fill-block-ref.c crypto_pwhash/argon2/blake2b-long.c
  crypto_pwhash/argon2/pwhash_argon2i.c crypto_pwhash/argon2/pwhash_argon2id.c
  crypto_aead/xchacha20poly1305/sodium/aead_xchacha20poly1305.c
  crypto_core/hchacha20/core_hchacha20.c
  crypto_stream/chacha20/stream_chacha20.c crypto_stream/chacha20/ref/chacha20_ref.c
  crypto_onetimeauth/poly1305/onetimeauth_poly1305.c crypto_onetimeauth/poly1305/donna/poly1305_donna.c
  # Only for sodium_init's pick_best_implementation calls (no SIMD variants on wasm).
  crypto_stream/salsa20/stream_salsa20.c crypto_stream/salsa20/ref/salsa20_ref.c
  crypto_core/salsa/ref/core_salsa_ref.c
  crypto_scalarmult/curve25519/scalarmult_curve25519.c crypto_scalarmult/curve25519/ref10/x25519_ref10.c
  crypto_core/ed25519/ref10/ed25519_ref10.c
)
echo "web: compiling ${#files[@]} libsodium $version files for wasm (what core/ uses)"
cflags=(-Os -DCONFIGURED=1 -DNATIVE_LITTLE_ENDIAN=1 -DHAVE_WEAK_SYMBOLS=1
        -I"$work/include/sodium" -I"$lib/include/sodium" -I"$lib/include")
objs=()
jobs="${ND_WEB_JOBS:-1}"
n=0
for f in "${files[@]}"; do
  o="$work/obj/${f//\//_}.o"; objs+=("$o"); mkdir -p "$work/obj"
  emcc "${cflags[@]}" -c "$lib/$f" -o "$o" &
  n=$((n + 1)); if [ "$n" -ge "$jobs" ]; then wait -n; n=$((n - 1)); fi
done
while [ "$n" -gt 0 ]; do wait -n; n=$((n - 1)); done
for o in "${objs[@]}"; do [ -f "$o" ] || { echo "web: libsodium: $o failed to compile" >&2; exit 1; }; done
mkdir -p "$work/out/lib/pkgconfig" "$work/out/include"
emar rcs "$work/out/lib/libsodium.a" "${objs[@]}"
cp "$lib/include/sodium.h" "$work/out/include/"
mkdir -p "$work/out/include/sodium"
find "$lib/include/sodium" -maxdepth 1 -name '*.h' -exec cp {} "$work/out/include/sodium/" \;
cp "$work/include/sodium/version.h" "$work/out/include/sodium/"
cat >"$work/out/lib/pkgconfig/libsodium.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: libsodium
Version: $version
Description: the part of libsodium that numbness-diary's core uses, for wasm
Libs: -L\${libdir} -lsodium
Cflags: -I\${includedir}
PC
cp -a "$work/out/." "$prefix/"
echo "web: libsodium installed in $prefix"
