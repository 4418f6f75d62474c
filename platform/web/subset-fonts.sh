#!/usr/bin/env bash
# Subsets the fonts the page ships (index.data) to the characters the app can
# draw: the text fonts to app/fonts.cpp's kTextRanges (the only glyphs the app
# puts in its atlas, so nothing visible is lost), Font Awesome to the icons in
# app/icons.hpp. With Debian's fonttools (pyftsubset); without it the fonts are
# copied whole (a bigger download, same look). No hinting: Dear ImGui's
# stb_truetype rasteriser does not use it.
#   platform/web/subset-fonts.sh OUTDIR APP_DIR DejaVuSans.ttf DejaVuSans-Bold.ttf fontawesome-webfont.ttf
set -euo pipefail
out="$1" app="$2"
shift 2
mkdir -p "$out"
# "0x0020, 0x017F, 0x2010, 0x2027, ..., 0" -> "U+0020-017F,U+2010-2027,..."
text_ranges="$(grep -o 'kTextRanges\[\] = {[^}]*}' "$app/fonts.cpp" | grep -o '0x[0-9A-Fa-f]*' |
  paste -d' ' - - | awk '{printf "%sU+%s-%s", (NR>1?",":""), substr($1,3), substr($2,3)}')"
icons="$(grep -o '// U+[0-9A-Fa-f]*' "$app/icons.hpp" | sed 's#// ##' | paste -sd, -)"
[ -n "$text_ranges" ] && [ -n "$icons" ] || { echo "web: cannot read the glyph ranges from $app" >&2; exit 1; }
for font in "$@"; do
  name="$(basename "$font")"
  case "$name" in
    fontawesome*) unicodes="$icons" ;;
    *) unicodes="$text_ranges,U+FFFD" ;;
  esac
  if command -v pyftsubset >/dev/null; then
    pyftsubset "$font" --unicodes="$unicodes" --no-hinting --desubroutinize --notdef-outline \
      --layout-features='' --name-IDs='*' --output-file="$out/$name.tmp"
    mv "$out/$name.tmp" "$out/$name"
  else
    echo "web: pyftsubset not found (apt-get install fonttools): shipping $name whole" >&2
    cp "$font" "$out/$name"
  fi
done
