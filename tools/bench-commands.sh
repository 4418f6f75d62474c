#!/usr/bin/env bash
# The commands and the app's start as a person runs them: whole processes, side by
# side in one run (see docs/performance.md, "Whole processes"):
#
#   tools/bench-commands.sh [RESULTS_FILE]
#
# Builds Release in build-bench (the command line, its report helper, the app and
# nd_bench_commands), then times `numbness-diary-cli log` against the sqlite3 shell
# inserting the same row (10k and 100k episodes), `match --json` at 100k, and the
# app from exec to its first frame under Xvfb (empty diary and 100k). Writes the
# figures with a description of the machine to RESULTS_FILE (default
# build-bench/bench-commands.txt) and to stdout.
#
# Environment: ND_BENCH_JOBS (build parallelism, default 1: the machines are
# shared), ND_BENCH_RUNS (runs per figure, default 15), ND_BENCH_BUILD_DIR (an
# existing build to use instead of build-bench; nothing is built then).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench/bench-common.sh"
out="${1:-$build/bench-commands.txt}"
runs="${ND_BENCH_RUNS:-15}"
tmp="$build/tmp"   # same disk as the repository

bench_build nd_bench_commands numbness-diary-cli
bench_build numbness-diary || true
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 1; }
mkdir -p "$tmp" "$(dirname "$out")"

app_args=()
if [[ -x $build/platform/numbness-diary ]] && command -v xvfb-run >/dev/null; then
  app_args=(--app "$build/platform/numbness-diary")
fi

bench_header "whole-process benchmark" "tools/bench-commands.sh $*" \
  "load:    $(uptime | sed 's/.*load average: //') (1, 5, 15 min)" \
  "sqlite3: $(sqlite3 --version | cut -d' ' -f1)" | tee "$out"

cmd=("$build/tools/bench/nd_bench_commands" --cli "$build/tools/numbness-diary-cli" --sqlite3 "$(command -v sqlite3)"
     --tmp "$tmp" --runs "$runs" "${app_args[@]}")
if [[ ${#app_args[@]} -gt 0 ]]; then
  # Mesa's software OpenGL, as on a machine without a GPU driver (docs/performance.md).
  xvfb-run -a -s "-screen 0 1280x800x24" "${cmd[@]}" 2>&1 | tee -a "$out"
else
  echo "(the app is not built or xvfb-run is missing: no start figure)" | tee -a "$out"
  "${cmd[@]}" 2>&1 | tee -a "$out"
fi
