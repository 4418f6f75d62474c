# Shared by tools/bench.sh, tools/bench-commands.sh and tools/bench-targets.sh
# (sourced, not run): where the build is, how it is built, and the description of
# the machine that heads every results file, so figures from different runs can be
# compared knowing what ran them.
#
# Sets: root (the repository), build (ND_BENCH_BUILD_DIR or build-bench), jobs
# (ND_BENCH_JOBS, default 1: the machines are shared).

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${ND_BENCH_BUILD_DIR:-$root/build-bench}"
jobs="${ND_BENCH_JOBS:-1}"

# bench_build TARGET...: configures the Release preset in build-bench and builds the
# targets, unless ND_BENCH_BUILD_DIR names an existing build (then nothing is built).
bench_build() {
  [[ -n ${ND_BENCH_BUILD_DIR:-} ]] && return 0
  cmake -S "$root" --preset bench -B "$build" >/dev/null   # Release (CMakePresets.json)
  cmake --build "$build" -j"$jobs" --target "$@"
}

# bench_header TITLE COMMAND [EXTRA_LINE...]: the description of the run and the
# machine, on stdout (callers tee it into their results file).
bench_header() {
  local title=$1 command=$2
  shift 2
  echo "# Numbness Diary: $title"
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit:  $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (working tree has changes)')"
  echo "build:   $build ($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt" 2>/dev/null))"
  echo "command: $command"
  echo "cpu:     $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory:  $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
  local line
  for line in "$@"; do echo "$line"; done
  echo
}
