#!/usr/bin/env bash
# Checks what a Linux desktop and Debian read of the app:
#   tools/check-package.sh          the .desktop entry and the AppStream metadata
#                                   (seconds; CTest runs this as desktop_files_valid)
#   tools/check-package.sh deb      the above, then builds the .deb and its -dbgsym
#                                   (tools/make-deb.sh) and runs lintian on both: no
#                                   error and no warning
# Installs lintian, appstream and desktop-file-utils when missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need=()
command -v appstreamcli >/dev/null || need+=(appstream)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
[ "${1:-}" = deb ] && ! command -v lintian >/dev/null && need+=(lintian)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${need[@]}"
fi

# One application id everywhere (docs/packaging.md): the AppStream id names the
# .desktop file and the metainfo file, and is the entry's icon, its StartupWMClass,
# the window's WM_CLASS (platform/window_identity.hpp) and cmake's ND_APP_ID.
metainfo="$(ls -1 "$here"/assets/desktop/*.metainfo.xml)"
[ "$(echo "$metainfo" | wc -l)" -eq 1 ] || { echo "expected one metainfo file: $metainfo" >&2; exit 1; }
id="$(sed -n 's:.*<id>\(.*\)</id>.*:\1:p' "$metainfo")"
fail() { echo "application id $id: $*" >&2; exit 1; }
[ "$(basename "$metainfo")" = "$id.metainfo.xml" ] || fail "the metainfo file is $(basename "$metainfo")"
entry="$here/assets/desktop/$id.desktop"
[ -f "$entry" ] || fail "no $entry"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" || fail "launchable is not $id.desktop"
grep -qx "Icon=$id" "$entry" || fail "the entry's Icon is not $id"
grep -qx "StartupWMClass=$id" "$entry" || fail "the entry's StartupWMClass is not $id"
grep -q "kWindowClass = \"$id\"" "$here/platform/window_identity.hpp" || fail "kWindowClass in platform/window_identity.hpp differs"
grep -q "set(ND_APP_ID \"$id\")" "$here/cmake/packaging.cmake" || fail "ND_APP_ID in cmake/packaging.cmake differs"
# One maintainer address: the package's contact, the changelog, copyright and AppStream.
contact="$(sed -n 's/^set(CPACK_PACKAGE_CONTACT "\(.*\)")/\1/p' "$here/cmake/packaging.cmake")"
email="${contact##*<}"; email="${email%>}"
[ -n "$email" ] || fail "no CPACK_PACKAGE_CONTACT"
grep -q "^ -- $contact  " "$here/cmake/deb/changelog" || fail "the changelog's maintainer is not $contact"
grep -q "^Upstream-Contact: $contact\$" "$here/cmake/deb/copyright" || fail "copyright's Upstream-Contact is not $contact"
grep -q "<update_contact>$email</update_contact>" "$metainfo" || fail "AppStream update_contact is not $email"

desktop-file-validate "$entry"
appstreamcli validate --no-net "$metainfo"
echo "desktop entry and AppStream metadata: ok"

if [ "${1:-}" = deb ]; then
  "$here/tools/make-deb.sh"
  dir="${ND_DEB_BUILD_DIR:-$here/build-deb}"
  deb="$(ls -1 "$dir"/numbness-diary_*.deb | head -1)"
  dbgsym="$(ls -1 "$dir"/numbness-diary-dbgsym_*.deb | head -1)"
  # Errors and warnings fail; info tags are listed (docs/packaging.md says which are accepted and why).
  lintian --fail-on error,warning --info --display-info "$deb" "$dbgsym"
  echo "lintian: no error, no warning on $deb and $dbgsym"
fi
