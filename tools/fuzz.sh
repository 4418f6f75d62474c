#!/usr/bin/env bash
# libFuzzer runs over every importer (docs/reliability.md), built with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer in build-fuzz.
#
#   tools/fuzz.sh [SECONDS] [TARGET...]   each target for SECONDS (default 10)
#   tools/fuzz.sh 600                     the longer run (10 minutes a target)
#
# Targets: json binary csv csv_header catalog store merge backup kdf
# (tests/fuzz/fuzz_*.cpp; csv_header and kdf build their file from the input, see
# tests/support/fuzz_inputs.hpp). Memory per input: every target stops at
# -rss_limit_mb=2560 (ASan's shadow memory counts); csv_header and kdf, the
# targets of issue 17's hostile files, also at -malloc_limit_mb=64 (no single
# allocation above 64 MB) and a lower -rss_limit_mb (ND_FUZZ_TIGHT_RSS_MB). Seeds
# come from tests/fuzz/corpus/<target>/; new inputs go to build-fuzz/corpus/<target>/
# and crashes to build-fuzz/crashes/. A crash fails the script: fix it, then copy
# the crash file into tests/fuzz/corpus/<target>/ as a regression (the normal
# suite replays every corpus file: "Fuzz corpora and crash regressions replay cleanly").
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${ND_FUZZ_BUILD_DIR:-$here/build-fuzz}"
seconds="${1:-10}"
shift || true

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz.sh: clang++ is not installed (apt-get install clang); skipped" >&2
  exit 77
fi
# The preset fuzz (CMakePresets.json: clang, ND_BUILD_FUZZ). A folder configured
# before the presets (from tests/fuzz itself) is configured again, from scratch.
if [ ! -f "$build_dir/build.ninja" ] ||
   ! grep -qxF "CMAKE_HOME_DIRECTORY:INTERNAL=$here" "$build_dir/CMakeCache.txt" 2>/dev/null; then
  cmake -S "$here" --preset fuzz -B "$build_dir" --fresh >/dev/null
fi
cmake --build "$build_dir" -j"${ND_JOBS:-1}"
bin="$build_dir/tests/fuzz"   # the fuzz targets (corpus, crashes and logs stay in $build_dir)

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$bin"/fuzz_*; do
    name="$(basename "$f")"
    [ "$name" = fuzz_make_seeds ] && continue
    [ -x "$f" ] && targets+=("${name#fuzz_}")
  done
fi

mkdir -p "$build_dir/crashes"
total=0
failed=0
for t in "${targets[@]}"; do
  work="$build_dir/corpus/$t"
  mkdir -p "$work"
  log="$build_dir/fuzz-$t.log"
  memory=(-rss_limit_mb=2560)
  asan=detect_leaks=1
  case "$t" in
    # ASan keeps freed memory in a quarantine (256 MB by default) that counts in the
    # RSS: with it, a 256 MB bound tripped on the process's own history after ~20k
    # inputs, not on any one input. A small quarantine makes the bound mean the input.
    kdf|csv_header) memory=(-rss_limit_mb="${ND_FUZZ_TIGHT_RSS_MB:-256}" -malloc_limit_mb=64)
                    asan=detect_leaks=1:quarantine_size_mb=8 ;;
  esac
  set +e
  ASAN_OPTIONS=$asan UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin/fuzz_$t" "$work" "$here/tests/fuzz/corpus/$t" \
    -max_total_time="$seconds" -timeout=20 "${memory[@]}" -max_len=200000 \
    -print_final_stats=1 -artifact_prefix="$build_dir/crashes/$t-" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1)
  execs=${execs:-0}
  total=$((total + execs))
  if [ $rc -ne 0 ]; then
    failed=$((failed + 1))
    echo "fuzz $t: FAILED after $execs executions (log: $log)"
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -n 5
  else
    peak=$(grep -Eo 'stat::peak_rss_mb: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1)
    echo "fuzz $t: $execs executions in ${seconds} s, no crash (peak RSS ${peak:-?} MB)"
  fi
done
echo "fuzz: ${#targets[@]} targets, $total executions, $failed failed"
[ $failed -eq 0 ]
