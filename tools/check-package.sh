#!/usr/bin/env bash
# Checks what a Linux desktop and Debian read of the app:
#   tools/check-package.sh          the .desktop entry and the AppStream metadata
#                                   (seconds; CTest runs this as desktop_files_valid)
#   tools/check-package.sh deb      the above, then builds the .deb (tools/make-deb.sh)
#                                   and runs lintian on it: no error and no warning
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

desktop-file-validate "$here/assets/desktop/numbness-diary.desktop"
appstreamcli validate --no-net "$here"/assets/desktop/*.metainfo.xml
# The window's WM_CLASS (platform/window_identity.hpp) is the entry's StartupWMClass.
class="$(sed -n 's/^StartupWMClass=//p' "$here/assets/desktop/numbness-diary.desktop")"
grep -q "kWindowClass = \"$class\"" "$here/platform/window_identity.hpp" \
  || { echo "StartupWMClass=$class does not match kWindowClass in platform/window_identity.hpp" >&2; exit 1; }
echo "desktop entry and AppStream metadata: ok"

if [ "${1:-}" = deb ]; then
  "$here/tools/make-deb.sh"
  deb="$(ls -1 "${ND_DEB_BUILD_DIR:-$here/build-deb}"/numbness-diary_*.deb | head -1)"
  # Errors and warnings fail; info tags are listed (docs/packaging.md says which are accepted and why).
  lintian --fail-on error,warning --info --display-info "$deb"
  echo "lintian: no error, no warning on $deb"
fi
