#!/usr/bin/env bash
# Fetches the sources the web build needs and Debian's x86 binaries cannot serve,
# into platform/web/third_party/ (gitignored, never committed). Idempotent: does nothing
# when they are already there.
#   imgui/   Dear ImGui 1.86 from Debian's source package (apt-get source imgui)
#   sqlite/  the SQLite amalgamation (sqlite3.c, sqlite3.h) from the npm package
#            better-sqlite3@12 (its deps/sqlite3/), fetched with `npm pack`:
#            one 2.7 MB download, ~3 s. (Debian's source package works too, but
#            needs ./configure && make sqlite3.c with tcl: ND_SQLITE_FROM=debian.)
#   libsodium/  libsodium 1.0.18 from Debian's source package (apt-get source
#            libsodium), for core's password-protected backups; it is
#            compiled for wasm by platform/web/build-sodium.sh at configure time.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tp="$here/third_party"
mkdir -p "$tp"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

have_deb_src() {
  grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ 2>/dev/null ||
    grep -qs '^deb-src' /etc/apt/sources.list 2>/dev/null
}

add_deb_src() {
  have_deb_src && return 0
  # `apt-get source` needs deb-src entries. Adding them changes the machine's
  # apt configuration, outside this repository, so it is never done silently:
  # only when asked (ND_WEB_ADD_DEB_SRC=1, or tools/web-build.sh --add-deb-src).
  local src=/etc/apt/sources.list.d/debian.sources
  if [ "${ND_WEB_ADD_DEB_SRC:-0}" != 1 ]; then
    cat >&2 <<MSG
web: 'apt-get source' needs deb-src entries in /etc/apt, and this machine has none.
     This script will not edit /etc/apt on its own. Either add them yourself, or run
     again with ND_WEB_ADD_DEB_SRC=1 (or: tools/web-build.sh --add-deb-src ...) to let it
     write /etc/apt/sources.list.d/nd-web-deb-src.* (a copy of your sources as deb-src)
     and run 'apt-get update' (as root, through sudo when you are not root).
MSG
    exit 1
  fi
  local sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  if [ -f "$src" ]; then
    echo "web: writing /etc/apt/sources.list.d/nd-web-deb-src.sources (deb-src copies of $src), as asked"
    sed 's/^Types: deb$/Types: deb-src/' "$src" | "${sudo_cmd[@]}" tee /etc/apt/sources.list.d/nd-web-deb-src.sources >/dev/null
  else
    echo "web: writing /etc/apt/sources.list.d/nd-web-deb-src.list (deb-src copies of /etc/apt/sources.list), as asked"
    grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | "${sudo_cmd[@]}" tee /etc/apt/sources.list.d/nd-web-deb-src.list >/dev/null
  fi
  "${sudo_cmd[@]}" apt-get update -q
}

fetch_imgui() {
  [ -f "$tp/imgui/imgui.cpp" ] && return 0
  add_deb_src
  echo "web: fetching Dear ImGui 1.86 (apt-get source imgui)"
  (cd "$work" && apt-get source --download-only -q imgui=1.86+ds-1 >/dev/null 2>&1 ||
     (cd "$work" && apt-get source --download-only -q imgui))
  local orig
  orig="$(ls "$work"/imgui_1.86*.orig.tar.* | head -1)"
  mkdir -p "$work/imgui" && tar xf "$orig" -C "$work/imgui" --strip-components=1
  grep -q 'IMGUI_VERSION *"1.86"' "$work/imgui/imgui.h" || { echo "web: expected imgui 1.86" >&2; exit 1; }
  rm -rf "$tp/imgui" && mv "$work/imgui" "$tp/imgui"
}

fetch_sqlite_npm() {
  echo "web: fetching the SQLite amalgamation (npm pack better-sqlite3@12)"
  (cd "$work" && npm pack --silent better-sqlite3@12 >/dev/null)
  tar xzf "$work"/better-sqlite3-*.tgz -C "$work" package/deps/sqlite3
  mkdir -p "$work/sqlite" && cp "$work"/package/deps/sqlite3/sqlite3.{c,h} "$work/sqlite/"
}

fetch_sqlite_debian() {
  add_deb_src
  echo "web: building the SQLite amalgamation from Debian's source package (needs tcl)"
  (cd "$work" && apt-get source --download-only -q sqlite3 >/dev/null)
  mkdir -p "$work/src" && tar xf "$(ls "$work"/sqlite3_*.orig.tar.* | grep -v www | head -1)" -C "$work/src" --strip-components=1
  (cd "$work/src" && ./configure >/dev/null && make sqlite3.c >/dev/null)
  mkdir -p "$work/sqlite" && cp "$work"/src/sqlite3.{c,h} "$work/sqlite/"
}

fetch_sqlite() {
  [ -f "$tp/sqlite/sqlite3.c" ] && return 0
  if [ "${ND_SQLITE_FROM:-npm}" = debian ]; then fetch_sqlite_debian; else fetch_sqlite_npm; fi
  rm -rf "$tp/sqlite" && mv "$work/sqlite" "$tp/sqlite"
}

fetch_sodium() {
  [ -f "$tp/libsodium/configure.ac" ] && return 0
  add_deb_src
  echo "web: fetching libsodium (apt-get source libsodium)"
  (cd "$work" && apt-get source --download-only -q libsodium >/dev/null 2>&1)
  mkdir -p "$work/libsodium"
  tar xf "$(ls "$work"/libsodium_*.orig.tar.* | head -1)" -C "$work/libsodium" --strip-components=1
  rm -rf "$tp/libsodium" && mv "$work/libsodium" "$tp/libsodium"
}

fetch_imgui
fetch_sqlite
fetch_sodium
echo "web: sources ready in $tp (imgui $(grep -o 'IMGUI_VERSION *"[^"]*"' "$tp/imgui/imgui.h" | grep -o '[0-9.]*'), sqlite $(grep -m1 'define SQLITE_VERSION ' "$tp/sqlite/sqlite3.h" | grep -o '"[^"]*"'))"
