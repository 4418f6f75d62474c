#!/usr/bin/env bash
# Runs the phone-size browser test (or, with --measure, the size and load-time
# measurement) against a built site (default build-web/site).
# Needs Debian's chromium (apt-get install chromium) and playwright-core from npm
# (installed here on first use; Playwright's own browser download is not used).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
script=phone-test.mjs
if [ "${1:-}" = --measure ]; then script=measure.mjs; shift; fi
site="${1:-$here/../../build-web/site}"
[ -f "$site/index.html" ] || { echo "web-test: no site at $site: run tools/web-build.sh build" >&2; exit 1; }
command -v /usr/bin/chromium >/dev/null || { echo "web-test: apt-get install chromium" >&2; exit 1; }
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --silent 2>/dev/null || npm install --no-audit --no-fund --silent)
fi
exec node "$here/$script" "$site"
