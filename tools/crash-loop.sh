#!/usr/bin/env bash
# The long crash-safety run (docs/reliability.md): 1000 SIGKILLs while logging,
# and 1000 each while importing (replace_diary), while creating / migrating a new
# diary, and while writing a file atomically. Every kill is followed by a reopen,
# integrity_check and a field-by-field check of every acknowledged save. Then the
# concurrency run: RUNS rounds each of `numbness-diary-cli restore --merge` and `numbness-diary-cli import-csv`
# beside a process logging acknowledged saves, every save checked afterwards.
#
#   tools/crash-loop.sh [RUNS] [SEED]     (defaults: 1000, 20260105)
#
# Builds nd_reliability_tests in build-rel (or $ND_BUILD_DIR) first. Takes a few
# minutes. ND_RELIABILITY_TMPDIR=/some/disk/dir runs it on a real disk instead of
# /dev/shm.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${ND_BUILD_DIR:-$here/build-rel}"
runs="${1:-1000}"
seed="${2:-20260105}"

if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DND_BUILD_APP=OFF -DND_BUILD_PDF=OFF
fi
cmake --build "$build_dir" -j"${ND_JOBS:-1}" --target nd_reliability_tests nd_crash_child nd

log="$build_dir/crash-loop.log"
start=$(date +%s)
set +e
ND_CRASH_RUNS="$runs" ND_CRASH_OTHER_RUNS="$runs" ND_CRASH_SEED="$seed" ND_CONCURRENCY_ROUNDS="$runs" \
  "$build_dir/tests/reliability/nd_reliability_tests" "[crash],[concurrency]" >"$log" 2>&1
status=$?
set -e
grep -E '^\[(crash|concurrency)\]' "$log" || true
tail -n 3 "$log"
echo "crash loop: $runs runs per scenario, seed $seed, $(( $(date +%s) - start )) s, exit $status (full log: $log)"
exit "$status"
