#!/usr/bin/env bash
# Builds a Release .deb of the app and the nd CLI (CPack) into build-deb/.
# Installed under /usr: the app finds its catalog in /usr/share/numbness-diary.
#   tools/make-deb.sh && sudo apt-get install ./build-deb/numbness-diary_*.deb
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/build-deb"
command -v dpkg-shlibdeps >/dev/null || { echo "dpkg-shlibdeps is missing: apt-get install dpkg-dev" >&2; exit 1; }
cmake -S "$here" -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DND_BUILD_TESTS=OFF
cmake --build "$out" -j"$(nproc)"
(cd "$out" && cpack -G DEB)
ls -1 "$out"/*.deb
