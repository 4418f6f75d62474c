#!/usr/bin/env bash
# Renders the demo year's doctor report and saves PNGs of its pages for the docs:
#   tools/report-pages.sh [BUILD_DIR]    (default: build)
# Writes docs/report-page-1.png (the GP's summary), -2 (the figures appendix), -3 (the
# episode table page) and -notes.png (the first page of notes).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cmake --build "$build" --target nd_export_samples >/dev/null
"$build/tests/pdf/nd_export_samples" "$out" >/dev/null
pdf="$out/demo-report.pdf"
pdftotext -layout "$pdf" "$out/demo.txt"
notes_page="$(awk 'BEGIN{RS="\f"} /Notes in the person/ {print NR; exit}' "$out/demo.txt")"
render() { pdftoppm -png -r 80 -f "$1" -l "$1" -singlefile "$pdf" "$2"; }
render 1 "$here/docs/report-page-1"
render 2 "$here/docs/report-page-2"
render 3 "$here/docs/report-page-3"
[ -n "$notes_page" ] && render "$notes_page" "$here/docs/report-page-notes"
echo "Saved $(ls "$here"/docs/report-page-*.png | wc -l) pages of $(pdfinfo "$pdf" | awk '/^Pages/ {print $2}') to docs/"
