#!/usr/bin/env bash
# Builds the .deb of the app and the command line (CPack) into build-deb/:
# numbness-diary_VERSION-1_ARCH.deb (programs stripped) and
# numbness-diary-dbgsym_VERSION-1_ARCH.deb (their debug symbols, tools/make-dbgsym.sh).
#   tools/make-deb.sh && sudo apt-get install ./build-deb/numbness-diary_*_*.deb
# Installs its own build dependencies, builds only what it packages (no tests, no
# benchmark), with Debian's hardening flags from dpkg-buildflags, stripped
# programs, manual pages from help2man and SOURCE_DATE_EPOCH from the last commit.
# tools/check-package.sh runs lintian, appstreamcli and desktop-file-validate on it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${ND_DEB_BUILD_DIR:-$here/build-deb}"

deps=(
  build-essential cmake ninja-build pkg-config dpkg-dev file help2man binutils
  libsqlite3-dev libcereal-dev libimgui-dev libglfw3-dev libgl-dev libstb-dev
  libfontconfig-dev libcairo2-dev libpango1.0-dev libsodium-dev
)
missing=()
for p in "${deps[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing the build dependencies: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

cd "$here"
# Reproducible: the date of the last commit dates the man pages and the files.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
# Debian's compiler and linker flags (hardening: PIE, RELRO, BIND_NOW, stack
# protector, FORTIFY_SOURCE; -ffile-prefix-map for the build path), as debhelper
# would pass them. CMake does not read CPPFLAGS: they go with the compile flags.
export DEB_BUILD_MAINT_OPTIONS="hardening=+all"
eval "$(dpkg-buildflags --export=sh)"
export CFLAGS="$CFLAGS $CPPFLAGS" CXXFLAGS="$CXXFLAGS $CPPFLAGS"

# The preset deb (CMakePresets.json): CMAKE_BUILD_TYPE=None, only the flags above (as
# debhelper's cmake build does); prefix /usr; no tests, no benchmark; manual pages.
cmake -S "$here" --preset deb -B "$out" -DCMAKE_EXE_LINKER_FLAGS="$LDFLAGS"
cmake --build "$out" -j"${ND_JOBS:-$(nproc)}"
rm -f "$out"/*.deb "$out"/*.ddeb
(cd "$out" && cpack -G DEB)
# The debug symbols, split out of the same build into numbness-diary-dbgsym.
main_deb="$(ls -1 "$out"/numbness-diary_*.deb)"
"$here/tools/make-dbgsym.sh" "$out" "$main_deb" >/dev/null
ls -1 "$out"/*.deb
