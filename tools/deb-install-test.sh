#!/usr/bin/env bash
# Installs the built .deb into a clean Debian 12 chroot next to Debian's own `nd`
# package (a WebDAV client that owns /usr/bin/nd, the CLI's old name), then starts
# both programs from /usr without the build tree: --version and --help of each
# (no display needed), and the CLI logging and listing an episode and drawing the
# report (through its helper in /usr/libexec/numbness-diary, the CLI itself linking no
# cairo or pango).
#   sudo tools/deb-install-test.sh [CHROOT_DIR]     (default /tmp/nd-chroot; needs root)
# Needs debootstrap and Debian's archive (apt's network); takes several minutes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="${1:-/tmp/nd-chroot}"
deb="$(ls -1 "${ND_DEB_BUILD_DIR:-$here/build-deb}"/numbness-diary_*_*.deb | head -1)"
[ -f "$deb" ] || { echo "no .deb: run tools/make-deb.sh first" >&2; exit 1; }
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap
[ -x "$root/bin/sh" ] || debootstrap --variant=minbase bookworm "$root"
cp "$deb" "$root/tmp/"
mount --bind /proc "$root/proc"
trap 'umount "$root/proc" || true' EXIT
chroot "$root" /bin/sh -euxc "
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y --no-install-recommends nd /tmp/$(basename "$deb")
  test -x /usr/bin/nd && test -x /usr/bin/numbness-diary-cli && test -x /usr/bin/numbness-diary
  numbness-diary --version && numbness-diary --help >/dev/null
  numbness-diary-cli --version
  man -w numbness-diary-cli >/dev/null 2>&1 || test -f /usr/share/man/man1/numbness-diary-cli.1.gz
  export HOME=/tmp/home TZ=Europe/Berlin; mkdir -p \$HOME
  numbness-diary-cli log --region left:toes --ago 5
  numbness-diary-cli list | grep -q 'left toes'
  numbness-diary-cli match >/dev/null
  test -x /usr/libexec/numbness-diary/numbness-diary-report
  ! ldd /usr/bin/numbness-diary-cli | grep -E 'cairo|pango'
  numbness-diary-cli report /tmp/report.pdf && head -c 5 /tmp/report.pdf | grep -q '%PDF-'
  echo 'installed beside nd: ok'
"
