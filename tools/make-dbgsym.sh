#!/usr/bin/env bash
# Builds the -dbgsym package beside the main .deb, as debhelper's dh_strip would:
# the debug information of each packaged program, split out with
#   objcopy --only-keep-debug --compress-debug-sections
# into /usr/lib/debug/.build-id/NN/REST.debug, where gdb and debuginfod look it up
# by the program's GNU build id. The main package's programs are the same build,
# stripped by CPack (CPACK_STRIP_FILES), so their build ids match.
# (CPack's own CPACK_DEBIAN_DEBUGINFO_PACKAGE works only with component packaging,
# which would rename or split the package; docs/packaging.md.)
#   tools/make-dbgsym.sh BUILD_DIR MAIN.deb     (tools/make-deb.sh runs it)
set -euo pipefail
build="$1"
main_deb="$2"

field() { dpkg-deb -f "$main_deb" "$1"; }
pkg="$(field Package)"
version="$(field Version)"
arch="$(field Architecture)"
maintainer="$(field Maintainer)"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/root"
mkdir -p "$root/DEBIAN"
dpkg-deb -x "$main_deb" "$stage/main"   # the packaged (stripped) programs, to compare build ids

ids=()
# The programs the main package ships (usr/bin), taken from the build folder unstripped.
for prog in $(dpkg-deb -c "$main_deb" | awk '$6 ~ /^\.\/usr\/bin\// {print $6}' | sed 's:^\./usr/bin/::'); do
  built="$(find "$build" -type f -name "$prog" -perm -u+x -not -path '*/_CPack_Packages/*' | head -1)"
  [ -n "$built" ] || { echo "make-dbgsym: $prog not found in $build" >&2; exit 1; }
  id="$(readelf -n "$built" | sed -n 's/^ *Build ID: *//p')"
  [ -n "$id" ] || { echo "make-dbgsym: $built has no GNU build id" >&2; exit 1; }
  # The packaged (stripped) program must be this very build.
  packaged_id="$(readelf -n "$stage/main/usr/bin/$prog" | sed -n 's/^ *Build ID: *//p')"
  [ "$packaged_id" = "$id" ] || { echo "make-dbgsym: build id of $prog differs from the package's" >&2; exit 1; }
  readelf -S "$built" | grep -q '\.debug_info' || { echo "make-dbgsym: $built has no debug information" >&2; exit 1; }
  dir="$root/usr/lib/debug/.build-id/${id:0:2}"
  mkdir -p "$dir"
  objcopy --only-keep-debug --compress-debug-sections "$built" "$dir/${id:2}.debug"
  chmod 0644 "$dir/${id:2}.debug"
  ids+=("$id")
done
[ ${#ids[@]} -gt 0 ] || { echo "make-dbgsym: no program in $main_deb" >&2; exit 1; }
# As debhelper does: the documentation folder is the main package's.
mkdir -p "$root/usr/share/doc"
ln -s "$pkg" "$root/usr/share/doc/$pkg-dbgsym"

(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"   # as dh_md5sums
size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
cat > "$root/DEBIAN/control" <<CONTROL
Package: $pkg-dbgsym
Source: $pkg
Version: $version
Auto-Built-Package: debug-symbols
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $size
Depends: $pkg (= $version)
Section: debug
Priority: optional
Description: debug symbols for $pkg
Build-Ids: ${ids[*]}
CONTROL
# Reproducible: file dates from SOURCE_DATE_EPOCH, owned by root.
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
  find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
fi
out="$(dirname "$main_deb")/${pkg}-dbgsym_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "$out"
