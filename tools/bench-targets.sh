#!/usr/bin/env bash
# Every target of issue 19 measured in one run, side by side, as one table
# (docs/performance.md, "All targets in one run"):
#
#   tools/bench-targets.sh [RESULTS_FILE]                   Release build in build-bench
#   ND_BENCH_BUILD_DIR=build tools/bench-targets.sh OUT     an existing build, nothing built
#
# The figures: the first frame at 100k against an empty diary and `log` against a
# sqlite3 INSERT (whole processes, nd_bench_commands), frames right after a change
# on every page, the dense year's PDF, FHIR and CSV (nd_bench), the exports,
# backup, restore and merge of 100k as commands (time and peak memory), the app's
# own peak memory headless at 100k (first start and again), the longest frame
# while jobs run. tools/bench/targets.py does the measuring. ND_BENCH_RUNS: runs of
# the whole-process figures (default 5). Heavy: several minutes on 2 cores.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench/bench-common.sh"
out="${1:-$build/bench-targets.txt}"
runs="${ND_BENCH_RUNS:-5}"

bench_build nd_bench nd_bench_commands numbness-diary-cli numbness-diary
for tool in sqlite3 xvfb-run python3; do
  command -v "$tool" >/dev/null || { echo "bench-targets.sh: needs $tool" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "bench-targets.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
mkdir -p "$build/tmp" "$(dirname "$out")"
work="$(mktemp -d "$build/tmp/targets-XXXXXX")"
trap 'rm -rf "$work"' EXIT

bench_header "issue 19's targets in one run" "tools/bench-targets.sh $*" \
  "load at the start: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; the last column of each row: the load when it was measured)" \
  | tee "$out"
python3 "$root/tools/bench/targets.py" "$build" "$work" --runs "$runs" 2>&1 | tee -a "$out"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
