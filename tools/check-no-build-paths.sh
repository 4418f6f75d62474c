#!/usr/bin/env bash
# Fails when a built program holds the path of the checkout or of the build folder
# (a compiled-in source path makes installed programs read the builder's files and
# the build differ from folder to folder). Run by CTest (no_build_paths_in_programs).
#   tools/check-no-build-paths.sh SOURCE_DIR BUILD_DIR PROGRAM...
set -euo pipefail
src="$1"; build="$2"; shift 2
command -v strings >/dev/null || { echo "strings is missing: apt-get install binutils" >&2; exit 1; }
status=0
for prog in "$@"; do
    hits="$(strings -a "$prog" | grep -F -e "$src" -e "$build" | sort -u | head -5 || true)"
    if [[ -n "$hits" ]]; then
        echo "FAIL: $prog contains a build path:" >&2
        echo "$hits" | sed 's/^/  /' >&2
        status=1
    else
        echo "ok: $prog has no build path"
    fi
done
exit $status
