#!/usr/bin/env bash
# Saves a PNG of every page of the real app, at desktop (1280x800) and phone
# (390x844) size, into docs/screenshots/. Runs under Xvfb with a throwaway data
# folder and the demo diary, so it never touches your own diary.
#   tools/screenshots.sh            (uses ./build, or $ND_BUILD_DIR)
#   ND_SHOTS_DIR=/tmp/shots tools/screenshots.sh   (elsewhere: to compare with the committed ones)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${ND_BUILD_DIR:-$here/build}"
app="$build_dir/platform/numbness-diary"
out="${ND_SHOTS_DIR:-$here/docs/screenshots}"
[ -x "$app" ] || { echo "Build the app first: $app is missing" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (apt-get install xvfb xauth)" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
export XDG_DATA_HOME="$tmp/data" LANG=en_GB.UTF-8 ND_DB="$tmp/diary.sqlite"

shot() {   # shot NAME SIZE ARGS...
  local name="$1" size="$2"; shift 2
  xvfb-run -a -s "-screen 0 1280x900x24" "$app" --size "$size" --screenshot "$out/$name.png" "$@"
  echo "$out/$name.png"
}

for size in 1280x800 390x844; do
  tag=desktop; [ "$size" = 390x844 ] && tag=phone
  shot "welcome-$tag" "$size" --page welcome
  for page in log diary patterns causes checkin background settings export; do
    shot "$page-$tag" "$size" --demo --page "$page"
  done
  [ "$tag" = phone ] && shot "more-$tag" "$size" --demo --page more
  shot "editor-$tag" "$size" --demo --page editor
  shot "red_flags-$tag" "$size" --page red_flags
  # A file that is not a diary: the full-page explanation (the file is left as it was).
  echo "not a diary" > "$tmp/not-a-diary.sqlite"
  shot "open_error-$tag" "$size" --db "$tmp/not-a-diary.sqlite" --page log
done

# The largest text size on the phone: the size people who enlarge text see, and
# where clipping showed first (issue 13). One shot per page.
tag=phone-largest
size=390x844
shot "welcome-$tag" "$size" --text-size largest --page welcome
for page in log diary patterns causes checkin background settings export more; do
  shot "$page-$tag" "$size" --text-size largest --demo --page "$page"
done
shot "red_flags-$tag" "$size" --text-size largest --page red_flags
echo "not a diary" > "$tmp/not-a-diary.sqlite"
shot "open_error-$tag" "$size" --text-size largest --db "$tmp/not-a-diary.sqlite" --page log

