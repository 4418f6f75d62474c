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

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ND_BENCH_BUILD_DIR:-$root/build-bench}"
out="${1:-$build/bench-commands.txt}"
jobs="${ND_BENCH_JOBS:-1}"
runs="${ND_BENCH_RUNS:-15}"
tmp="$build/tmp"   # same disk as the repository

if [[ -z ${ND_BENCH_BUILD_DIR:-} ]]; then
  cmake -S "$root" --preset bench -B "$build" >/dev/null   # Release (CMakePresets.json)
  cmake --build "$build" -j"$jobs" --target nd_bench_commands numbness-diary-cli
  cmake --build "$build" -j"$jobs" --target numbness-diary || true
fi
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 1; }
mkdir -p "$tmp" "$(dirname "$out")"

app_args=()
if [[ -x $build/platform/numbness-diary ]] && command -v xvfb-run >/dev/null; then
  app_args=(--app "$build/platform/numbness-diary")
fi

{
  echo "# Numbness Diary: whole-process benchmark"
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit:  $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (working tree has changes)')"
  echo "build:   $build ($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt"))"
  echo "cpu:     $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "load:    $(uptime | sed 's/.*load average: //') (1, 5, 15 min)"
  echo "sqlite3: $(sqlite3 --version | cut -d' ' -f1)"
  echo
} | tee "$out"

cmd=("$build/tools/bench/nd_bench_commands" --cli "$build/tools/numbness-diary-cli" --sqlite3 "$(command -v sqlite3)"
     --tmp "$tmp" --runs "$runs" "${app_args[@]}")
if [[ ${#app_args[@]} -gt 0 ]]; then
  # Mesa's software OpenGL, as on a machine without a GPU driver (docs/performance.md).
  xvfb-run -a -s "-screen 0 1280x800x24" "${cmd[@]}" 2>&1 | tee -a "$out"
else
  echo "(the app is not built or xvfb-run is missing: no start figure)" | tee -a "$out"
  "${cmd[@]}" 2>&1 | tee -a "$out"
fi
