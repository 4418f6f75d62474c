#!/usr/bin/env bash
# The performance benchmark, in one command (see docs/performance.md):
#
#   tools/bench.sh [RESULTS_FILE]
#
# Builds Release in build-bench (nd_bench and the desktop app), runs nd_bench
# (saving, matching, the views' frames, cold start, PDF, CSV, FHIR), then measures
# the app's peak memory with a 100k-episode diary under Xvfb, and writes
# everything, with a description of the machine, to RESULTS_FILE (default
# build-bench/bench-results.txt) as well as to stdout.
#
# Environment: ND_BENCH_JOBS (build parallelism, default 1: the machines are
# shared), ND_BENCH_FILTER (a --benchmark_filter regex for nd_bench, default all).
set -euo pipefail

unset ND_BENCH_BUILD_DIR   # this script always builds and uses build-bench
source "$(dirname "${BASH_SOURCE[0]}")/bench/bench-common.sh"
out="${1:-$build/bench-results.txt}"
filter="${ND_BENCH_FILTER:-.}"
tmp="$build/tmp"   # same disk as the repository; nd_bench makes and removes its own folder in it

bench_build nd_bench
have_app=0
if bench_build numbness-diary; then have_app=1; fi
mkdir -p "$tmp" "$(dirname "$out")"

dev="$(df --output=source "$tmp" | tail -1)"
bench_header "benchmark" "tools/bench.sh $*" \
  "disk:    $dev ($(df -h --output=fstype,size "$tmp" | tail -1 | xargs)), rotational=$(cat "/sys/block/$(basename "$dev")/queue/rotational" 2>/dev/null || echo '?')" \
  "load:    $(uptime | sed 's/.*load average: //') (1, 5, 15 min; other engineers' builds share these cores)" \
  | tee "$out"

"$build/tools/bench/nd_bench" --tmp "$tmp" --benchmark_color=false --benchmark_filter="$filter" 2>&1 | tee -a "$out"

# ---- Peak memory of the real app (Maximum resident set size) with 100k episodes.
{
  echo
  echo "Peak memory of the app (numbness-diary --screenshot, under xvfb-run, /usr/bin/time -v)"
  if [[ $have_app != 1 ]] || ! command -v xvfb-run >/dev/null || [[ ! -x /usr/bin/time ]]; then
    echo "  skipped: needs the numbness-diary target, xvfb-run (xvfb) and /usr/bin/time (time)"
  else
    mem="$tmp/mem"
    rm -rf "$mem"
    mkdir -p "$mem/xdg"
    "$build/tools/bench/nd_bench" --make-db "$mem/diary-100k.sqlite" 100000 >/dev/null
    printf '  %-34s %12s %12s  %s\n' "run" "max RSS MB" "wall s" "target"
    for run in "empty diary, page diary:empty:diary" "100k episodes, page diary:diary-100k:diary" \
               "100k episodes, page patterns:diary-100k:patterns" "100k episodes, page log:diary-100k:log"; do
      IFS=: read -r label db page <<<"$run"
      [[ $db == empty ]] && db_path="$mem/empty.sqlite" || db_path="$mem/$db.sqlite"
      log="$mem/time-$page-$db.txt"
      if XDG_DATA_HOME="$mem/xdg" xvfb-run -a -s "-screen 0 1280x800x24" \
           /usr/bin/time -v -o "$log" "$build/platform/numbness-diary" --db "$db_path" \
           --screenshot "$mem/shot-$page-$db.png" --page "$page" --size 1280x800 >/dev/null 2>&1; then
        kb="$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$log")"
        wall="$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$log")"
        mb="$(awk -v k="$kb" 'BEGIN {printf "%.1f", k/1024}')"
        target=""
        if [[ $db != empty ]]; then
          target="<= 100 MB: $(awk -v k="$kb" 'BEGIN {print (k <= 102400 ? "MET" : "MISSED")}')"
        fi
        printf '  %-34s %12s %12s  %s\n' "$label" "$mb" "$wall" "$target"
      else
        printf '  %-34s failed (see %s)\n' "$label" "$log"
      fi
    done
    echo "  (MB = MiB; wall = start, 8 frames rendered by llvmpipe, PNG written, exit)"
    echo "The app's own share: the same start headless (no window, no GL driver), nd_bench --headless-start"
    for db in empty diary-100k; do
      [[ $db == empty ]] && db_path="$mem/empty-headless.sqlite" || db_path="$mem/$db.sqlite"
      log="$mem/time-headless-$db.txt"
      if /usr/bin/time -v -o "$log" "$build/tools/bench/nd_bench" --headless-start "$db_path" diary >/dev/null 2>&1; then
        kb="$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$log")"
        printf '  %-34s %12s\n' "headless, $db, page diary" "$(awk -v k="$kb" 'BEGIN {printf "%.1f", k/1024}')"
      fi
    done
    rm -f "$mem"/*.sqlite*
  fi
} 2>&1 | tee -a "$out"

echo
echo "Results written to $out"
