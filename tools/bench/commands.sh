#!/usr/bin/env bash
# Exports, backups and imports of a 100k-episode diary measured as a person runs
# them (issue #19): whole processes of numbness-diary-cli writing real files,
# each timed with /usr/bin/time (wall clock, user + system CPU, peak RSS).
# docs/performance.md ("Streaming exports, backups and imports") holds the figures.
#
#   tools/bench/commands.sh BUILD_DIR [WORK_DIR]
#
# BUILD_DIR holds tools/numbness-diary-cli and tools/bench/nd_bench (which makes
# the diary: nd_bench --make-db). WORK_DIR (default: a new folder under /tmp) gets
# the diary and every file written; it is removed at the end unless given.
# ND_BENCH_ROWS: the episodes (default 100000); ND_BENCH_CSV_ROWS: the rows of the
# generated CSV import (default 1000000).
set -euo pipefail

build="$(cd "${1:?usage: commands.sh BUILD_DIR [WORK_DIR]}" && pwd)"
cli="$build/tools/numbness-diary-cli"
mk="$build/tools/bench/nd_bench"
rows="${ND_BENCH_ROWS:-100000}"
csv_rows="${ND_BENCH_CSV_ROWS:-1000000}"
if [[ $# -ge 2 ]]; then work="$2"; mkdir -p "$work"; keep=1; else work="$(mktemp -d)"; keep=0; fi
cleanup() { [[ $keep == 1 ]] || rm -rf "$work"; }
trap cleanup EXIT

db="$work/diary.sqlite"
[[ -f "$db" ]] || "$mk" --make-db "$db" "$rows" >/dev/null
printf 'pw-for-the-benchmark\n' >"$work/pw"

# One measured command: NAME then the command line; prints a row of the table.
measure() {
  local name="$1"; shift
  local out="$work/time.txt"
  if ! /usr/bin/time -f '%e %U %S %M' -o "$out" "$@" >"$work/stdout.txt" 2>"$work/stderr.txt"; then
    echo "FAILED: $name" >&2; cat "$work/stderr.txt" >&2; return 1
  fi
  read -r wall user sys peak <"$out"
  printf '%-44s %8s s %8s s %10s MiB\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "scale=1; $peak / 1024" | bc)"
}

size_of() { printf '%s MB' "$(echo "scale=1; $(stat -c %s "$1") / 1000000" | bc)"; }

echo "# numbness-diary-cli on a $rows-episode diary ($(date -u +%Y-%m-%dT%H:%M:%SZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-44s %10s %10s %14s\n' "command" "wall" "CPU" "peak RSS"
measure "list (open + load + print, for reference)" "$cli" --db "$db" list
measure "export-csv" "$cli" --db "$db" export-csv "$work/e.csv" --force
measure "export-fhir (pretty, the default)" "$cli" --db "$db" export-fhir "$work/f.json" --force
measure "export-fhir --compact" "$cli" --db "$db" export-fhir "$work/fc.json" --force --compact
measure "backup" "$cli" --db "$db" backup "$work/b.ndb" --force
measure "backup --password-file" "$cli" --db "$db" backup "$work/bp.ndb" --force --password-file "$work/pw"
rm -f "$work/r.sqlite"*
measure "restore (into an empty diary)" "$cli" --db "$work/r.sqlite" restore "$work/b.ndb"
measure "restore --merge (the same backup again)" "$cli" --db "$work/r.sqlite" restore "$work/b.ndb" --merge
rm -f "$work/rp.sqlite"*
measure "restore of the password backup" "$cli" --db "$work/rp.sqlite" restore "$work/bp.ndb" --password-file "$work/pw"
echo "sizes: CSV $(size_of "$work/e.csv"), FHIR $(size_of "$work/f.json") (compact $(size_of "$work/fc.json")), backup $(size_of "$work/b.ndb"), password backup $(size_of "$work/bp.ndb")"

# A generated CSV of csv_rows episodes (about 100 bytes a row), imported into a new diary.
awk -v n="$csv_rows" 'BEGIN {
  printf "start,regions,sensations,numbness,note\r\n";
  for (i = 0; i < n; i++) {
    d = int(i / 1440); m = i % 1440;
    printf "20%02d-%02d-%02dT%02d:%02d:00+00:00,left:toes;both:sole,numbness;tingling,%d,\"Row %d, after sitting\"\r\n",
      26 + int(d / 336), 1 + int(d / 28) % 12, 1 + d % 28, int(m / 60), m % 60, i % 11, i;
  }
}' >"$work/big.csv"
rm -f "$work/i.sqlite"*
measure "import-csv of $csv_rows rows ($(size_of "$work/big.csv"))" "$cli" --db "$work/i.sqlite" import-csv "$work/big.csv"
